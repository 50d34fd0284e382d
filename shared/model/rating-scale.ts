/** Rating scales: the verdicts a reviewer can give, stored as data so newsrooms can add their own. */
import { z } from 'zod';

export const Verdict = z.object({
  /** Stable key stored on claims; never shown. */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  label: z.string().min(1).max(60),
  /** Position on the scale's numeric range (schema.org `ratingValue`); used only when `ordinal`. */
  ratingValue: z.number(),
  /**
   * Whether the verdict sits on the scale's true–false line. A non-ordinal verdict (Unverifiable,
   * Satire) has no honest number: ClaimReview then gives its label (`alternateName`) and no ratingValue.
   */
  ordinal: z.boolean().default(true),
  /** Badge and highlight colour; dark enough for white text (WCAG AA). */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  description: z.string().max(500),
});
export type Verdict = z.infer<typeof Verdict>;

export const RatingScale = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    name: z.string().min(1).max(100),
    bestRating: z.number(),
    worstRating: z.number(),
    verdicts: z.array(Verdict).min(1).max(50),
  })
  .refine(
    (scale) =>
      scale.verdicts.every(
        (verdict) =>
          verdict.ratingValue <= Math.max(scale.bestRating, scale.worstRating) &&
          verdict.ratingValue >= Math.min(scale.bestRating, scale.worstRating),
      ),
    'every verdict rating must lie between worstRating and bestRating',
  )
  .refine(
    (scale) => new Set(scale.verdicts.map((verdict) => verdict.id)).size === scale.verdicts.length,
    'verdict ids must be unique',
  );
export type RatingScale = z.infer<typeof RatingScale>;

/**
 * The scale every new library starts with. Misleading and Unverifiable do not sit on the
 * true–false line: they are not ordinal, so exports give their label and no number (their
 * `ratingValue` only keeps older readers of the file in range).
 */
export const DEFAULT_SCALE: RatingScale = {
  id: 'factmark-7',
  name: 'Factmark seven-point scale',
  bestRating: 5,
  worstRating: 1,
  verdicts: [
    { id: 'true', label: 'True', ratingValue: 5, ordinal: true, color: '#1b6e34', description: 'Accurate, nothing significant missing.' },
    { id: 'mostly-true', label: 'Mostly true', ratingValue: 4, ordinal: true, color: '#3f6a1c', description: 'Accurate but needs clarification or extra information.' },
    { id: 'mixed', label: 'Mixed', ratingValue: 3, ordinal: true, color: '#875c00', description: 'Partly accurate, partly not.' },
    { id: 'mostly-false', label: 'Mostly false', ratingValue: 2, ordinal: true, color: '#b0431a', description: 'Contains an element of truth but ignores critical facts.' },
    { id: 'false', label: 'False', ratingValue: 1, ordinal: true, color: '#b42318', description: 'Not accurate.' },
    { id: 'misleading', label: 'Misleading', ratingValue: 2, ordinal: false, color: '#7b3fa0', description: 'Accurate facts presented so as to leave a false impression.' },
    { id: 'unverifiable', label: 'Unverifiable', ratingValue: 3, ordinal: false, color: '#545b66', description: 'Cannot be proven or disproven with available evidence.' },
  ],
};

/** Finds a verdict of `scale` by id; undefined for an unrated claim or a retired verdict. */
export function findVerdict(scale: RatingScale, verdictId: string | null): Verdict | undefined {
  return verdictId === null ? undefined : scale.verdicts.find((verdict) => verdict.id === verdictId);
}
