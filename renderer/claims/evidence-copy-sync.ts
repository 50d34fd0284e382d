/**
 * What the evidence list needs from the desk to keep or attach a copy: the services write the
 * claim themselves (bumping the review's revision), so the desk's unsaved work goes to disk first
 * and the stored change is taken in afterwards through the same path another window's save takes.
 */
import { api } from '../api/client';
import type { ReviewSync } from '../review/review-sync';
import { useReviewStore } from '../review/review-store';

/** The desk's side of a keep or an attach. */
export interface EvidenceCopySync {
  reviewId: string;
  /** Puts everything pending on disk (the service reads the stored claim); false when saving failed. */
  saveNow: () => Promise<boolean>;
  /** Takes in what a service stored, merging it with anything typed meanwhile (never a save conflict). */
  takeStored: () => Promise<void>;
}

/** The evidence side of `sync`: save first, then read the stored revision and take it in. */
export function evidenceCopySync(sync: ReviewSync): EvidenceCopySync {
  return {
    reviewId: sync.reviewId,
    // Keys typed while the save ran leave the window dirty again without anything having failed:
    // what the service needs (the item as it was when asked) is on disk unless saving failed.
    saveNow: async () => (await sync.flush()) || useReviewStore.getState().saveState.kind !== 'failed',
    takeStored: async () => {
      // Nothing of this window's may be in flight when the newer revision is announced, or the
      // announcement is dropped; flushing first also sends what was typed while the copy was kept.
      await sync.flush();
      const status = await api['app:status']({ reviewId: sync.reviewId });
      if (status.review) await sync.onStoredRevision(status.review.revision);
    },
  };
}
