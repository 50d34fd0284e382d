/**
 * What a save changed, read from the records before and after it. Stored records are replaced,
 * never changed in place, so an unchanged record is the same object: the parts of a long review a
 * save left alone are skipped by identity instead of compared.
 */
import type { Claim } from '../../../shared/model/claim';
import type { ClaimEvent } from '../../../shared/model/claim-history';
import { withHistorySignOffs } from '../../../shared/history/sign-offs';

/**
 * Items of `next` that `previous` does not hold (new, or a new version of one with the same id)
 * and ids of `previous` items gone from `next`. A store list keeps its order when some items are
 * replaced in place, removed or appended, so the two are walked side by side; only from a first
 * removal on are the rest compared as sets.
 */
export function compareById<T extends { id: string }>(previous: readonly T[], next: readonly T[]): { added: T[]; removedIds: string[] } {
  const added: T[] = [];
  let index = 0;
  for (; index < previous.length && index < next.length; index++) {
    const before = previous[index] as T;
    const after = next[index] as T;
    if (before === after) continue;
    if (before.id !== after.id) break;
    added.push(after);
  }
  const restBefore = previous.slice(index);
  const restAfter = next.slice(index);
  if (restBefore.length === 0) return { added: [...added, ...restAfter], removedIds: [] };
  const kept = new Set<T>(restBefore);
  const stillThere = new Set(restAfter.map((item) => item.id));
  return {
    added: [...added, ...restAfter.filter((item) => !kept.has(item))],
    removedIds: restBefore.filter((item) => !stillThere.has(item.id)).map((item) => item.id),
  };
}

/** Events of `next` that `previous` does not hold (added or amended), and ids of events it dropped. */
export function historyChanges(previous: readonly ClaimEvent[], next: readonly ClaimEvent[]): { events: ClaimEvent[]; removedEventIds: string[] } {
  const { added, removedIds } = compareById(previous, next);
  return { events: added, removedEventIds: removedIds };
}

/** The numbers of `stored` claims that differ from what `sent` said, by claim id. */
export function numbersGiven(sent: readonly Claim[], stored: readonly Claim[]): Record<string, number> {
  const given: Record<string, number> = {};
  // The store keeps the order and length of the list it was sent, so records line up by index.
  const aligned = sent.length === stored.length && sent.every((claim, index) => claim === stored[index] || claim.id === stored[index]?.id);
  const sentNumbers = aligned ? undefined : new Map(sent.map((claim) => [claim.id, claim.number]));
  stored.forEach((claim, index) => {
    const sentClaim = sent[index];
    if (claim === sentClaim || claim.number === undefined) return;
    if (sentNumbers ? sentNumbers.has(claim.id) && sentNumbers.get(claim.id) !== claim.number : sentClaim?.number !== claim.number) given[claim.id] = claim.number;
  });
  return given;
}

/**
 * `claims` with the sign-off their history gives, read only for the claims in `ids` (the ones a
 * save changed): every other record already carries its history's sign-off (see LibraryStore).
 */
export function withSignOffsOf(claims: Claim[], history: readonly ClaimEvent[], ids: ReadonlySet<string>): Claim[] {
  if (ids.size === 0) return claims;
  const picked = claims.filter((claim) => ids.has(claim.id));
  const checked = withHistorySignOffs(
    picked,
    history.filter((event) => ids.has(event.claimId)),
  );
  if (checked === picked) return claims;
  const byId = new Map(checked.map((claim) => [claim.id, claim]));
  return claims.map((claim) => byId.get(claim.id) ?? claim);
}
