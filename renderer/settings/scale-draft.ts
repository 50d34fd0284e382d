/**
 * A rating scale as the editor holds it while it is changed: numbers as typed (a field may be
 * empty for a moment), and the way back to a scale the library accepts, or the one sentence
 * saying why not (the service's sentence, in the interface's language).
 */
import type { RatingScale, Verdict } from '../../shared/model/rating-scale';
import { EditableScale, newVerdictId } from '../../shared/model/scale-rules';
import { interfaceI18n } from '../i18n/interface-i18n';
import { ratingText, scaleProblem } from './scale-problems';

export interface VerdictDraft {
  id: string;
  label: string;
  description: string;
  color: string;
  /** The rating value as typed. */
  value: string;
  ordinal: boolean;
}

export interface ScaleDraft {
  id: string;
  name: string;
  best: string;
  worst: string;
  verdicts: VerdictDraft[];
}

/** A colour new verdicts start with: a grey white text reads well on. */
export const NEW_VERDICT_COLOR = '#545b66';

export function draftOf(scale: RatingScale): ScaleDraft {
  return {
    id: scale.id,
    name: scale.name,
    best: String(scale.bestRating),
    worst: String(scale.worstRating),
    verdicts: scale.verdicts.map((verdict) => ({ id: verdict.id, label: verdict.label, description: verdict.description, color: verdict.color, value: String(verdict.ratingValue), ordinal: verdict.ordinal })),
  };
}

/**
 * A number as a person types it ("3", "-1", "2.5", "2,5"), also in Arabic-Indic or Persian digits
 * with the Arabic decimal sign ("٢٫٥"), as an Arabic keyboard types them; NaN when it is not one.
 */
function numberOf(text: string): number {
  const trimmed = text
    .trim()
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.codePointAt(0) as number) & 0xf))
    .replace(/[,\u066b]/, '.')
    .replace(/^\u2212/, '-');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** `draft` as a scale to save, or the first thing to correct, in a sentence. */
export function scaleFromDraft(draft: ScaleDraft): { ok: true; scale: RatingScale } | { ok: false; problem: string } {
  const bestRating = numberOf(draft.best);
  const worstRating = numberOf(draft.worst);
  const t = interfaceI18n.t;
  if (!Number.isFinite(bestRating)) return { ok: false, problem: t('scaleDraft.noBest') };
  if (!Number.isFinite(worstRating)) return { ok: false, problem: t('scaleDraft.noWorst') };
  const low = Math.min(bestRating, worstRating);
  const high = Math.max(bestRating, worstRating);
  const verdicts: Verdict[] = [];
  for (const verdict of draft.verdicts) {
    const typed = numberOf(verdict.value);
    const name = verdict.label.trim() || t('scaleDraft.unnamedVerdict', { number: verdicts.length + 1 });
    if (verdict.ordinal && !Number.isFinite(typed)) return { ok: false, problem: t('scaleDraft.noValue', { name, worst: ratingText(worstRating), best: ratingText(bestRating) }) };
    // A verdict off the true–false line has no honest number; its value only keeps older readers in range.
    const ratingValue = verdict.ordinal ? typed : Math.min(high, Math.max(low, Number.isFinite(typed) ? typed : (low + high) / 2));
    verdicts.push({ id: verdict.id, label: verdict.label.trim(), description: verdict.description.trim(), color: verdict.color.trim().toLowerCase(), ratingValue, ordinal: verdict.ordinal });
  }
  const scale = { id: draft.id, name: draft.name.trim(), bestRating, worstRating, verdicts };
  const checked = EditableScale.safeParse(scale);
  return checked.success ? { ok: true, scale: checked.data } : { ok: false, problem: scaleProblem(checked.error, scale) };
}

/** Whether `draft` says something other than `scale` (what is stored). */
export function draftChanged(draft: ScaleDraft, scale: RatingScale): boolean {
  return JSON.stringify(draft) !== JSON.stringify(draftOf(scale));
}

/** `draft` with a new, empty verdict at the end. */
export function withNewVerdict(draft: ScaleDraft): ScaleDraft {
  const id = newVerdictId(draft.verdicts);
  return { ...draft, verdicts: [...draft.verdicts, { id, label: '', description: '', color: NEW_VERDICT_COLOR, value: draft.worst, ordinal: true }] };
}

/** `draft` with verdict `index` moved by `step` places (−1 up, +1 down); unchanged at either end. */
export function withVerdictMoved(draft: ScaleDraft, index: number, step: -1 | 1): ScaleDraft {
  const target = index + step;
  if (target < 0 || target >= draft.verdicts.length) return draft;
  const verdicts = [...draft.verdicts];
  [verdicts[index], verdicts[target]] = [verdicts[target] as VerdictDraft, verdicts[index] as VerdictDraft];
  return { ...draft, verdicts };
}
