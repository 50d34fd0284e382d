/** Changes a review's title and source address. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readDraftAddress } from '../claims/url-field';
import type { ReviewSummary } from '../../shared/model/review';
import { DialogFooter, ModalDialog } from '../app/modal-dialog';

export function RenameDialog(props: { review: ReviewSummary; onSave: (title: string, sourceUrl: string) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(props.review.title);
  const [sourceUrl, setSourceUrl] = useState(props.review.sourceUrl);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!title.trim()) return setProblem(t('rename.noTitle'));
    const source = readDraftAddress(sourceUrl, false);
    if (!source.ok) return setProblem(t('rename.badSource', { problem: source.problem }));
    props.onSave(title.trim(), source.url).catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  return (
    <ModalDialog title={t('rename.title')} onClose={props.onClose}>
      <form noValidate onSubmit={submit}>
        <label className="field">
          <span className="field-label">{t('common.title')}</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} dir="auto" autoFocus maxLength={300} />
        </label>
        <label className="field">
          <span className="field-label">{t('rename.sourceAddress')}</span>
          <input type="url" value={sourceUrl} onChange={(event) => setSourceUrl(event.target.value)} dir="ltr" placeholder="https://" />
        </label>
        <DialogFooter problem={problem} submitLabel={t('common.save')} onCancel={props.onClose} />
      </form>
    </ModalDialog>
  );
}
