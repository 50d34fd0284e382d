/** Who a claim's verdict belongs to: the person an editor's sign-off must be independent of. */
import type { Review } from '../model/review';

/**
 * The reviewer id of the latest event that set the claim's verdict or rationale (the author of
 * what would be published), or undefined when none did. "Latest" is by time, then by event id,
 * so every copy of the review names the same author.
 */
export function claimAuthor(review: Pick<Review, 'history'>, claimId: string): string | undefined {
  let latest: { at: string; id: string; author: string } | undefined;
  for (const event of review.history) {
    if (event.claimId !== claimId || !('verdictId' in event.set || 'rationale' in event.set)) continue;
    if (!latest || event.at > latest.at || (event.at === latest.at && event.id > latest.id)) latest = event;
  }
  return latest?.author;
}
