/**
 * Each claim's permanent number within its review: given once, never reused, kept through share
 * and merge. Published anchors and ids (#claim-7, a ClaimReview url, a Web Annotation id) are
 * built from it, so a link to a claim never moves when another claim is marked before it.
 */
import type { Claim } from './claim';

export interface NumberedClaims {
  claims: Claim[];
  /** The highest number ever given in the review: the next claim gets the one after. */
  lastClaimNumber: number;
}

/**
 * Gives a number to every claim that has none, or whose number another claim already holds,
 * in the order of `order` (article order; claims not in it after, by creation time), each one
 * higher than any number given before. Claims that keep their numbers are returned as the same
 * objects, and `claims` itself when nothing changed.
 */
export function numberClaims(claims: readonly Claim[], lastClaimNumber: number, order?: () => readonly string[]): NumberedClaims {
  // Every save passes here: when each claim already has a number of its own, one pass is enough.
  const seen = new Set<number>();
  let last = Math.max(lastClaimNumber, 0);
  for (const claim of claims) {
    if (claim.number === undefined || seen.has(claim.number)) return renumber(claims, last, order);
    seen.add(claim.number);
    if (claim.number > last) last = claim.number;
  }
  return { claims: claims as Claim[], lastClaimNumber: last };
}

/** ISO timestamps and ids order correctly as plain strings, faster than localeCompare. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function renumber(claims: readonly Claim[], lastClaimNumber: number, order?: () => readonly string[]): NumberedClaims {
  const held = new Set<number>();
  const needing: Claim[] = [];
  let last = lastClaimNumber;
  // Of two claims with one number, the older keeps it (the one published first).
  const byAge = [...claims].sort((a, b) => byText(a.createdAt, b.createdAt) || byText(a.id, b.id));
  for (const claim of byAge) {
    if (claim.number !== undefined && !held.has(claim.number)) {
      held.add(claim.number);
      if (claim.number > last) last = claim.number;
    } else needing.push(claim);
  }
  const position = new Map<string, number>();
  for (const id of order?.() ?? []) if (!position.has(id)) position.set(id, position.size);
  needing.sort((a, b) => (position.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (position.get(b.id) ?? Number.MAX_SAFE_INTEGER) || byText(a.createdAt, b.createdAt) || byText(a.id, b.id));
  const given = new Map<string, number>();
  for (const claim of needing) given.set(claim.id, ++last);
  return { claims: claims.map((claim) => (given.has(claim.id) ? { ...claim, number: given.get(claim.id) as number } : claim)), lastClaimNumber: last };
}
