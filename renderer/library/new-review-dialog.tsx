/** Starts a review from pasted text (formatting kept) or from a .txt / .md file. */
import { EditorContent, useEditor } from '@tiptap/react';
import { useRef, useState, type FormEvent } from 'react';
import type { ArticleSource } from '../../shared/api/contract';
import { articleStarterKit, articleTables } from '../../shared/editor-schema/article-extensions';
import { isHttpUrl } from '../../shared/model/primitives';
import type { ReviewOrigin } from '../../shared/model/review';
import { cleanPastedHtml } from '../editor/article-editor';
import { DialogFooter, ModalDialog } from '../app/modal-dialog';

export interface NewReviewRequest {
  title: string;
  sourceUrl: string;
  origin: ReviewOrigin;
  article: ArticleSource;
}

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Reads a chosen text file; Markdown by its extension. */
export async function articleFromFile(file: File): Promise<{ title: string; article: ArticleSource }> {
  if (!/\.(txt|text|md|markdown)$/i.test(file.name)) throw new Error(`${file.name} is not a .txt or .md file. Factmark opens plain text and Markdown files here.`);
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is larger than 20 MB; that is not an article Factmark can open.`);
  const body = await file.text();
  const format = /\.(md|markdown)$/i.test(file.name) ? 'markdown' : 'text';
  const firstHeading = format === 'markdown' ? /^#\s+(.+)$/m.exec(body)?.[1] : undefined;
  return { title: (firstHeading ?? file.name.replace(/\.[^.]+$/, '')).trim().slice(0, 300), article: { format, body } };
}

export function NewReviewDialog({ onCreate, onClose }: { onCreate: (request: NewReviewRequest) => Promise<void>; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [fileArticle, setFileArticle] = useState<{ name: string; article: ArticleSource } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const pasteEditor = useEditor({
    extensions: [articleStarterKit(), articleTables()],
    injectCSS: false,
    textDirection: 'auto',
    editorProps: { attributes: { 'aria-label': 'Article text (paste here)', class: 'paste-area', 'aria-multiline': 'true' }, transformPastedHTML: cleanPastedHtml },
  });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const pastedHtml = pasteEditor && !pasteEditor.isEmpty ? pasteEditor.getHTML() : '';
    const article: ArticleSource | null = fileArticle?.article ?? (pastedHtml ? { format: 'html', body: pastedHtml } : null);
    if (!title.trim()) return setProblem('Give the review a title.');
    if (sourceUrl.trim() && !isHttpUrl(sourceUrl.trim())) return setProblem('The source address must start with http:// or https://.');
    if (!article) return setProblem('Paste the article text, or open a .txt or .md file.');
    setBusy(true);
    try {
      await onCreate({
        title: title.trim(),
        sourceUrl: sourceUrl.trim(),
        origin: fileArticle ? { kind: 'file', fileName: fileArticle.name } : { kind: 'paste' },
        article,
      });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  const chooseFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      const read = await articleFromFile(file);
      setFileArticle({ name: file.name, article: read.article });
      if (!title.trim()) setTitle(read.title);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <ModalDialog title="New review" onClose={onClose} className="new-review">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field-label">Title</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} dir="auto" autoFocus required maxLength={300} />
        </label>
        <label className="field">
          <span className="field-label">Source address (optional)</span>
          <input type="url" value={sourceUrl} onChange={(event) => setSourceUrl(event.target.value)} placeholder="https://" dir="ltr" />
        </label>
        {fileArticle ? (
          <p className="file-chosen">
            Article from <strong>{fileArticle.name}</strong>{' '}
            <button type="button" className="link-button" onClick={() => setFileArticle(null)}>
              Paste text instead
            </button>
          </p>
        ) : (
          <div className="field">
            <span className="field-label">Article</span>
            <EditorContent editor={pasteEditor} className="paste-frame" />
          </div>
        )}
        <div className="file-choice">
          <button type="button" onClick={() => fileInput.current?.click()}>
            Open a .txt or .md file…
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label="Article file"
            accept=".txt,.text,.md,.markdown,text/plain,text/markdown"
            onChange={(event) => void chooseFile(event.target.files?.[0])}
          />
        </div>
        <DialogFooter problem={problem} submitLabel="Create review" busy={busy} busyLabel="Creating…" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
