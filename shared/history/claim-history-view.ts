/** One claim's history as a reviewer reads it: events oldest first, each with its author's name. */
import type { ClaimEvent } from '../model/claim-history';
import type { Review } from '../model/review';
import { reviewerLabel } from '../model/reviewer';

/** The events of `claimId` in `review`, in the order they happened, named. */
export function claimHistory(review: Pick<Review, 'history' | 'reviewers'>, claimId: string): (ClaimEvent & { authorName: string })[] {
  const names = new Map(review.reviewers.map((reviewer) => [reviewer.id, reviewerLabel(reviewer)]));
  return review.history
    .filter((event) => event.claimId === claimId)
    .sort((left, right) => left.at.localeCompare(right.at) || left.id.localeCompare(right.id))
    .map((event) => ({ ...event, authorName: names.get(event.author) ?? reviewerLabel(undefined) }));
}
