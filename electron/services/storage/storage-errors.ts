/**
 * The two ways a stored file can fail to load, kept apart because they call for opposite
 * handling: a damaged file is set aside and its backup restored, a newer one is left untouched.
 */
import { ApiError } from '../../../shared/api/envelope';

/** The file is not (or no longer) a readable Factmark file: bad JSON, wrong shape, no version. */
export class CorruptFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorruptFileError';
  }
}

/**
 * The file was written by a newer Factmark. It is an ApiError('refused') so the reviewer sees
 * the message as it is; storage code must rethrow it without renaming or rewriting the file,
 * since an older build cannot know what it would destroy.
 */
export class NewerFormatError extends ApiError {
  /** `subject` names the file when the caller knows which one it is. */
  constructor(
    readonly formatVersion: number,
    subject = 'This file',
  ) {
    super(
      'refused',
      `${subject} was made by a newer version of Factmark (format ${formatVersion}). Nothing was changed. Update Factmark to open it.`,
    );
    this.name = 'NewerFormatError';
  }
}

/** True for errors that mean "these bytes are damaged", the only ones that justify quarantine. */
export function isCorruption(error: unknown): boolean {
  // JSON.parse throws SyntaxError for truncated, empty and NUL-filled files alike.
  return error instanceof CorruptFileError || error instanceof SyntaxError;
}

/** The errno code of a Node file-system error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
