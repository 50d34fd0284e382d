/**
 * schema.org ClaimReview JSON-LD: one ClaimReview per claim, typed with schema-dts, with the
 * fields Google's fact-check structured-data guide asks for (see claimreview-fields.ts).
 */
import type { ClaimReview, CreativeWork, Organization, Person, Rating, WithContext } from 'schema-dts';
import type { Verdict } from '../model/rating-scale';
import { linkableAddress } from '../model/web-address';
import { claimUrl, dayOf, reportedClaims, type ReportClaim, type ReportModel, type UnplacedClaim } from './report-model';

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

/** The checked article as a schema.org CreativeWork: address, headline, author, date and outlet, as far as known. */
function checkedArticle(model: ReportModel): CreativeWork {
  const { review } = model;
  const url = linkableAddress(review.sourceUrl);
  return {
    '@type': 'CreativeWork',
    ...(url ? { url } : {}),
    headline: review.title,
    ...(review.byline.trim() ? { author: { '@type': 'Person', name: review.byline.trim() } } : {}),
    ...(review.publishedAt ? { datePublished: review.publishedAt } : {}),
    ...(review.outlet.trim() ? { publisher: { '@type': 'Organization', name: review.outlet.trim() } } : {}),
  };
}

/**
 * The verdict as a schema.org Rating. A verdict on the scale's true–false line carries its
 * number; one off it (Misleading, Unverifiable) has no honest number, so only its words.
 */
function rating(model: ReportModel, verdict: Verdict): Rating {
  return {
    '@type': 'Rating',
    alternateName: verdict.label,
    ...(verdict.ordinal ? { ratingValue: verdict.ratingValue, bestRating: model.scale.bestRating, worstRating: model.scale.worstRating } : {}),
  };
}

/** Who publishes the fact-check: the organisation, else the reviewer making the export by name; undefined when neither is named. */
function publisherOf(model: ReportModel): Organization | Person | undefined {
  const { organizationName, organizationUrl } = model.publisher;
  if (organizationName) return { '@type': 'Organization', name: organizationName, ...(organizationUrl ? { url: organizationUrl } : {}) };
  const reviewer = model.reviewer?.name.trim();
  return reviewer ? { '@type': 'Person', name: reviewer } : undefined;
}

function oneClaimReview(model: ReportModel, reportClaim: ReportClaim | UnplacedClaim, verdict: Verdict): WithContext<ClaimReview> {
  const { claim } = reportClaim;
  const { review } = model;
  const url = claimUrl(model, reportClaim);
  const article = checkedArticle(model);
  // Where the claim was first made (a speech, a post), when the reviewer recorded it; else the article.
  const appearance = linkableAddress(claim.appearanceUrl);
  const firstAppearance: CreativeWork = appearance && appearance !== article.url ? { '@type': 'CreativeWork', url: appearance } : article;
  const author = publisherOf(model);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    ...(url ? { url } : {}),
    claimReviewed: claimReviewed(reportClaim),
    datePublished: review.publication?.datePublished || dayOf(review.updatedAt),
    ...(author ? { author } : {}),
    reviewRating: rating(model, verdict),
    itemReviewed: {
      '@type': 'Claim',
      ...(claim.claimant ? { author: { '@type': 'Person', name: claim.claimant } } : {}),
      ...(claim.claimDate ? { datePublished: claim.claimDate } : {}),
      appearance: firstAppearance === article ? [article] : [firstAppearance, article],
      firstAppearance,
    },
    ...(claim.rationale.trim() ? { reviewBody: claim.rationale } : {}),
  };
}

/**
 * A ClaimReview for every claim ready to publish: in article order, then those not placed in
 * the article. A claim not ready is left out, also from a draft: search engines show a
 * ClaimReview as the publisher's verdict, so markup never describes an unfinished one.
 */
export function buildClaimReviews(model: ReportModel): WithContext<ClaimReview>[] {
  return reportedClaims(model).flatMap((reportClaim) =>
    // A claim whose words are not known cannot say what was reviewed.
    reportClaim.unfinished.length === 0 && reportClaim.verdict && claimReviewed(reportClaim) !== '' ? [oneClaimReview(model, reportClaim, reportClaim.verdict)] : [],
  );
}
