/**
 * The built-in rating scale in the reader's language. Its verdicts' words are Factmark's, so
 * they are translated with the rest; a verdict a newsroom renamed, and every verdict of a scale
 * of its own, keeps exactly the words the newsroom chose.
 */
import { DEFAULT_SCALE, type RatingScale } from '../model/rating-scale';
import type { LanguageCode } from './languages';
import { translatorFor } from './translator';

/** `scale` with the built-in verdicts' labels and descriptions in `language`. */
export function localisedScale(scale: RatingScale, language: LanguageCode): RatingScale {
  if (scale.id !== DEFAULT_SCALE.id || language === 'en') return scale;
  const t = translatorFor(language, 'report');
  const builtIn = new Map(DEFAULT_SCALE.verdicts.map((verdict) => [verdict.id, verdict]));
  return {
    ...scale,
    verdicts: scale.verdicts.map((verdict) => {
      const original = builtIn.get(verdict.id);
      if (!original) return verdict;
      return {
        ...verdict,
        label: verdict.label === original.label ? t(`verdict.${verdict.id}`) : verdict.label,
        description: verdict.description === original.description ? t(`verdict.${verdict.id}.description`) : verdict.description,
      };
    }),
  };
}

/** A verdict's label as shown in `language`: the built-in scale's own words translated, any other as written. */
export function localisedVerdictLabel(scaleId: string, verdict: { id: string; label: string }, language: LanguageCode): string {
  if (scaleId !== DEFAULT_SCALE.id || language === 'en') return verdict.label;
  const original = DEFAULT_SCALE.verdicts.find((candidate) => candidate.id === verdict.id);
  return original && original.label === verdict.label ? translatorFor(language, 'report')(`verdict.${verdict.id}`) : verdict.label;
}
