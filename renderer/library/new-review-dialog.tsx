/** Starts a review from pasted text (formatting kept) or from a .txt / .md file. */
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ArticleSource } from '../../shared/api/contract';
import type { RatingScale } from '../../shared/model/rating-scale';
import { api } from '../api/client';
import { articleStarterKit, articleTables } from '../../shared/editor-schema/article-extensions';
import { readDraftAddress } from '../claims/url-field';
import type { ReviewOrigin } from '../../shared/model/review';
import { cleanPastedHtml } from '../editor/article-editor';
import { ENCODING_CHOICES, IMPORT_ACCEPT } from './import-file';
import { DialogFooter, ModalDialog } from '../app/modal-dialog';
import { scaleName } from '../settings/scale-name';

export interface NewReviewRequest {
  title: string;
  sourceUrl: string;
  origin: ReviewOrigin;
  article: ArticleSource;
  /** The library scale chosen for the review; the default scale when absent. */
  scaleId?: string;
}

/** A file to import, with the reviewer's title, address and encoding choice (blank: take them from the file). */
export interface ImportRequest {
  file: File;
  title: string;
  sourceUrl: string;
  encoding: string;
  /** The library scale chosen for the review; the default scale when absent. */
  scaleId?: string;
}

export function NewReviewDialog({
  onCreate,
  onImport,
  onCancelImport,
  onClose,
}: {
  onCreate: (request: NewReviewRequest) => Promise<void>;
  onImport: (request: ImportRequest) => Promise<void>;
  onCancelImport: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The library's scales when it has more than one to choose from; the first is the default. */
  const [scales, setScales] = useState<RatingScale[]>([]);
  const [scaleId, setScaleId] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Without the list the review takes the default scale, as it always did: nothing to refuse.
    api['scale:list']({}).then(
      (loaded) => {
        setScales(loaded);
        setScaleId((current) => current || (loaded[0]?.id ?? ''));
      },
      () => undefined,
    );
  }, []);
  const pasteEditor = useEditor({
    extensions: [articleStarterKit({ keepRelativeLinks: true }), articleTables()],
    injectCSS: false,
    textDirection: 'auto',
    editorProps: { attributes: { 'aria-label': t('newReview.pasteArea'), class: 'paste-area', 'aria-multiline': 'true' }, transformPastedHTML: cleanPastedHtml },
  });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const pastedHtml = pasteEditor && !pasteEditor.isEmpty ? pasteEditor.getHTML() : '';
    if (!title.trim() && !file) return setProblem(t('newReview.noTitle'));
    const source = readDraftAddress(sourceUrl, false);
    if (!source.ok) return setProblem(t('newReview.badSource', { problem: source.problem }));
    if (!file && !pastedHtml) return setProblem(t('newReview.noArticle'));
    setBusy(true);
    try {
      const chosenScale = scales.length > 1 && scaleId ? { scaleId } : {};
      if (file) await onImport({ file, title: title.trim(), sourceUrl: source.url, encoding, ...chosenScale });
      else await onCreate({ title: title.trim(), sourceUrl: source.url, origin: { kind: 'paste' }, article: { format: 'html', body: pastedHtml }, ...chosenScale });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  const chooseFile = (chosen: File | undefined): void => {
    if (!chosen) return;
    setFile(chosen);
    setProblem(null);
  };

  return (
    <ModalDialog title={t('newReview.title')} onClose={onClose} className="new-review">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field-label">{t('common.title')}</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} dir="auto" autoFocus maxLength={300} placeholder={file ? t('newReview.titleFromFile') : ''} />
        </label>
        <label className="field">
          <span className="field-label">{t('newReview.sourceAddress')}</span>
          <input type="url" value={sourceUrl} onChange={(event) => setSourceUrl(event.target.value)} placeholder="https://" dir="ltr" />
        </label>
        {scales.length > 1 && (
          <label className="field">
            <span className="field-label">{t('newReview.scale')}</span>
            <select value={scaleId} onChange={(event) => setScaleId(event.target.value)} dir="auto">
              {scales.map((scale, index) => (
                <option key={scale.id} value={scale.id}>
                  {index === 0 ? t('newReview.defaultScale', { name: scaleName(scale, t) }) : scaleName(scale, t)}
                </option>
              ))}
            </select>
          </label>
        )}
        {file ? (
          <div className="file-chosen">
            <p>
              <Trans i18nKey="newReview.fromFile" values={{ fileName: file.name }} components={{ file: <strong dir="auto" /> }} />{' '}
              <button type="button" className="link-button" onClick={() => setFile(null)}>
                {t('newReview.pasteInstead')}
              </button>
            </p>
            {/\.(txt|text|md|markdown|html?)$/i.test(file.name) && (
              <label className="field">
                <span className="field-label">{t('newReview.encoding')}</span>
                <select value={encoding} onChange={(event) => setEncoding(event.target.value)}>
                  {ENCODING_CHOICES.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {t(choice.labelKey)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        ) : (
          <div className="field">
            <span className="field-label">{t('newReview.article')}</span>
            <EditorContent editor={pasteEditor} className="paste-frame" />
          </div>
        )}
        <div className="file-choice">
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('newReview.openFile')}
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label={t('newReview.fileInput')}
            accept={IMPORT_ACCEPT}
            onChange={(event) => chooseFile(event.target.files?.[0])}
          />
        </div>
        <DialogFooter
          problem={problem}
          submitLabel={t('newReview.create')}
          busy={busy}
          busyLabel={file ? t('newReview.importing', { fileName: file.name }) : t('newReview.creating')}
          // While a file is being read, Cancel stops the import and nothing is added.
          onCancel={busy && file ? onCancelImport : onClose}
        />
      </form>
    </ModalDialog>
  );
}
