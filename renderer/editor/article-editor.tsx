/**
 * The article editor: TipTap with the article schema and the claim mark. It reports
 * document changes and claim clicks upward and never re-renders React on a keystroke.
 */
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import DOMPurify from 'dompurify';
import { useEffect, useRef } from 'react';
import { CLAIM_ID_ATTRIBUTE } from '../../shared/editor-schema/claim-mark-base';
import { articleStarterKit, articleTables } from '../../shared/editor-schema/article-extensions';
import type { ArticleDoc } from '../../shared/model/article-doc';
import { isFromStorage } from './apply-stored-doc';
import { ClaimMark } from './extensions/claim-mark';
import { ArticleLock } from './extensions/article-lock';
import { DeskUndo } from './extensions/desk-undo';
import type { Transaction } from '@tiptap/pm/state';
import { interfaceI18n } from '../i18n/interface-i18n';

export interface ArticleEditorProps {
  doc: ArticleDoc;
  onReady: (editor: Editor) => void;
  onDocumentChange: (editor: Editor) => void;
  /** Claim ids under a click, innermost first. */
  onClaimClick: (claimIds: string[]) => void;
  onMarkRequest: () => void;
  /** Every transaction, for the desk's undo history. */
  onTransaction: (editor: Editor, transaction: Transaction) => void;
  undo: () => boolean;
  redo: () => boolean;
  /** True while the reviewer edits the article's words (Edit text); otherwise they are locked. */
  isEditingText: () => boolean;
  onBlockedEdit: () => void;
}

/** Claim ids of the highlight elements around `target`, innermost first. */
export function claimIdsAround(target: EventTarget | null): string[] {
  const ids: string[] = [];
  let element = target instanceof Element ? target.closest(`[${CLAIM_ID_ATTRIBUTE}]`) : null;
  while (element) {
    const id = element.getAttribute(CLAIM_ID_ATTRIBUTE);
    if (id && !ids.includes(id)) ids.push(id);
    element = element.parentElement?.closest(`[${CLAIM_ID_ATTRIBUTE}]`) ?? null;
  }
  return ids;
}

/** Pasted HTML loses scripts, event handlers, styles and remote images before the schema even sees it. */
export function cleanPastedHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ['img', 'picture', 'source', 'video', 'audio', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'form', 'input', 'svg', 'math'],
    FORBID_ATTR: ['style', 'srcset', 'src'],
  });
}

export function ArticleEditor(props: ArticleEditorProps) {
  const callbacks = useRef(props);
  callbacks.current = props;

  const editor = useEditor({
    extensions: [
      articleStarterKit(),
      articleTables(),
      ClaimMark.configure({ onMarkRequest: () => callbacks.current.onMarkRequest() }),
      DeskUndo.configure({ undo: () => callbacks.current.undo(), redo: () => callbacks.current.redo() }),
      ArticleLock.configure({ isEditingText: () => callbacks.current.isEditingText(), onBlockedEdit: () => callbacks.current.onBlockedEdit() }),
    ],
    content: props.doc,
    // Each paragraph takes its own direction from its first strong character (Arabic or Latin).
    textDirection: 'auto',
    // The CSP forbids injected <style>; the editor's base styles are in app.css.
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    immediatelyRender: true,
    editorProps: {
      attributes: { 'aria-label': interfaceI18n.t('editor.articleText'), 'aria-multiline': 'true', 'aria-readonly': 'true', class: 'article-editor', spellcheck: 'true' },
      transformPastedHTML: cleanPastedHtml,
      handleClickOn: () => false,
      handleDOMEvents: {
        click: (_view, event) => {
          const ids = claimIdsAround(event.target);
          if (ids.length > 0) callbacks.current.onClaimClick(ids);
          return false;
        },
      },
    },
    onCreate: ({ editor: created }) => callbacks.current.onReady(created as Editor),
    onTransaction: ({ editor: changed, transaction }) => callbacks.current.onTransaction(changed as Editor, transaction),
    // Content that came from storage (another window's save) is not this window's change.
    onUpdate: ({ editor: updated, transaction }) => {
      if (!isFromStorage(transaction)) callbacks.current.onDocumentChange(updated as Editor);
    },
  });

  useEffect(() => () => editor?.destroy(), [editor]);

  return <EditorContent editor={editor} className="article-editor-frame" />;
}
