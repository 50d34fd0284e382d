/** How every API answer travels, over IPC and over the loopback bridge alike. */
import { z } from 'zod';

/**
 * `conflict`: the data changed since the caller read it (another window saved); read it again.
 * `unavailable`: storage cannot be written now (full disk, read-only or missing folder, the app
 * is gone); nothing was lost on disk, and the same call may succeed later.
 * `not-ready`: a fact-check cannot be published yet (claims unfinished); `review:check` lists
 * what each claim needs, and a draft export is always possible.
 */
export const API_ERROR_CODES = ['invalid-input', 'not-found', 'conflict', 'refused', 'unavailable', 'internal', 'not-ready'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const ApiFailure = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.enum(API_ERROR_CODES), message: z.string() }),
});
export type ApiFailure = z.infer<typeof ApiFailure>;

export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

/**
 * An error a service raises on purpose, with words meant for the reviewer:
 * what happened, what was kept safe, what to do.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
