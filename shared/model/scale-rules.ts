/**
 * What a rating scale a newsroom edits must satisfy before it is saved: readable badges (white
 * text on the verdict's colour reaches WCAG AA), distinct labels, values on the scale's range,
 * and the built-in scale left as shipped. The same schema checks the editor, the API and the store.
 */
import { z } from 'zod';
import { DEFAULT_SCALE, RatingScale, type Verdict } from './rating-scale';

/** The scale every library starts with; it is read-only (duplicate it to change it). */
export const BUILT_IN_SCALE_ID = DEFAULT_SCALE.id;

/** WCAG 2.x level AA for normal text: badge labels are small, so the stricter ratio applies. */
export const MIN_BADGE_CONTRAST = 4.5;

/** Verdict badges and highlights carry their label in white. */
export const BADGE_TEXT_COLOR = '#ffffff';

/** How far a scale's best and worst ratings may reach either side of zero. */
export const MAX_RATING_MAGNITUDE = 1000;

/** How many scales one library keeps (each review keeps its own copy besides). */
export const MAX_LIBRARY_SCALES = 50;

/** True for the scale Factmark ships, which nobody edits or deletes. */
export function isBuiltInScale(scaleId: string): boolean {
  return scaleId === BUILT_IN_SCALE_ID;
}

/** WCAG relative luminance of a `#rrggbb` colour. */
function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [red, green, blue] = channels.map((value) => (value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** The WCAG contrast ratio (1 to 21) between two `#rrggbb` colours. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((left, right) => right - left) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** The contrast of a badge's white text on `color`. */
export function badgeContrast(color: string): number {
  return contrastRatio(BADGE_TEXT_COLOR, color);
}

/**
 * A ratio as people read it, "4.48:1". Rounded down, so a colour just short of the limit never
 * reads as 4.5:1 while being refused.
 */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2).replace(/\.?0+$/, '')}:1`;
}

/** Whether `color` is a `#rrggbb` colour a badge can carry white text on. */
export function isReadableBadgeColor(color: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(color) && badgeContrast(color) >= MIN_BADGE_CONTRAST;
}

/** The first rule `scale` breaks, worded to follow "The scale " (see plain-issues); null when it keeps them all. */
function firstBrokenRule(scale: RatingScale): string | null {
  if (scale.name.trim() === '') return 'needs a name.';
  const { bestRating, worstRating } = scale;
  if (Math.abs(bestRating) > MAX_RATING_MAGNITUDE || Math.abs(worstRating) > MAX_RATING_MAGNITUDE) {
    return `needs its best and worst ratings between −${MAX_RATING_MAGNITUDE} and ${MAX_RATING_MAGNITUDE}.`;
  }
  if (bestRating === worstRating) return `needs a best rating different from its worst rating (both are ${bestRating}).`;
  const seenLabels = new Map<string, Verdict>();
  const seenIds = new Set<string>();
  for (const [index, verdict] of scale.verdicts.entries()) {
    const label = verdict.label.trim();
    if (label === '') return `needs a label for verdict ${index + 1}.`;
    const key = label.toLocaleLowerCase();
    if (seenLabels.has(key)) return `gives two verdicts the label “${label}”; give each verdict its own label, as reports and the command line name verdicts by it.`;
    seenLabels.set(key, verdict);
    if (seenIds.has(verdict.id)) return `gives two verdicts the id “${verdict.id}”; each verdict needs its own.`;
    seenIds.add(verdict.id);
    const low = Math.min(bestRating, worstRating);
    const high = Math.max(bestRating, worstRating);
    if (verdict.ratingValue < low || verdict.ratingValue > high) {
      return `gives “${label}” the value ${verdict.ratingValue}, outside its range from ${worstRating} (worst) to ${bestRating} (best).`;
    }
    const contrast = badgeContrast(verdict.color);
    if (contrast < MIN_BADGE_CONTRAST) {
      return `needs a darker colour for “${label}”: white text on ${verdict.color.toLowerCase()} has a contrast of ${formatRatio(contrast)}, and badges need at least ${MIN_BADGE_CONTRAST}:1 to be readable.`;
    }
  }
  return null;
}

/**
 * A rating scale as a newsroom saves it: the stored shape plus the rules above, reported one at a
 * time (the first broken) in a sentence that names the verdict.
 */
export const EditableScale = z
  .object(RatingScale.shape)
  .strict()
  .superRefine(
    (scale, context) => {
      const problem = firstBrokenRule(scale);
      if (problem) context.addIssue({ code: 'custom', message: problem, path: [] });
    },
    // A field the shape already refused (an empty label) is reported once, by the shape.
    { when: (payload) => payload.issues.length === 0 },
  );
export type EditableScale = z.infer<typeof EditableScale>;

/** A copy of `scale` to make one's own: a new id, "Copy of …" as its name, the same verdicts. */
export function duplicateScale(scale: RatingScale, newId: string): RatingScale {
  return { ...scale, id: newId, name: `Copy of ${scale.name}`.slice(0, 100), verdicts: scale.verdicts.map((verdict) => ({ ...verdict })) };
}

/** A scale id that `taken` does not hold, from `random` (a few lowercase letters or digits). */
export function newScaleId(taken: ReadonlySet<string>, random: () => string): string {
  for (;;) {
    const id = `scale-${random().toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12)}`;
    if (id !== 'scale-' && !taken.has(id)) return id;
  }
}

/** The first `verdict-N` id, counting on from the number of `verdicts`, that none of them uses yet: for a verdict added in the editor. */
export function newVerdictId(verdicts: readonly { id: string }[]): string {
  const taken = new Set(verdicts.map((verdict) => verdict.id));
  let number = verdicts.length + 1;
  while (taken.has(`verdict-${number}`)) number++;
  return `verdict-${number}`;
}
