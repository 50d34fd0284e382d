/**
 * Pages waiting to be sent to the archive service (the Wayback Machine): one entry per kept page
 * copy, stored in library.json so a queue made offline survives a restart. Only the page's address
 * is ever sent; the entry names the copy the archived address is recorded on once it was sent.
 */
import { z } from 'zod';
import { HttpUrl, Id, Timestamp } from './primitives';

/** The most pages library.json holds in the queue; the loader refuses more, so a write never makes more. */
export const MAX_ARCHIVE_QUEUE_ENTRIES = 1_000;

/** The longest reason kept for a failed try (the service's sentence, shortened). */
export const MAX_ARCHIVE_REASON_CHARS = 2_000;

/**
 * Why the last try failed, as the reviewer is told in a word: the network or the service was not
 * there (offline, timeout), the service was busy or down (429, 5xx), or it answered otherwise.
 */
export const ARCHIVE_FAILURES = ['offline', 'timeout', 'busy', 'failed'] as const;
export const ArchiveFailure = z.enum(ARCHIVE_FAILURES);
export type ArchiveFailure = z.infer<typeof ArchiveFailure>;

/** One page waiting to be sent. Unknown fields are dropped rather than refused, so a newer Factmark's queue still loads. */
export const ArchiveQueueEntry = z.object({
  id: Id,
  reviewId: Id,
  claimId: Id,
  evidenceId: Id,
  /** The kept copy the archived address is recorded on; an entry whose copy is gone is dropped. */
  copyId: Id,
  /** The page's address: all that is sent. */
  url: HttpUrl,
  queuedAt: Timestamp,
  /** The last try that failed, when there was one. */
  lastTry: z
    .object({
      at: Timestamp,
      failure: ArchiveFailure,
      reason: z.string().max(MAX_ARCHIVE_REASON_CHARS),
    })
    .optional(),
});
export type ArchiveQueueEntry = z.infer<typeof ArchiveQueueEntry>;

/** The queue as library.json holds it, in the order pages were kept. */
export const ArchiveQueue = z.array(ArchiveQueueEntry).max(MAX_ARCHIVE_QUEUE_ENTRIES);
