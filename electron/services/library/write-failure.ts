/**
 * Turns a failed write of the data folder into words for the reviewer: what went wrong, that
 * nothing on disk was damaged, and what to do. The last good file stays in place whatever the
 * failure (see durable-json-file).
 */
import { ApiError } from '../../../shared/api/envelope';

const REASONS: Record<string, (folder: string) => string> = {
  ENOSPC: (folder) => `The disk that holds the data folder ${folder} is full.`,
  EDQUOT: (folder) => `Your disk quota for the data folder ${folder} is used up.`,
  EROFS: (folder) => `The data folder ${folder} is on a read-only disk.`,
  EACCES: (folder) => `Factmark is not allowed to write in the data folder ${folder}.`,
  EPERM: (folder) => `Factmark is not allowed to write in the data folder ${folder}.`,
  ENOENT: (folder) => `The data folder ${folder} is gone (moved, deleted, or its drive was disconnected).`,
  ENOTDIR: (folder) => `The data folder ${folder} is gone (moved, deleted, or its drive was disconnected).`,
  EIO: (folder) => `The disk that holds the data folder ${folder} reported an error.`,
  EMFILE: () => 'Too many files are open on this computer.',
  EBUSY: (folder) => `Another program is holding a file in the data folder ${folder}.`,
};

const ADVICE: Record<string, string> = {
  ENOSPC: 'Free some space on that disk.',
  EDQUOT: 'Free some space on that disk.',
  EROFS: 'Make the disk writable again, or choose another data folder.',
  EACCES: 'Give yourself write permission on the folder.',
  EPERM: 'Give yourself write permission on the folder.',
  ENOENT: 'Put the folder back or reconnect its drive.',
  ENOTDIR: 'Put the folder back or reconnect its drive.',
};

function explain(error: unknown, dataDir: string, sentence: (reason: string, advice: string) => string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? REASONS[code] : undefined;
  if (!reason) return error;
  const advice = (code && ADVICE[code]) ?? 'Try again in a moment.';
  return new ApiError('unavailable', sentence(reason(dataDir), advice));
}

/** The error a reviewer sees when writing to `dataDir` failed with `error`; other errors pass through. */
export function explainWriteFailure(error: unknown, dataDir: string): unknown {
  return explain(error, dataDir, (reason, advice) => `Not saved: ${reason} Your last saved version is safe on disk. ${advice}`);
}

/** The error when the data folder could not be created or taken (before anything was read or written). */
export function explainOpenFailure(error: unknown, dataDir: string): unknown {
  return explain(error, dataDir, (reason, advice) => `Factmark could not open its data folder: ${reason} Nothing was changed. ${advice}`);
}
