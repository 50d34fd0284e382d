/**
 * Puts an article document that arrived from storage (another window's save, a merge, a restored
 * recovery copy) into the open editor without making it an edit of this window: the change is
 * not undoable and does not count as unsaved work. When only claims differ, only their marks
 * move, so the reviewer's place and selection stay where they were.
 */
import type { Editor } from '@tiptap/react';
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import equal from 'fast-deep-equal';
import { CLAIM_MARK } from '../../shared/article/claim-spans';
import type { ArticleDoc } from '../../shared/model/article-doc';

/** Meta key on transactions that carry stored content, not the reviewer's own edits. */
export const FROM_STORAGE = 'factmark-from-storage';

/** True when `transaction` brought stored content into the editor (see applyStoredDoc). */
export function isFromStorage(transaction: Transaction): boolean {
  return transaction.getMeta(FROM_STORAGE) === true;
}

/** Each claim's marked text runs in `doc`, as `from:to` keys, by claim id. */
function claimRuns(doc: ProseMirrorNode): Map<string, { runs: string[]; mark: Mark }> {
  const runs = new Map<string, { runs: string[]; mark: Mark }>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== CLAIM_MARK) continue;
      const claimId = String(mark.attrs.claimId);
      const entry = runs.get(claimId) ?? { runs: [], mark };
      entry.runs.push(`${pos}:${pos + node.nodeSize}`);
      runs.set(claimId, entry);
    }
    return false;
  });
  return runs;
}

/**
 * The words and formatting of `doc` without its claims, as a list that is equal for two documents
 * exactly when positions in one are positions in the other (text runs split differently agree).
 */
function wordsOf(doc: ProseMirrorNode): string[] {
  const parts: string[] = [];
  let run: { key: string; text: string } | null = null;
  doc.descendants((node) => {
    if (node.isText) {
      const key = JSON.stringify(node.marks.filter((mark) => mark.type.name !== CLAIM_MARK).map((mark) => mark.toJSON()));
      if (run && run.key === key) run.text += node.text ?? '';
      else {
        if (run) parts.push(`${run.key}${run.text}`);
        run = { key, text: node.text ?? '' };
      }
      return false;
    }
    if (run) parts.push(`${run.key}${run.text}`);
    run = null;
    parts.push(`<${node.type.name} ${JSON.stringify(node.attrs)} ${node.nodeSize}>`);
    return true;
  });
  if (run) parts.push(`${(run as { key: string; text: string }).key}${(run as { key: string; text: string }).text}`);
  return parts;
}

/** Replaces the editor's document with `doc`; returns false when nothing differed. */
export function applyStoredDoc(editor: Editor, doc: ArticleDoc): boolean {
  const { state } = editor;
  const next = state.schema.nodeFromJSON(doc);
  if (next.eq(state.doc)) return false;
  const tr = state.tr.setMeta(FROM_STORAGE, true).setMeta('addToHistory', false);
  const sameWords = equal(wordsOf(state.doc), wordsOf(next));
  if (sameWords) {
    // Same text and structure: positions agree, so move only the marks of claims that changed.
    const before = claimRuns(state.doc);
    const after = claimRuns(next);
    for (const [claimId, { runs, mark }] of before) {
      if (equal(after.get(claimId)?.runs, runs)) continue;
      for (const run of runs) {
        const [from, to] = run.split(':').map(Number) as [number, number];
        tr.removeMark(from, to, mark);
      }
    }
    for (const [claimId, { runs, mark }] of after) {
      if (equal(before.get(claimId)?.runs, runs)) continue;
      for (const run of runs) {
        const [from, to] = run.split(':').map(Number) as [number, number];
        tr.addMark(from, to, mark);
      }
    }
  } else {
    tr.replaceWith(0, state.doc.content.size, next.content);
  }
  editor.view.dispatch(tr);
  return true;
}
