/**
 * The Trash: deleted reviews kept in the data folder's trash/ (LibraryStore.deleteReview puts
 * them there) to be listed, restored through the store, or removed for good with their originals
 * and kept evidence copies.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api/envelope';
import type { Review } from '../../../shared/model/review';
import { readTrashFileName, type TrashEntry } from '../../../shared/model/trash-entry';
import { systemReason } from '../system-reason';
import type { LibraryStore } from './library-store';
import { migrateReviewFile } from './migrate';
import { explainWriteFailure } from './write-failure';
import { removeReviewEvidence } from './evidence-files';
import { isRecord } from '../../../shared/model/is-record';

/** What restoring did: the review as it is now in the library, and whether it came back under a new id. */
export interface RestoredReview {
  review: Review;
  asCopy: boolean;
}

const trashFolder = (dataDir: string): string => join(dataDir, 'trash');

/** The names in trash/ that are trash files (anything else there is not Factmark's and is left alone). */
async function trashFiles(dataDir: string): Promise<{ fileName: string; trashId: string; reviewId: string; deletedAt: string }[]> {
  const names = await readdir(trashFolder(dataDir)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new ApiError('unavailable', `The Trash folder ${trashFolder(dataDir)} could not be read: ${systemReason(error)}. Nothing was changed.`);
  });
  return names.flatMap((fileName) => {
    const read = readTrashFileName(fileName);
    return read ? [{ fileName, ...read }] : [];
  });
}


/**
 * `parsed` with its objects' keys in the order `raw` had them. Parsing puts keys in schema order,
 * while a file holds them in the order its last save made; keeping the file's order means a review
 * deleted and restored unchanged is written back byte for byte.
 */
function inOrderOf(parsed: unknown, raw: unknown): unknown {
  if (Array.isArray(parsed)) return Array.isArray(raw) ? parsed.map((item, index) => inOrderOf(item, raw[index])) : parsed;
  if (!isRecord(parsed) || !isRecord(raw)) return parsed;
  const keys = [...Object.keys(raw).filter((key) => key in parsed), ...Object.keys(parsed).filter((key) => !(key in raw))];
  return Object.fromEntries(keys.map((key) => [key, inOrderOf(parsed[key], raw[key])]));
}

/** The review in a trash file, read as loading reads review files (format upgrade, then the schema); throws why it cannot be. */
async function readTrashReview(path: string): Promise<Review> {
  const text = await readFile(path, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('The review file is not valid JSON (it may be cut short or damaged)');
  }
  const { review } = migrateReviewFile(raw);
  // Only the order of keys changes: every value is the one the schema parsed.
  return isRecord(raw) ? (inOrderOf(review, raw.review) as Review) : review;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');

/** Every review in the Trash, most recently deleted first; a file that cannot be restored is listed with the reason. */
export async function listTrash(store: LibraryStore): Promise<TrashEntry[]> {
  const files = await trashFiles(store.dataDir);
  const entries = await Promise.all(
    files.map(async ({ fileName, trashId, reviewId, deletedAt }): Promise<TrashEntry> => {
      try {
        const review = await readTrashReview(join(trashFolder(store.dataDir), fileName));
        return { trashId, reviewId, title: review.title, deletedAt, claimCount: review.claims.length, problem: null };
      } catch (error) {
        return { trashId, reviewId, title: '', deletedAt, claimCount: 0, problem: reasonOf(error) };
      }
    }),
  );
  return entries.sort((left, right) => right.deletedAt.localeCompare(left.deletedAt) || left.trashId.localeCompare(right.trashId));
}

/**
 * Puts the review in trash file `trashId` back into the library through the store, then removes
 * the trash file. A review whose id is in the library already (restored before, or opened again
 * from a share file) comes back as a copy under a new id. A file that cannot be read is refused
 * and left exactly as it is.
 */
export async function restoreFromTrash(store: LibraryStore, trashId: string): Promise<RestoredReview> {
  store.assertWritable();
  const path = join(trashFolder(store.dataDir), `${trashId}.json`);
  if (!readTrashFileName(`${trashId}.json`)) throw new ApiError('invalid-input', 'That is not the name of a file in the Trash. Nothing was changed.');
  let review: Review;
  try {
    review = await readTrashReview(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('not-found', 'That review is no longer in the Trash (it may have been restored or the Trash emptied in another window). Nothing was changed.');
    throw new ApiError('refused', `The deleted review in trash/${trashId}.json cannot be restored: ${reasonOf(error)}. The file was left as it is in the data folder’s trash folder, and nothing else was changed.`);
  }
  const asCopy = store.hasReview(review.id);
  const restored = await store.addRestoredReview(review, { asCopy });
  try {
    await rm(path, { force: true });
  } catch (error) {
    throw new ApiError(
      'unavailable',
      `“${restored.title}” is back in the library, but its file in the Trash could not be removed (${systemReason(error)}), so the Trash still lists it. Empty that entry once the folder can be written to.`,
    );
  }
  return { review: restored, asCopy };
}

/**
 * Removes trash files for good: those named in `trashIds`, or all when absent. A removed review's
 * originals/ and evidence/ folders go with it unless the library or a file left in the Trash still has that id.
 */
export async function emptyTrash(store: LibraryStore, trashIds?: readonly string[]): Promise<void> {
  store.assertWritable();
  const files = await trashFiles(store.dataDir);
  const chosen = trashIds ? new Set(trashIds) : null;
  const removing = files.filter((file) => !chosen || chosen.has(file.trashId));
  const kept = new Set(files.filter((file) => !removing.includes(file)).map((file) => file.reviewId));
  try {
    for (const file of removing) await rm(join(trashFolder(store.dataDir), file.fileName), { force: true });
    for (const reviewId of new Set(removing.map((file) => file.reviewId))) {
      if (!kept.has(reviewId) && !store.hasReview(reviewId)) {
        await rm(join(store.dataDir, 'originals', reviewId), { recursive: true, force: true });
        await removeReviewEvidence(store.dataDir, reviewId);
      }
    }
  } catch (error) {
    throw explainWriteFailure(error, store.dataDir);
  }
}
