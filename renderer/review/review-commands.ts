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
const SETTLING_FRAMES = 12;

/** What the reviewer does that ends the centring of a revealed claim. */
const STOP_EVENTS = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;

/**
 * Scrolls `element` to the centre, and again in the next frames whenever it has moved: the
 * article's blocks far from the screen are laid out at an estimated height (content-visibility in
 * app.css), and those a jump brings on screen take their real height a frame or two later, which
 * can push the claim away from where the first scroll put it. A scroll, click or key of the
 * reviewer's own ends this at once.
 */
function centreOnceLaidOut(element: Element): void {
  element.scrollIntoView({ block: 'center', behavior: 'auto' });
  let top = element.getBoundingClientRect().top;
  let frames = SETTLING_FRAMES;
  const stop = (): void => {
    frames = 0;
    for (const type of STOP_EVENTS) window.removeEventListener(type, stop, true);
  };
  for (const type of STOP_EVENTS) window.addEventListener(type, stop, { capture: true, passive: true });
  const check = (): void => {
    if (frames === 0) return;
    frames -= 1;
    if (!element.isConnected) return stop();
    const now = element.getBoundingClientRect().top;
    if (Math.abs(now - top) > 1) {
      element.scrollIntoView({ block: 'center', behavior: 'auto' });
      top = element.getBoundingClientRect().top;
    }
    if (frames === 0) stop();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
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
