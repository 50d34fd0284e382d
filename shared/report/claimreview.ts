/**
 * schema.org ClaimReview JSON-LD: one ClaimReview per claim, typed with schema-dts, with the
 * fields Google's fact-check structured-data guide asks for (see claimreview-fields.ts).
 */
import type { ClaimReview, WithContext } from 'schema-dts';
import { linkableAddress } from '../model/web-address';
import { claimUrl, dayOf, type ReportClaim, type ReportModel, type UnplacedClaim } from './report-model';

/** `claimReviewed` should be short (Google suggests under 75 characters to avoid wrapping). */
const SHORT_CLAIM = 75;

function claimReviewed(reportClaim: Pick<ReportClaim, 'quote'>): string {
  const quote = reportClaim.quote.replace(/\s+/g, ' ').trim();
  return quote.length <= SHORT_CLAIM ? quote : `${quote.slice(0, SHORT_CLAIM - 1).replace(/\s\S*$/, '')}…`;
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
