/** Which verdicts the library's "most false verdicts" order counts, on any scale a newsroom makes. */
import type { RatingScale, Verdict } from './rating-scale';

/**
 * Whether `verdict` is on the false side of its scale: on the true–false line (ordinal) and nearer
 * the scale's worst rating than its best. On the built-in scale: Mostly false and False; a
 * verdict off the line (Misleading, Unverifiable) or in the middle (Mixed) is on neither side.
 */
export function isFalseSide(scale: Pick<RatingScale, 'bestRating' | 'worstRating'>, verdict: Pick<Verdict, 'ordinal' | 'ratingValue'>): boolean {
  if (!verdict.ordinal) return false;
  return Math.abs(verdict.ratingValue - scale.worstRating) < Math.abs(verdict.ratingValue - scale.bestRating);
}
