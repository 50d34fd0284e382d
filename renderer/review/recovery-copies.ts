/**
 * Copies of unsaved work kept in the window's own storage (IndexedDB) while the data folder cannot
 * be written (a full disk, a missing folder, Factmark's storage process gone), so that work
 * survives a reload or a restart and can be merged back once storage works again. A copy holds
 * the review as the window last read it too, so it merges like another window's work.
 */
import { createStore, del, entries, set } from 'idb-keyval';
import type { Review } from '../../shared/model/review';
import type { WindowWork } from '../../shared/review-sync/merge-window-work';

export interface RecoveryCopy {
  /** One copy per window that failed to save: `<review id>/<window id>`. */
  key: string;
  reviewId: string;
  title: string;
  /** When the copy was taken. */
  keptAt: string;
  /** Why saving had failed, as the reviewer was told. */
  reason: string;
  base: Review;
  work: WindowWork;
}

// Opened on first use: a page that never needs a copy never touches IndexedDB.
let store: ReturnType<typeof createStore> | undefined;
const recoveryStore = (): ReturnType<typeof createStore> => (store ??= createStore('factmark-recovery', 'copies'));

/** Keeps `copy` (replacing this window's older copy); false when the window's storage refused it too. */
export async function keepRecoveryCopy(copy: RecoveryCopy): Promise<boolean> {
  try {
    await set(copy.key, copy, recoveryStore());
    return true;
  } catch {
    return false;
  }
}

/** The key of the copies one window keeps of one review. */
export function recoveryKey(reviewId: string, windowId: string): string {
  return `${reviewId}/${windowId}`;
}

/** The copies kept for `reviewId` by other windows than `windowId`, newest first. */
export async function recoveryCopiesOf(reviewId: string, windowId: string): Promise<RecoveryCopy[]> {
  try {
    const all = await entries<string, RecoveryCopy>(recoveryStore());
    return all
      .map(([, copy]) => copy)
      .filter((copy) => copy.reviewId === reviewId && copy.key !== recoveryKey(reviewId, windowId))
      .sort((left, right) => right.keptAt.localeCompare(left.keptAt));
  } catch {
    return [];
  }
}

/** Forgets one copy (its work is on disk now, or the reviewer discarded it). */
export async function dropRecoveryCopy(key: string): Promise<void> {
  await del(key, recoveryStore()).catch(() => undefined);
}
