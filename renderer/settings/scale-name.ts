/**
 * A rating scale as the interface names it. The built-in scale's name and verdicts are Factmark's
 * words, so they are shown in the interface's language; a scale a newsroom made keeps the words it
 * was given.
 */
import type { TFunction } from 'i18next';
import { localisedScale } from '../../shared/i18n/scale-words';
import { catalogueLanguage } from '../../shared/i18n/languages';
import { DEFAULT_SCALE, type RatingScale } from '../../shared/model/rating-scale';
import { isBuiltInScale } from '../../shared/model/scale-rules';

/** The name to show for `scale`: the built-in scale's in the interface's language. */
export function scaleName(scale: RatingScale, t: TFunction): string {
  return isBuiltInScale(scale.id) && scale.name === DEFAULT_SCALE.name ? t('scales.builtInName') : scale.name;
}

/** `scale` as the interface shows it: the built-in scale with its name and verdicts in `language`. */
export function shownScale(scale: RatingScale, language: string, t: TFunction): RatingScale {
  return { ...localisedScale(scale, catalogueLanguage(language) ?? 'en'), name: scaleName(scale, t) };
}
