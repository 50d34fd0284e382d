/** Claim actions shared by the toolbar, the keyboard and the sidebar. */
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { newClaim } from '../../shared/model/claim';
import { readClaimPlacements } from '../editor/claim-placements';
import { useReviewStore } from './review-store';

/** Marks the selected words as a new claim and selects it; false when nothing is selected. */
export function markSelectionAsClaim(editor: Editor): boolean {
  const claimId = crypto.randomUUID();
  if (!editor.can().setClaim(claimId)) return false;
  const store = useReviewStore.getState();
  store.addClaim(newClaim(claimId, new Date().toISOString()));
  editor.chain().focus().setClaim(claimId).run();
  store.setPlacements(readClaimPlacements(editor.state.doc));
  store.selectClaim(claimId);
  return true;
}

/** Removes a claim's highlight (undoable in the editor) and hides its record. */
export function deleteClaim(editor: Editor, claimId: string): void {
  editor.chain().focus().unsetClaim(claimId).run();
  const store = useReviewStore.getState();
  store.removeClaim(claimId);
  store.setPlacements(readClaimPlacements(editor.state.doc));
}

/**
 * The claims' places in the editor's document now: the desk reads them only once typing pauses,
 * so a command that acts on positions reads them afresh (one walk of the article).
 */
function currentPlacements(editor: Editor) {
  const store = useReviewStore.getState();
  store.setPlacements(readClaimPlacements(editor.state.doc));
  return useReviewStore.getState().placements;
}

/** Selects claim `claimId` in the editor and scrolls it into view. */
export function revealClaim(editor: Editor, claimId: string, options: { focusEditor: boolean }): void {
  const placement = currentPlacements(editor).find((candidate) => candidate.claimId === claimId);
  useReviewStore.getState().selectClaim(claimId);
  if (!placement) return;
  const { state, view } = editor;
  view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, placement.from, placement.to)).scrollIntoView());
  const dom = view.dom.querySelector(`[data-claim-id="${CSS.escape(claimId)}"]`);
  if (dom) centreOnceLaidOut(dom);
  if (options.focusEditor) view.focus();
}

/** Frames after a jump in which the claim is brought back to the centre if it moved. */
const SETTLING_FRAMES = 4;

/**
 * Scrolls `element` to the centre, and again in the next frames while it keeps moving: the
 * article's blocks far from the screen are laid out at an estimated height (content-visibility in
 * app.css), and those a jump brings on screen take their real height a frame later, which can
 * push the claim away from where the first scroll put it.
 */
function centreOnceLaidOut(element: Element, frames = SETTLING_FRAMES): void {
  element.scrollIntoView({ block: 'center', behavior: 'auto' });
  const top = element.getBoundingClientRect().top;
  if (frames === 0) return;
  requestAnimationFrame(() => {
    if (element.isConnected && Math.abs(element.getBoundingClientRect().top - top) > 1) centreOnceLaidOut(element, frames - 1);
  });
}

/** The claim after (or before) the selected one, or the caret, in document order; wraps around. */
export function neighbourClaim(editor: Editor, direction: 1 | -1): string | null {
  const placements = currentPlacements(editor);
  const { selectedClaimId } = useReviewStore.getState();
  if (placements.length === 0) return null;
  const currentIndex = placements.findIndex((placement) => placement.claimId === selectedClaimId);
  if (currentIndex >= 0) {
    const next = (currentIndex + direction + placements.length) % placements.length;
    return placements[next]?.claimId ?? null;
  }
  const caret = editor.state.selection.from;
  const candidate =
    direction === 1 ? placements.find((placement) => placement.from >= caret) ?? placements[0] : [...placements].reverse().find((placement) => placement.to <= caret) ?? placements[placements.length - 1];
  return candidate?.claimId ?? null;
}

/** Puts claim `claimId` (one without a place, e.g. a merge's orphan) on the selected words; false when nothing is selected. */
export function placeClaimOnSelection(editor: Editor, claimId: string): boolean {
  if (!editor.can().setClaim(claimId)) return false;
  editor.chain().focus().setClaim(claimId).run();
  const store = useReviewStore.getState();
  store.updateClaim(claimId, { attention: undefined });
  store.setPlacements(readClaimPlacements(editor.state.doc));
  store.selectClaim(claimId);
  return true;
}
