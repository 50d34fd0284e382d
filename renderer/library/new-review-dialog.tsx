/** Starts a review from pasted text (formatting kept) or from a .txt / .md file. */
import { EditorContent, useEditor } from '@tiptap/react';
import { useRef, useState, type FormEvent } from 'react';
import type { ArticleSource } from '../../shared/api/contract';
import { articleStarterKit, articleTables } from '../../shared/editor-schema/article-extensions';
import { readDraftAddress } from '../claims/url-field';
import type { ReviewOrigin } from '../../shared/model/review';
import { cleanPastedHtml } from '../editor/article-editor';
import { ENCODING_CHOICES, IMPORT_ACCEPT } from './import-file';
import { DialogFooter, ModalDialog } from '../app/modal-dialog';

export interface NewReviewRequest {
  title: string;
  sourceUrl: string;
  origin: ReviewOrigin;
  article: ArticleSource;
}

/** A file to import, with the reviewer's title, address and encoding choice (blank: take them from the file). */
export interface ImportRequest {
  file: File;
  title: string;
  sourceUrl: string;
  encoding: string;
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
  const [title, setTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const pasteEditor = useEditor({
    extensions: [articleStarterKit({ keepRelativeLinks: true }), articleTables()],
    injectCSS: false,
    textDirection: 'auto',
    editorProps: { attributes: { 'aria-label': 'Article text (paste here)', class: 'paste-area', 'aria-multiline': 'true' }, transformPastedHTML: cleanPastedHtml },
  });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const pastedHtml = pasteEditor && !pasteEditor.isEmpty ? pasteEditor.getHTML() : '';
    if (!title.trim() && !file) return setProblem('Give the review a title.');
    const source = readDraftAddress(sourceUrl, false);
    if (!source.ok) return setProblem(`Source address: ${source.problem}`);
    if (!file && !pastedHtml) return setProblem('Paste the article text, or open a file.');
    setBusy(true);
    try {
      if (file) await onImport({ file, title: title.trim(), sourceUrl: source.url, encoding });
      else await onCreate({ title: title.trim(), sourceUrl: source.url, origin: { kind: 'paste' }, article: { format: 'html', body: pastedHtml } });
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
    <ModalDialog title="New review" onClose={onClose} className="new-review">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field-label">Title</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} dir="auto" autoFocus maxLength={300} placeholder={file ? "Taken from the file if left empty" : ""} />
        </label>
        <label className="field">
          <span className="field-label">Source address (optional)</span>
          <input type="url" value={sourceUrl} onChange={(event) => setSourceUrl(event.target.value)} placeholder="https://" dir="ltr" />
        </label>
        {file ? (
          <div className="file-chosen">
            <p>
              Article from <strong>{file.name}</strong> (the title and address are taken from the file unless you give them){' '}
              <button type="button" className="link-button" onClick={() => setFile(null)}>
                Paste text instead
              </button>
            </p>
            {/\.(txt|text|md|markdown|html?)$/i.test(file.name) && (
              <label className="field">
                <span className="field-label">Text encoding</span>
                <select value={encoding} onChange={(event) => setEncoding(event.target.value)}>
                  {ENCODING_CHOICES.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        ) : (
          <div className="field">
            <span className="field-label">Article</span>
            <EditorContent editor={pasteEditor} className="paste-frame" />
          </div>
        )}
        <div className="file-choice">
          <button type="button" onClick={() => fileInput.current?.click()}>
            Open a file (Word, PDF, web page, text)…
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label="Article file"
            accept={IMPORT_ACCEPT}
            onChange={(event) => chooseFile(event.target.files?.[0])}
          />
        </div>
        <DialogFooter
          problem={problem}
          submitLabel="Create review"
          busy={busy}
          busyLabel={file ? `Importing ${file.name}…` : 'Creating…'}
          // While a file is being read, Cancel stops the import and nothing is added.
          onCancel={busy && file ? onCancelImport : onClose}
        />
      </form>
    </ModalDialog>
  );
}
