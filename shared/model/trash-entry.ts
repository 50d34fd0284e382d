/**
 * The data folder's trash/: a deleted review's file, kept as `<review id>-<deletion stamp>.json`
 * (the name every Factmark version has given it) until it is restored or the Trash is emptied.
 */
import { z } from 'zod';
import { Id, Timestamp } from './primitives';

/** The deletion stamp in a trash file's name: an ISO instant with `:` and `.` made `-` (file-name safe everywhere). */
const STAMP = '\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z';

/** A trash file's name without `.json`: which review, and when it was deleted. */
export const TrashId = z.string().regex(new RegExp(`^[A-Za-z0-9_-]{8,64}-${STAMP}$`), 'must name a file in the Trash');
export type TrashId = z.infer<typeof TrashId>;

const TRASH_FILE = new RegExp(`^([A-Za-z0-9_-]{8,64})-(${STAMP})\\.json$`);

/** A deleted review as the Trash lists it. */
export const TrashEntry = z.object({
  trashId: TrashId,
  reviewId: Id,
  /** The review's title, or '' when the file cannot be read. */
  title: z.string(),
  deletedAt: Timestamp,
  claimCount: z.number().int().nonnegative(),
  /** Why the file cannot be restored (damaged, from a newer Factmark); null when it can. */
  problem: z.string().nullable(),
});
export type TrashEntry = z.infer<typeof TrashEntry>;

/** The review id and deletion time a trash file's name gives, or null for a name that is not a trash file's. */
export function readTrashFileName(fileName: string): { trashId: string; reviewId: string; deletedAt: string } | null {
  const match = TRASH_FILE.exec(fileName);
  if (!match?.[1] || !match[2]) return null;
  const [day, time] = match[2].split('T') as [string, string];
  const [hours, minutes, seconds, millis] = time.replace(/Z$/, '').split('-');
  return { trashId: fileName.slice(0, -'.json'.length), reviewId: match[1], deletedAt: `${day}T${hours}:${minutes}:${seconds}.${millis}Z` };
}
