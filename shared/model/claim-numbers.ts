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
  const holder = new Map<number, Claim>();
  const needing: Claim[] = [];
  // Of two claims with one number, the older keeps it (the one published first).
  const byAge = [...claims].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  for (const claim of byAge) {
    if (claim.number !== undefined && !holder.has(claim.number)) holder.set(claim.number, claim);
    else needing.push(claim);
  }
  let last = Math.max(lastClaimNumber, 0, ...holder.keys());
  if (needing.length === 0) return { claims: claims as Claim[], lastClaimNumber: last };
  const position = new Map<string, number>();
  for (const id of order?.() ?? []) if (!position.has(id)) position.set(id, position.size);
  needing.sort((a, b) => (position.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (position.get(b.id) ?? Number.MAX_SAFE_INTEGER) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const given = new Map<string, number>();
  for (const claim of needing) given.set(claim.id, ++last);
  return { claims: claims.map((claim) => (given.has(claim.id) && !(holder.get(claim.number ?? -1) === claim) ? { ...claim, number: given.get(claim.id) as number } : claim)), lastClaimNumber: last };
}

/** How a claim is named in lists and reports: "Claim 7", or "New claim" before its first save. */
export function claimLabel(claim: Pick<Claim, 'number'>): string {
  return claim.number === undefined ? 'New claim' : `Claim ${claim.number}`;
}
