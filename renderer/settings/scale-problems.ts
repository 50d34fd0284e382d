/**
 * Why the scale editor cannot save a scale, in the interface's language. The decision is always
 * EditableScale's (shared/model/scale-rules.ts, which words it in English for the service and the
 * command line); this module only finds the words for it. In English they are the service's own
 * sentences, word for word (scale-problems.test.ts holds the two together).
 */
import type { z } from 'zod';
import { describeIssues } from '../../shared/api/plain-issues';
import type { RatingScale } from '../../shared/model/rating-scale';
import { badgeContrast, MAX_RATING_MAGNITUDE, MIN_BADGE_CONTRAST } from '../../shared/model/scale-rules';
import { intlLocale } from '../i18n/interface-format';
import { interfaceI18n } from '../i18n/interface-i18n';

/** A rating in the interface's digits and decimal sign ("2.5", "2,5"), never grouped, as many decimals as it has. */
export function ratingText(value: number, language: string = interfaceI18n.language): string {
  return new Intl.NumberFormat(intlLocale(language), { useGrouping: false, maximumFractionDigits: 20 }).format(value);
}

/** A contrast ratio as scale-rules' formatRatio writes it ("4.48:1", rounded down), with the interface's decimal sign. */
export function ratioText(ratio: number, language: string = interfaceI18n.language): string {
  const roundedDown = Math.floor(ratio * 100) / 100;
  return `${new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 2 }).format(roundedDown)}:1`;
}

/** The first rule of scale-rules.ts `scale` breaks, in the same order, as a sentence; null when it keeps them all. */
function brokenRule(scale: RatingScale): string | null {
  const t = interfaceI18n.t;
  if (scale.name.trim() === '') return t('scaleRule.noName');
  const { bestRating, worstRating } = scale;
  if (Math.abs(bestRating) > MAX_RATING_MAGNITUDE || Math.abs(worstRating) > MAX_RATING_MAGNITUDE) return t('scaleRule.magnitude', { limit: ratingText(MAX_RATING_MAGNITUDE) });
  if (bestRating === worstRating) return t('scaleRule.sameRatings', { value: ratingText(bestRating) });
  const range = { worst: ratingText(worstRating), best: ratingText(bestRating) };
  const seenLabels = new Set<string>();
  const seenIds = new Set<string>();
  for (const [index, verdict] of scale.verdicts.entries()) {
    const label = verdict.label.trim();
    if (label === '') return t('scaleRule.noLabel', { number: index + 1 });
    if (seenLabels.has(label.toLocaleLowerCase())) return t('scaleRule.sameLabel', { label });
    seenLabels.add(label.toLocaleLowerCase());
    if (seenIds.has(verdict.id)) return t('scaleRule.sameId', { id: verdict.id });
    seenIds.add(verdict.id);
    if (verdict.ratingValue < Math.min(bestRating, worstRating) || verdict.ratingValue > Math.max(bestRating, worstRating)) {
      return t('scaleRule.outOfRange', { label, value: ratingText(verdict.ratingValue), ...range });
    }
    const contrast = badgeContrast(verdict.color);
    if (contrast < MIN_BADGE_CONTRAST) {
      return t('scaleRule.tooLight', { label, color: verdict.color.toLowerCase(), ratio: ratioText(contrast), minimum: ratioText(MIN_BADGE_CONTRAST) });
    }
  }
  return null;
}

/**
 * The sentence for `scale`, which EditableScale refused with `error`: the first problem, as the
 * service gives it. Fields the editor's inputs already bound (lengths, ids) keep the service's
 * English wording, as does a rule this module does not know yet.
 */
export function scaleProblem(error: z.ZodError, scale: RatingScale): string {
  const t = interfaceI18n.t;
  const english = describeIssues(error, 'the scale', 1);
  const issue = error.issues[0];
  if (!issue) return english;
  if (issue.code === 'custom' && issue.path.length === 0) return brokenRule(scale) ?? english;
  const [field, index, verdictField] = issue.path;
  if (field === 'name' && issue.path.length === 1 && issue.code === 'too_small') return t('scaleDraft.noName');
  if (field === 'verdicts' && typeof index === 'number' && issue.path.length === 3) {
    if (verdictField === 'label' && issue.code === 'too_small') return t('scaleDraft.noLabel', { number: index + 1 });
    if (verdictField === 'color' && issue.code === 'invalid_format') return t('scaleDraft.badColour', { number: index + 1 });
  }
  return english;
}
