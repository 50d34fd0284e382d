/**
 * Why a claim was flagged for a look, as data rather than a sentence: the English `detail` beside it
 * is for reports, the command line and older files, while the interface words `why` in its own
 * language (renderer/claims/attention-words). Each code is one place that flags a claim.
 */
import { z } from 'zod';

/** Why the re-anchoring engine found no place for a claim (shared/anchoring/re-anchor, `orphan`). */
export const ANCHOR_MISS_CODES = ['no-quote', 'gone', 'repeated', 'tied'] as const;

/**
 * `no-quote`: the claim had no words to look for; `gone`: its words are no longer in the text;
 * `repeated`: they appear `count` times and the context does not tell which one; `tied`: two
 * passages match the edited words equally well.
 */
export const AnchorMiss = z.discriminatedUnion('code', [
  z.object({ code: z.literal('no-quote') }).strict(),
  z.object({ code: z.literal('gone') }).strict(),
  z.object({ code: z.literal('repeated'), count: z.number().int().min(2).max(10_000_000) }).strict(),
  z.object({ code: z.literal('tied') }).strict(),
]);
export type AnchorMiss = z.infer<typeof AnchorMiss>;

/** An article version number, as the update recorded it. */
const Version = z.number().int().positive().max(10_000_000);
/** How alike the old and the new words are, in whole percent. */
const Percent = z.number().int().min(0).max(100);
/** Words quoted from the article or a name, bounded like `detail`. */
const Quoted = z.string().max(2_000);

/**
 * The flag's cause. `update-*`: Update article placed the claim in version `version`; `merge-*`:
 * merging or opening a share file placed it in this copy's text; `merge-no-place`: the sender had
 * no place for it either; `merge-kept`: `deletedBy` deleted it but `changedBy` changed it later;
 * `edited-here`: its words were edited in this review (they were `words`).
 */
export const AttentionWhy = z.discriminatedUnion('code', [
  z.object({ code: z.literal('update-moved'), version: Version }).strict(),
  z.object({ code: z.literal('update-changed'), version: Version, similarity: Percent, words: Quoted }).strict(),
  z.object({ code: z.literal('update-not-found'), version: Version, miss: AnchorMiss }).strict(),
  z.object({ code: z.literal('merge-moved') }).strict(),
  z.object({ code: z.literal('merge-changed'), similarity: Percent }).strict(),
  z.object({ code: z.literal('merge-not-found'), miss: AnchorMiss }).strict(),
  z.object({ code: z.literal('merge-no-place') }).strict(),
  z.object({ code: z.literal('merge-kept'), deletedBy: Quoted, changedBy: Quoted }).strict(),
  z.object({ code: z.literal('edited-here'), words: Quoted }).strict(),
]);
export type AttentionWhy = z.infer<typeof AttentionWhy>;

/** `similarity` (0–1) in whole percent, as both `detail` and `why` give it. */
export const similarityPercent = (similarity: number): number => Math.min(100, Math.max(0, Math.round(similarity * 100)));
