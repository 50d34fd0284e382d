/**
 * schema.org ClaimReview JSON-LD: one ClaimReview per claim, typed with schema-dts, with the
 * fields Google's fact-check structured-data guide asks for (see claimreview-fields.ts).
 */
import type { ClaimReview, WithContext } from 'schema-dts';
import { linkableAddress } from '../model/web-address';
import { claimUrl, dayOf, type ReportClaim, type ReportModel, type UnplacedClaim } from './report-model';

/** `claimReviewed` should be short: Google suggests under 75 characters, so it does not wrap. */
export const SHORT_CLAIM = 75;

/**
 * What the ClaimReview says was reviewed: the reviewer's claim summary, or else the whole quote
 * (never a cut one, which could drop the very part that was rated).
 */
export function claimReviewed(reportClaim: Pick<ReportClaim, 'quote' | 'claim'>): string {
  const summary = reportClaim.claim.summary.replace(/\s+/g, ' ').trim();
  return summary || reportClaim.quote.replace(/\s+/g, ' ').trim();
}

/** Why a claim's ClaimReview is not as a publisher wants it yet, or null when it is. */
export function claimReviewedWarning(reportClaim: Pick<ReportClaim, 'quote' | 'claim'>): string | null {
  if (reportClaim.claim.summary.trim()) return reportClaim.claim.summary.trim().length > SHORT_CLAIM ? `Its claim summary is longer than ${SHORT_CLAIM} characters; search results may cut it.` : null;
  return reportClaim.quote.replace(/\s+/g, ' ').trim().length > SHORT_CLAIM ? `It has no claim summary, so the ClaimReview gives the whole quote; write a summary under ${SHORT_CLAIM} characters.` : null;
}

function oneClaimReview(model: ReportModel, reportClaim: ReportClaim | UnplacedClaim): WithContext<ClaimReview> {
  const { claim, verdict } = reportClaim;
  const { publisher, review, scale } = model;
  const url = claimUrl(model, reportClaim);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    ...(url ? { url } : {}),
    claimReviewed: claimReviewed(reportClaim),
    datePublished: review.publication?.datePublished || dayOf(review.updatedAt),
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
      appearance: [linkableAddress(claim.appearanceUrl), linkableAddress(review.sourceUrl)]
        .filter((address, index, all): address is string => address !== null && all.indexOf(address) === index)
        .map((address) => ({ '@type': 'CreativeWork', url: address })),
      ...(linkableAddress(review.sourceUrl) ? { firstAppearance: { '@type': 'CreativeWork', url: linkableAddress(review.sourceUrl) as string } } : {}),
    },
    ...(claim.rationale.trim() ? { reviewBody: claim.rationale } : {}),
  };
}

/** Every claim of the review as a ClaimReview: in article order, then those not placed in the article. */
export function buildClaimReviews(model: ReportModel): WithContext<ClaimReview>[] {
  // A claim whose words are not known any more cannot say what was reviewed: it is left out here (reports still list it).
  return [...model.claims, ...model.unplaced].filter((reportClaim) => reportClaim.quote.trim() !== '').map((reportClaim) => oneClaimReview(model, reportClaim));
}
