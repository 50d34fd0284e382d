/**
 * A rename that waits out Windows virus scanners and indexers, which hold a just-written file
 * open for a moment and make rename fail with EPERM, EBUSY or EACCES (a common failure of
 * atomic writes on Windows). They hold files for seconds, so one quick retry is not enough.
 */
import { rename } from 'node:fs/promises';
import { errorCode } from './storage-errors';

/** The rename used by storage; tests replace it to inject failures. */
export type RenameImpl = (from: string, to: string) => Promise<void>;

const RETRYABLE_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Total time spent waiting before the error is passed on. */
export const RENAME_RETRY_BUDGET_MS = 5_000;
const FIRST_DELAY_MS = 20;
const MAX_DELAY_MS = 500;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Renames `from` to `to`, retrying transient Windows lock errors with backoff for ~5 s in all. */
export async function renameWithRetry(from: string, to: string, renameImpl: RenameImpl = rename): Promise<void> {
  let waited = 0;
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      await renameImpl(from, to);
      return;
    } catch (error) {
      if (!RETRYABLE_CODES.has(errorCode(error) ?? '') || waited >= RENAME_RETRY_BUDGET_MS) throw error;
      const pause = Math.min(delay, RENAME_RETRY_BUDGET_MS - waited);
      await sleep(pause);
      waited += pause;
    }
  }
}
