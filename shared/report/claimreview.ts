/**
 * schema.org ClaimReview JSON-LD: one ClaimReview per claim, typed with schema-dts, with the
 * fields Google's fact-check structured-data guide asks for (see claimreview-fields.ts).
 */
import type { ClaimReview, WithContext } from 'schema-dts';
import { claimUrl, dayOf, type ReportClaim, type ReportModel } from './report-model';

/** `claimReviewed` should be short (Google suggests under 75 characters to avoid wrapping). */
const SHORT_CLAIM = 75;

function claimReviewed(reportClaim: ReportClaim): string {
  const quote = reportClaim.quote.replace(/\s+/g, ' ').trim();
  return quote.length <= SHORT_CLAIM ? quote : `${quote.slice(0, SHORT_CLAIM - 1).replace(/\s\S*$/, '')}…`;
}

function oneClaimReview(model: ReportModel, reportClaim: ReportClaim): WithContext<ClaimReview> {
  const { claim, verdict } = reportClaim;
  const { publisher, review, scale } = model;
  const url = claimUrl(model, reportClaim);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    ...(url ? { url } : {}),
    claimReviewed: claimReviewed(reportClaim),
    datePublished: dayOf(review.updatedAt),
    author: {
      '@type': 'Organization',
      name: publisher.organizationName || publisher.reviewerName || 'Unnamed fact-checker',
      ...(publisher.organizationUrl ? { url: publisher.organizationUrl } : {}),
    },
    reviewRating: {
      '@type': 'Rating',
      alternateName: verdict?.label ?? 'Not yet rated',
      ...(verdict ? { ratingValue: verdict.ratingValue, bestRating: scale.bestRating, worstRating: scale.worstRating } : {}),
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(claim.claimant ? { author: { '@type': 'Person', name: claim.claimant } } : {}),
      ...(claim.claimDate ? { datePublished: claim.claimDate } : {}),
      appearance: [claim.appearanceUrl, review.sourceUrl].filter((address, index, all) => address && all.indexOf(address) === index).map((address) => ({ '@type': 'CreativeWork', url: address })),
      ...(review.sourceUrl ? { firstAppearance: { '@type': 'CreativeWork', url: review.sourceUrl } } : {}),
    },
    ...(claim.rationale.trim() ? { reviewBody: claim.rationale } : {}),
  };
}

/** Every claim of the review as a ClaimReview, in article order. */
export function buildClaimReviews(model: ReportModel): WithContext<ClaimReview>[] {
  return model.claims.map((reportClaim) => oneClaimReview(model, reportClaim));
}
