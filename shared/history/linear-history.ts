/**
 * A cheap look at the shape of a review's history: whether any claim's events branch. Folding
 * every claim's log (claimStates) takes a few hundred ms at 5,000 claims, and it finds conflicts
 * only where branches were joined, so a history without branches can skip it.
 */
import type { ClaimEvent } from '../model/claim-history';

/**
 * True when some claim's events are not one chain: two roots, an event with two parents, two
 * events after one parent, or an event id seen twice. False means each claim's log is a single
 * line of edits, which folds without a merge and so without a conflict (see claim-state's join).
 */
export function historyHasBranches(history: readonly ClaimEvent[]): boolean {
  const claimOf = new Map<string, string>();
  for (const event of history) {
    if (claimOf.has(event.id)) return true;
    claimOf.set(event.id, event.claimId);
  }
  const roots = new Set<string>();
  const followed = new Set<string>();
  for (const event of history) {
    // A parent outside the claim's own log is ignored by the fold, as here.
    const parents = event.parents.filter((parent) => claimOf.get(parent) === event.claimId);
    if (parents.length > 1) return true;
    const [parent] = parents;
    if (parent === undefined) {
      if (roots.has(event.claimId)) return true;
      roots.add(event.claimId);
    } else {
      if (followed.has(parent)) return true;
      followed.add(parent);
    }
  }
  return false;
}
