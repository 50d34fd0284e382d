/**
 * Review mode and Edit text mode. A review opens in review mode, where the article's words cannot
 * change by accident; Edit text is a deliberate switch. When it ends, every claim whose words
 * changed meanwhile is flagged for a look, as a merge flags claims on edited words.
 */
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { readClaimPlacements } from '../editor/claim-placements';
import { useReviewStore } from './review-store';
import { interfaceI18n } from '../i18n/interface-i18n';

/** How often at most the reviewer is reminded that review mode keeps the words as they are. */
const REMINDER_INTERVAL_MS = 4_000;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

/** Flags each claim whose words differ from `quotes` (as they were when editing began); returns how many. */
export function flagEditedClaims(editor: Editor, quotes: ReadonlyMap<string, string>): number {
  const store = useReviewStore.getState();
  const placements = readClaimPlacements(editor.state.doc);
  store.setPlacements(placements);
  let flagged = 0;
  for (const placement of placements) {
    const before = quotes.get(placement.claimId);
    const claim = store.claims[placement.claimId];
    if (before === undefined || before === placement.quote || !claim || claim.attention) continue;
    store.updateClaim(placement.claimId, {
      attention: {
        kind: 'changed',
        quote: before.slice(0, 20_000),
        detail: `The words of this claim were edited in this review (they were: “${excerpt(before)}”). Check that the claim still reads as checked.`,
        why: { code: 'edited-here', words: excerpt(before) },
      },
    });
    flagged++;
  }
  return flagged;
}

export interface TextEditing {
  editingText: boolean;
  /** For the editor's lock: read at every transaction, so it must not wait for a render. */
  isEditingText: () => boolean;
  startEditing: () => void;
  finishEditing: () => void;
  /** Review mode refused an edit: remind the reviewer how to change the words. */
  onBlockedEdit: () => void;
}

export function useTextEditing(getEditor: () => Editor | null, onMessage: (message: string) => void): TextEditing {
  const [editingText, setEditingText] = useState(false);
  const editing = useRef(false);
  const quotesAtStart = useRef<Map<string, string>>(new Map());
  const lastReminder = useRef(0);

  const startEditing = useCallback(() => {
    const editor = getEditor();
    if (!editor) return;
    quotesAtStart.current = new Map(readClaimPlacements(editor.state.doc).map((placement) => [placement.claimId, placement.quote]));
    editing.current = true;
    setEditingText(true);
    editor.commands.focus();
  }, [getEditor]);

  const finishEditing = useCallback(() => {
    const editor = getEditor();
    if (!editing.current) return;
    editing.current = false;
    setEditingText(false);
    const flagged = editor ? flagEditedClaims(editor, quotesAtStart.current) : 0;
    onMessage(flagged > 0 ? interfaceI18n.t('textEdit.backFlagged', { count: flagged }) : interfaceI18n.t('textEdit.back'));
  }, [getEditor, onMessage]);

  const onBlockedEdit = useCallback(() => {
    const now = Date.now();
    if (now - lastReminder.current < REMINDER_INTERVAL_MS) return;
    lastReminder.current = now;
    onMessage(interfaceI18n.t('textEdit.blocked'));
  }, [onMessage]);

  useEffect(() => {
    const editor = getEditor();
    editor?.view.dom.setAttribute('aria-readonly', editingText ? 'false' : 'true');
  }, [editingText, getEditor]);

  // Leaving the desk while editing still flags what changed.
  useEffect(
    () => () => {
      const editor = getEditor();
      if (editing.current && editor && !editor.isDestroyed) flagEditedClaims(editor, quotesAtStart.current);
    },
    [getEditor],
  );

  return { editingText, isEditingText: useCallback(() => editing.current, []), startEditing, finishEditing, onBlockedEdit };
}
