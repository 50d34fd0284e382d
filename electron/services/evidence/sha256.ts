/** The SHA-256 that proves a kept copy was not changed, as stored with each evidence file. */
import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of `bytes` (64 characters). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
