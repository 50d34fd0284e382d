/**
 * Where the window is, kept in the address hash so a reload returns to it: the library
 * (`#/`), a review (`#/review/<id>`), or a review opened at one of its claims
 * (`#/review/<id>/claim/<claimId>`, what the All claims table and search results link to).
 */

/** A review to show, and the claim to select in it once its desk is ready. */
export interface ReviewRoute {
  reviewId: string;
  claimId: string | null;
}

const REVIEW_HASH = /^#\/review\/([A-Za-z0-9_-]+)(?:\/claim\/([A-Za-z0-9_-]+))?$/;

/** The review (and claim) `hash` names, or null for the library. */
export function readReviewRoute(hash: string): ReviewRoute | null {
  const match = REVIEW_HASH.exec(hash);
  if (!match?.[1]) return null;
  return { reviewId: match[1], claimId: match[2] ?? null };
}

/** The hash that opens review `reviewId`, at claim `claimId` when given. */
export function reviewHash(reviewId: string, claimId?: string | null): string {
  return claimId ? `#/review/${reviewId}/claim/${claimId}` : `#/review/${reviewId}`;
}

/** Opens review `reviewId` in this window, with claim `claimId` selected when given. */
export function openReviewAt(reviewId: string, claimId?: string | null): void {
  window.location.hash = reviewHash(reviewId, claimId);
}
