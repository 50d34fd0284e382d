/**
 * One undo history for the desk: marking and unmarking claims (editor steps, kept by
 * ProseMirror's history) and edits of claim fields (verdict, rationale, …, kept here), walked
 * back and forth in the order they were made. Without it, Ctrl+Z after "mark, then Alt+4"
 * removed the highlight but left its verdict behind: a claim without words.
 */
import type { Editor } from '@tiptap/react';
import { closeHistory, redoDepth, undoDepth } from '@tiptap/pm/history';
import type { Transaction } from '@tiptap/pm/state';
import { onClaimEdit, useReviewStore, type ClaimPatch } from './review-store';

/** Edits of the same fields of one claim closer together than this are undone as one (typing a rationale). */
const GROUP_WINDOW_MS = 1_500;

type Entry =
  /** One event of the editor's own history. */
  | { kind: 'editor' }
  | { kind: 'fields'; claimId: string; before: ClaimPatch; after: ClaimPatch; at: number };

function sameFields(left: ClaimPatch, right: ClaimPatch): boolean {
  const keys = (patch: ClaimPatch): string => Object.keys(patch).sort().join(',');
  return keys(left) === keys(right);
}

export class UndoHistory {
  private undoStack: Entry[] = [];
  private redoStack: Entry[] = [];
  /** True while this history drives the editor, so its transactions are not taken for new edits. */
  private replaying = false;
  private editorDepth = 0;
  private readonly stopListening: () => void;

  constructor(
    private readonly getEditor: () => Editor | null,
    /** Told when the next step is a change of the words and review mode does not allow it. */
    private readonly onBlocked: () => void = () => undefined,
  ) {
    this.stopListening = onClaimEdit((claimId, before, after) => this.recordFields(claimId, before, after));
  }

  /** Follows every editor transaction: a new event in the editor's history is a new step here. */
  onTransaction(editor: Editor, transaction: Transaction): void {
    const depth = undoDepth(editor.state);
    if (!this.replaying && transaction.docChanged && depth > this.editorDepth) {
      this.undoStack.push({ kind: 'editor' });
      this.redoStack = [];
    }
    this.editorDepth = depth;
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Takes back the latest step; false when there is none. */
  undo(): boolean {
    return this.step(this.undoStack, this.redoStack, 'undo');
  }

  /** Makes the latest undone step again; false when there is none. */
  redo(): boolean {
    return this.step(this.redoStack, this.undoStack, 'redo');
  }

  dispose(): void {
    this.stopListening();
  }

  private recordFields(claimId: string, before: ClaimPatch, after: ClaimPatch): void {
    if (this.replaying) return;
    const now = Date.now();
    const last = this.undoStack[this.undoStack.length - 1];
    this.redoStack = [];
    if (last?.kind === 'fields' && last.claimId === claimId && sameFields(last.after, after) && now - last.at < GROUP_WINDOW_MS) {
      last.after = after;
      last.at = now;
      return;
    }
    this.undoStack.push({ kind: 'fields', claimId, before, after, at: now });
    // The next editor step starts its own event, so the two histories keep their order.
    const editor = this.getEditor();
    if (editor) editor.view.dispatch(closeHistory(editor.state.tr));
  }

  private step(from: Entry[], to: Entry[], direction: 'undo' | 'redo'): boolean {
    const editor = this.getEditor();
    while (from.length > 0) {
      const entry = from.pop() as Entry;
      this.replaying = true;
      let outcome: 'done' | 'gone' | 'blocked';
      try {
        if (entry.kind === 'editor') {
          if (!editor) return false;
          const depthOf = (): number => (direction === 'undo' ? undoDepth(editor.state) : redoDepth(editor.state));
          const depthBefore = depthOf();
          if (depthBefore === 0) outcome = 'gone';
          else {
            if (direction === 'undo') editor.commands.undo();
            else editor.commands.redo();
            // Review mode refuses a step that changes the words: it stays where it was.
            outcome = depthOf() < depthBefore ? 'done' : 'blocked';
          }
        } else {
          const store = useReviewStore.getState();
          outcome = store.claims[entry.claimId] === undefined ? 'gone' : 'done';
          if (outcome === 'done') store.updateClaim(entry.claimId, direction === 'undo' ? entry.before : entry.after, { fromUndo: true });
        }
      } finally {
        this.replaying = false;
        if (editor) this.editorDepth = undoDepth(editor.state);
      }
      if (outcome === 'done') {
        to.push(entry);
        return true;
      }
      if (outcome === 'blocked') {
        from.push(entry);
        this.onBlocked();
        return true;
      }
      // A step the editor no longer holds (its history is bounded) is skipped.
    }
    return false;
  }
}
