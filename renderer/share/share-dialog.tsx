/** Shares the open review: the reviewer says who they are (once), and the .factmark file is saved. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api/client';
import { DialogFooter, ModalDialog } from '../app/modal-dialog';
import { saveFile } from '../app/save-file';
import { useDialogSubmit } from '../app/use-dialog-submit';
import type { EvidenceShareSize } from '../../shared/share-file/shared-evidence';
import { ShareEvidenceOption } from './share-evidence-option';
import { savedLeftOutSentence } from './share-evidence-words';

export function ShareDialog({ reviewId, onClose, onDone }: { reviewId: string; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState<string | null>(null);
  const [evidenceSize, setEvidenceSize] = useState<EvidenceShareSize | null>(null);
  const [includeCopies, setIncludeCopies] = useState(false);

  const { busy, problem, setProblem, submit } = useDialogSubmit(async () => {
    if (!name?.trim()) throw new Error(t('share.noName'));
    await api['settings:setReviewer']({ name: name.trim() });
    const file = await api['share:create']({ id: reviewId, ...(includeCopies ? { includeEvidenceCopies: true } : {}) });
    saveFile(file.fileName, file.mimeType, file.base64);
    const leftOut = savedLeftOutSentence(file.evidenceCopies?.leftOut ?? [], t);
    onDone(leftOut ? `${t('share.saved', { fileName: file.fileName })} ${leftOut}` : t('share.saved', { fileName: file.fileName }));
  });

  useEffect(() => {
    api['settings:getReviewer']({}).then(
      (reviewer) => setName(reviewer.name),
      (error: unknown) => setProblem(errorMessage(error)),
    );
  }, [setProblem]);

  useEffect(() => {
    // Without the sizes the choice is not offered: sharing still works, only without copies.
    api['share:evidenceSize']({ id: reviewId }).then(setEvidenceSize, (error: unknown) => setProblem(errorMessage(error)));
  }, [reviewId, setProblem]);

  return (
    <ModalDialog title={t('share.title')} onClose={onClose} className="share-dialog">
      <form noValidate onSubmit={submit}>
        <p>{t('share.explained')}</p>
        <label className="field">
          <span className="field-label">{t('share.yourName')}</span>
          <input value={name ?? ''} onChange={(event) => setName(event.target.value)} disabled={name === null} dir="auto" autoFocus maxLength={200} />
        </label>
        {evidenceSize && evidenceSize.copies > 0 && <ShareEvidenceOption size={evidenceSize} checked={includeCopies} onChange={setIncludeCopies} disabled={busy} />}
        <DialogFooter problem={problem} submitLabel={t('share.submit')} busy={busy} busyLabel={t('common.saving')} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
