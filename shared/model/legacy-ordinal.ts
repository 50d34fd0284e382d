/**
 * Scales stored before verdicts said whether they sit on the true–false line. The schema defaults
 * a missing `ordinal` to true, which is right for every verdict but two: the built-in scale's
 * Misleading and Unverifiable were never ordinal (their numbers only kept readers in range).
 */
import { DEFAULT_SCALE } from './rating-scale';
import { isRecord } from './is-record';

/** The built-in verdicts that had no honest number before `ordinal` was stored. */
const NEVER_ORDINAL = new Set(DEFAULT_SCALE.verdicts.filter((verdict) => !verdict.ordinal).map((verdict) => verdict.id));

/**
 * `raw` (a scale as read from a file, before the schema) with `ordinal: false` on the built-in
 * scale's Misleading and Unverifiable when the file did not say; anything else is returned as it
 * is (a verdict without the key is ordinal, as the schema's default says). Never changes `raw`.
 */
export function restoreOrdinalFlags(raw: unknown): unknown {
  if (!isRecord(raw) || raw.id !== DEFAULT_SCALE.id || !Array.isArray(raw.verdicts)) return raw;
  const verdicts = raw.verdicts as unknown[];
  if (!verdicts.some((verdict) => isRecord(verdict) && !('ordinal' in verdict) && NEVER_ORDINAL.has(verdict.id as string))) return raw;
  return { ...raw, verdicts: verdicts.map((verdict) => (isRecord(verdict) && !('ordinal' in verdict) && NEVER_ORDINAL.has(verdict.id as string) ? { ...verdict, ordinal: false } : verdict)) };
}
