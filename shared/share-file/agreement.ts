/**
 * How far two reviewers agree when they rated the same claims of one article independently: the
 * share of claims given the same verdict, and Krippendorff's alpha, which discounts the agreement
 * chance alone would give. Read when a share file is merged into a copy that rated claims too.
 */
import { z } from 'zod';
import type { ClaimSpan } from '../article/claim-spans';
import { claimStates } from '../history/claim-state';
import type { Claim } from '../model/claim';
import type { ClaimEvent } from '../model/claim-history';
import { Id } from '../model/primitives';
import type { RatingScale } from '../model/rating-scale';
import { krippendorffAlpha } from './krippendorff-alpha';

/** `ordinal` when every verdict compared sits on the scale's true–false line, `nominal` otherwise. */
export const AgreementMetric = z.enum(['ordinal', 'nominal']);
export type AgreementMetric = z.infer<typeof AgreementMetric>;

/** A verdict one copy gave, with the name of the reviewer who gave it. */
const GivenVerdict = z.object({ verdictId: z.string(), label: z.string(), by: z.string() });

/** A claim the two copies rated differently. */
export const Disagreement = z.object({
  /** The claim's number in this copy (#N), null while it has none. */
  number: z.number().int().positive().nullable(),
  claimId: Id,
  quote: z.string(),
  here: GivenVerdict,
  theirs: GivenVerdict,
});
export type Disagreement = z.infer<typeof Disagreement>;

export const Agreement = z.object({
  /** Claims both copies rated, each on its own. */
  pairs: z.number().int().positive(),
  /** Of those, claims given the same verdict. */
  agreed: z.number().int().nonnegative(),
  /** agreed / pairs, as a percentage. */
  percent: z.number().min(0).max(100),
  /** Krippendorff's alpha (1: perfect, 0: no better than chance, below 0: worse), null when it has no value. */
  alpha: z.number().nullable(),
  /** Why alpha has no value, in a sentence; null when it has one. */
  alphaNote: z.string().nullable(),
  metric: AgreementMetric,
  /** Claims rated differently, in the order they appear in the article. */
  disagreements: z.array(Disagreement),
});
export type Agreement = z.infer<typeof Agreement>;

/** One copy's claims and history, as far as agreement needs them. */
export interface AgreementSide {
  claims: readonly Pick<Claim, 'id' | 'verdictId'>[];
  history: readonly ClaimEvent[];
}

export interface AgreementInput {
  /** This copy before the merge. */
  here: { claims: readonly Claim[]; history: readonly ClaimEvent[] };
  /** The other copy (the share file). */
  theirs: AgreementSide;
  /** After the merge: the joint history, and where every claim of both copies sits in this copy's text. */
  merged: { history: readonly ClaimEvent[]; text: string; spans: readonly ClaimSpan[] };
  scale: RatingScale;
  quoteOf: (claimId: string) => string;
  nameOf: (reviewerId: string | undefined) => string;
}

interface RatedPair {
  claim: Claim;
  here: { verdictId: string; by: string | undefined };
  theirs: { verdictId: string; by: string | undefined };
}

/** True when event `ancestor` is `descendant` or comes before it in the claim's history. */
function precedes(byId: ReadonlyMap<string, ClaimEvent>, ancestor: string, descendant: string): boolean {
  const seen = new Set<string>();
  const stack = [descendant];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === ancestor) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.parents ?? []));
  }
  return false;
}

/**
 * Claims both copies hold, rated by each on its own: the events that set the two verdicts differ
 * and neither follows the other. A verdict received from the other copy, or revised after
 * reading it, is not an independent rating.
 */
function sameClaimPairs(input: AgreementInput): RatedPair[] {
  const theirVerdicts = new Map(input.theirs.claims.filter((claim) => claim.verdictId !== null).map((claim) => [claim.id, claim.verdictId as string]));
  const both = new Set(input.here.claims.filter((claim) => claim.verdictId !== null && theirVerdicts.has(claim.id)).map((claim) => claim.id));
  if (both.size === 0) return [];
  const hereStates = claimStates(input.here.history.filter((event) => both.has(event.claimId)));
  const theirStates = claimStates(input.theirs.history.filter((event) => both.has(event.claimId)));
  const byId = new Map(input.merged.history.filter((event) => both.has(event.claimId)).map((event) => [event.id, event]));
  const pairs: RatedPair[] = [];
  for (const claim of input.here.claims) {
    if (!both.has(claim.id)) continue;
    const hereSource = hereStates.get(claim.id)?.sources.verdictId;
    const theirSource = theirStates.get(claim.id)?.sources.verdictId;
    if (!hereSource || !theirSource || precedes(byId, hereSource.eventId, theirSource.eventId) || precedes(byId, theirSource.eventId, hereSource.eventId)) continue;
    pairs.push({ claim, here: { verdictId: claim.verdictId as string, by: hereSource.author }, theirs: { verdictId: theirVerdicts.get(claim.id) as string, by: theirSource.author } });
  }
  return pairs;
}

/** The span without white space or punctuation at its ends, so "20 percent." matches "20 percent". */
function trimmedKey(text: string, span: ClaimSpan): string {
  let { start, end } = span;
  const loose = /[\s\p{P}]/u;
  while (start < end && loose.test(text[start] as string)) start++;
  while (end > start && loose.test(text[end - 1] as string)) end--;
  return `${start}:${end}`;
}

/** Who last set the claim's verdict, in the joint history. */
function verdictSetter(history: readonly ClaimEvent[], claimId: string): string | undefined {
  let latest: ClaimEvent | undefined;
  for (const event of history) {
    if (event.claimId !== claimId || !('verdictId' in event.set)) continue;
    if (!latest || event.at > latest.at || (event.at === latest.at && event.id > latest.id)) latest = event;
  }
  return latest?.author;
}

/**
 * Claims each copy made on its own on the same words: different ids (each reviewer marked the
 * quote), placed on the same span of this copy's text. Each claim is paired at most once.
 */
function sameWordsPairs(input: AgreementInput): RatedPair[] {
  const theirIds = new Set([...input.theirs.claims.map((claim) => claim.id), ...input.theirs.history.map((event) => event.claimId)]);
  const hereIds = new Set([...input.here.claims.map((claim) => claim.id), ...input.here.history.map((event) => event.claimId)]);
  const keyOf = new Map(input.merged.spans.map((span) => [span.claimId, trimmedKey(input.merged.text, span)]));
  const waiting = new Map<string, Pick<Claim, 'id' | 'verdictId'>[]>();
  for (const claim of input.theirs.claims) {
    const key = keyOf.get(claim.id);
    if (claim.verdictId === null || hereIds.has(claim.id) || key === undefined) continue;
    waiting.set(key, [...(waiting.get(key) ?? []), claim]);
  }
  const pairs: RatedPair[] = [];
  for (const claim of input.here.claims) {
    const key = keyOf.get(claim.id);
    if (claim.verdictId === null || theirIds.has(claim.id) || key === undefined) continue;
    const theirs = waiting.get(key)?.shift();
    if (!theirs) continue;
    pairs.push({
      claim,
      here: { verdictId: claim.verdictId, by: verdictSetter(input.merged.history, claim.id) },
      theirs: { verdictId: theirs.verdictId as string, by: verdictSetter(input.merged.history, theirs.id) },
    });
  }
  return pairs;
}

/** Each verdict's rank on the scale's true–false line (by ratingValue, then the scale's order), for ordinal verdicts only. */
function ordinalRanks(scale: RatingScale): Map<string, number> {
  const ordinal = scale.verdicts.map((verdict, position) => ({ verdict, position })).filter(({ verdict }) => verdict.ordinal);
  ordinal.sort((left, right) => left.verdict.ratingValue - right.verdict.ratingValue || left.position - right.position);
  return new Map(ordinal.map(({ verdict }, rank) => [verdict.id, rank]));
}

/**
 * Agreement between this copy and the other over the claims both rated independently (the same
 * claim, or claims on the same words), or null when there are none.
 */
export function agreementBetween(input: AgreementInput): Agreement | null {
  const position = new Map(input.merged.spans.map((span, index) => [span.claimId, index]));
  const pairs = [...sameClaimPairs(input), ...sameWordsPairs(input)].sort(
    (left, right) => (position.get(left.claim.id) ?? Infinity) - (position.get(right.claim.id) ?? Infinity) || (left.claim.number ?? 0) - (right.claim.number ?? 0),
  );
  if (pairs.length === 0) return null;
  const verdicts = new Map(input.scale.verdicts.map((verdict) => [verdict.id, verdict]));
  const ranks = ordinalRanks(input.scale);
  const given = pairs.flatMap((pair) => [pair.here.verdictId, pair.theirs.verdictId]);
  const metric: AgreementMetric = given.every((verdictId) => ranks.has(verdictId)) ? 'ordinal' : 'nominal';
  const ids = [...new Set(given)];
  const valueOf = (verdictId: string): number => (metric === 'ordinal' ? (ranks.get(verdictId) as number) : ids.indexOf(verdictId));
  const label = (verdictId: string): string => verdicts.get(verdictId)?.label ?? verdictId;

  const disagreements = pairs
    .filter((pair) => pair.here.verdictId !== pair.theirs.verdictId)
    .map((pair) => ({
      number: pair.claim.number ?? null,
      claimId: pair.claim.id,
      quote: input.quoteOf(pair.claim.id),
      here: { verdictId: pair.here.verdictId, label: label(pair.here.verdictId), by: input.nameOf(pair.here.by) },
      theirs: { verdictId: pair.theirs.verdictId, label: label(pair.theirs.verdictId), by: input.nameOf(pair.theirs.by) },
    }));
  const agreed = pairs.length - disagreements.length;
  let alpha: number | null = null;
  let alphaNote: string | null = null;
  if (pairs.length < 2) {
    alphaNote = 'Krippendorff’s alpha needs at least two claims rated in both copies.';
  } else {
    const result = krippendorffAlpha(pairs.map((pair) => [valueOf(pair.here.verdictId), valueOf(pair.theirs.verdictId)]), metric);
    if (result.alpha === null) alphaNote = `Both copies rated every claim ${label(given[0] as string)}; with one verdict only, Krippendorff’s alpha (agreement beyond chance) has no value.`;
    else alpha = result.alpha;
  }
  return { pairs: pairs.length, agreed, percent: (100 * agreed) / pairs.length, alpha, alphaNote, metric, disagreements };
}

/** "Agreement: 8 of 10 claims (80 %), Krippendorff's alpha 0.71 (ordinal)", as the command line prints it. */
export function agreementLine(agreement: Agreement): string {
  const share = `Agreement: ${agreement.agreed} of ${agreement.pairs} ${agreement.pairs === 1 ? 'claim' : 'claims'} (${Math.round(agreement.percent)} %)`;
  return agreement.alpha === null ? `${share}; ${agreement.alphaNote ?? ''}` : `${share}, Krippendorff's alpha ${agreement.alpha.toFixed(2)} (${agreement.metric})`;
}
