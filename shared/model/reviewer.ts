/** The person whose changes a history event records: a stable random id and the name they gave. */
import { z } from 'zod';
import { Id } from './primitives';

export const ReviewerName = z.string().trim().max(200);

export const Reviewer = z.object({
  /** Made once per data folder by `crypto.randomUUID()`; never changes, so a renamed reviewer stays one person. */
  id: Id,
  /** As set in Preferences; '' until the reviewer gives one. */
  name: ReviewerName,
});
export type Reviewer = z.infer<typeof Reviewer>;

/** How a reviewer is shown when they have not given a name. */
export function reviewerLabel(reviewer: Reviewer | undefined): string {
  if (!reviewer) return 'Unknown reviewer';
  return reviewer.name || `Reviewer ${reviewer.id.slice(0, 6)}`;
}
