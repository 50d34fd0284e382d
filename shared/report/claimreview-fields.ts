/**
 * Google's ClaimReview field table, as data, and a checker that explains each problem.
 * Source: Google Search Central, "Fact check (ClaimReview) structured data",
 * developers.google.com/search/docs/appearance/structured-data/factcheck (structured data type
 * definitions: ClaimReview, Claim, Rating), read 2026-11.
 */

export interface FieldRule {
  /** Dotted path from the ClaimReview object. */
  path: string;
  level: 'required' | 'recommended';
  kind: 'text' | 'url' | 'date' | 'number' | 'object';
  why: string;
  /**
   * `numeric-rating`: asked for only of a rating that gives numbers. Google's Rating "supports
   * both a numeric and a textual assessment"; a verdict off the true–false line (Misleading,
   * Unverifiable) is rated in words alone, and is not missing anything.
   */
  onlyFor?: 'numeric-rating';
}

export const CLAIMREVIEW_FIELDS: FieldRule[] = [
  { path: 'claimReviewed', level: 'required', kind: 'text', why: 'a short summary of the claim being evaluated' },
  { path: 'reviewRating', level: 'required', kind: 'object', why: 'the assessment of the claim' },
  { path: 'reviewRating.alternateName', level: 'required', kind: 'text', why: 'the truthfulness rating as human-readable text (e.g. "False")' },
  { path: 'url', level: 'required', kind: 'url', why: 'the link to the page hosting the full fact-check' },
  { path: 'author', level: 'recommended', kind: 'object', why: 'the publisher of the fact-check' },
  { path: 'author.name', level: 'recommended', kind: 'text', why: 'the name of the organisation publishing the fact-check' },
  { path: 'datePublished', level: 'recommended', kind: 'date', why: 'the date the fact-check was published' },
  { path: 'itemReviewed', level: 'recommended', kind: 'object', why: 'the Claim being reviewed' },
  { path: 'itemReviewed.author', level: 'recommended', kind: 'object', why: 'who made the claim' },
  { path: 'itemReviewed.datePublished', level: 'recommended', kind: 'date', why: 'when the claim was made' },
  { path: 'itemReviewed.appearance', level: 'recommended', kind: 'object', why: 'where the claim appeared' },
  { path: 'itemReviewed.firstAppearance', level: 'recommended', kind: 'object', why: 'where the claim first appeared' },
  { path: 'reviewRating.ratingValue', level: 'recommended', kind: 'number', why: 'the numeric rating', onlyFor: 'numeric-rating' },
  { path: 'reviewRating.bestRating', level: 'recommended', kind: 'number', why: 'the best value of the rating scale', onlyFor: 'numeric-rating' },
  { path: 'reviewRating.worstRating', level: 'recommended', kind: 'number', why: 'the worst value of the rating scale', onlyFor: 'numeric-rating' },
];

/** Whether a Rating gives any number: then it is a numeric rating, and all three numbers are asked for. */
function isNumericRating(rating: unknown): boolean {
  return rating !== null && typeof rating === 'object' && ['ratingValue', 'bestRating', 'worstRating'].some((key) => (rating as Record<string, unknown>)[key] !== undefined);
}

export interface FieldProblem {
  index: number;
  path: string;
  level: 'required' | 'recommended';
  message: string;
}

function valueAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, key) => (current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined), value);
}

function fits(kind: FieldRule['kind'], value: unknown): boolean {
  if (kind === 'text') return typeof value === 'string' && value.trim() !== '';
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (kind === 'date') return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
  if (kind === 'url') return typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);
  return value !== null && typeof value === 'object';
}

/** Problems of one ClaimReview (or an array of them) against Google's table; [] when all is well. */
export function checkClaimReviews(input: unknown): FieldProblem[] {
  const items = Array.isArray(input) ? input : [input];
  const problems: FieldProblem[] = [];
  items.forEach((item, index) => {
    if (!item || typeof item !== 'object' || (item as Record<string, unknown>)['@type'] !== 'ClaimReview') {
      problems.push({ index, path: '@type', level: 'required', message: '"@type" must be "ClaimReview"' });
      return;
    }
    const numeric = isNumericRating(valueAt(item, 'reviewRating'));
    for (const rule of CLAIMREVIEW_FIELDS) {
      if (rule.onlyFor === 'numeric-rating' && !numeric) continue;
      const value = valueAt(item, rule.path);
      if (value === undefined) problems.push({ index, path: rule.path, level: rule.level, message: `${rule.path} is missing: ${rule.why}` });
      else if (!fits(rule.kind, value)) problems.push({ index, path: rule.path, level: rule.level, message: `${rule.path} must be ${rule.kind === 'object' ? 'an object' : `a ${rule.kind}`}: ${rule.why}` });
    }
    const rating = valueAt(item, 'reviewRating') as Record<string, unknown> | undefined;
    if (rating && typeof rating.ratingValue === 'number' && typeof rating.bestRating === 'number' && typeof rating.worstRating === 'number') {
      const [low, high] = [Math.min(rating.bestRating, rating.worstRating), Math.max(rating.bestRating, rating.worstRating)];
      if (rating.ratingValue < low || rating.ratingValue > high) problems.push({ index, path: 'reviewRating.ratingValue', level: 'required', message: 'reviewRating.ratingValue must lie between worstRating and bestRating' });
    }
  });
  return problems;
}
