/**
 * Autosave for the open review: changes are written after a quiet moment (never per
 * keystroke), one save at a time, retried after a failure, and flushed on demand.
 */
import type { Editor } from '@tiptap/react';
import type { ArticleDoc } from '../../shared/model/article-doc';
import { api, errorMessage } from '../api/client';
import { readClaimPlacements } from '../editor/claim-placements';
import { claimsToPersist, useReviewStore } from './review-store';

/** How long typing must pause before a save starts. */
export const SAVE_DELAY_MS = 700;
const RETRY_DELAY_MS = 3000;

export class ReviewSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private savedChange = 0;

  constructor(private readonly getEditor: () => Editor | null) {}

  /** Call after every change; the save happens once changes pause. */
  schedule(delay = SAVE_DELAY_MS): void {
    if (useReviewStore.getState().changeCount !== this.savedChange) useReviewStore.getState().setSaveState({ kind: 'pending' });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /** True while something is not yet on disk. */
  isDirty(): boolean {
    return useReviewStore.getState().changeCount !== this.savedChange || this.inFlight !== undefined;
  }

  /** Saves now whatever is pending, and resolves when it is on disk (or failed). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    const store = useReviewStore.getState();
    const editor = this.getEditor();
    const target = store.changeCount;
    if (!store.meta || !editor || target === this.savedChange) return;

    const placements = readClaimPlacements(editor.state.doc);
    store.setPlacements(placements);
    const fresh = useReviewStore.getState();
    store.setSaveState({ kind: 'saving' });
    this.inFlight = api['review:save']({ id: store.meta.id, doc: editor.getJSON() as ArticleDoc, claims: claimsToPersist(fresh) })
      .then(({ updatedAt }) => {
        this.savedChange = target;
        const now = useReviewStore.getState();
        now.setSaveState(now.changeCount === target ? { kind: 'saved', at: updatedAt } : { kind: 'pending' });
        if (now.changeCount !== target) this.schedule();
      })
      .catch((error: unknown) => {
        useReviewStore.getState().setSaveState({ kind: 'failed', message: errorMessage(error) });
        this.schedule(RETRY_DELAY_MS);
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    await this.inFlight;
  }
}
