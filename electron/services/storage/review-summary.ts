/** What the library list shows of a review, derived from the review itself. */
import { readArticleText } from '../../../shared/article/claim-spans';
import { UNRATED, type Review, type ReviewSummary } from '../../../shared/model/review';

/**
 * The review's list entry. Only claims whose highlight is still in the article are counted:
 * a claim record whose text was deleted is not part of the fact-check the reader will see.
 */
export function summarizeReview(review: Review): ReviewSummary {
  const placed = new Set(readArticleText(review.doc).spans.map((span) => span.claimId));
  const verdictCounts: Record<string, number> = {};
  let claimCount = 0;
  for (const claim of review.claims) {
    if (!placed.has(claim.id)) continue;
    const key = claim.verdictId ?? UNRATED;
    verdictCounts[key] = (verdictCounts[key] ?? 0) + 1;
    claimCount += 1;
  }
  const { id, title, sourceUrl, createdAt, updatedAt } = review;
  return { id, title, sourceUrl, createdAt, updatedAt, verdictCounts, claimCount };
}
