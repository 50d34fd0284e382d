/** Which claims' histories branch: only those can hold two versions of a field to settle. */
import type { ClaimEvent } from '../model/claim-history';

/**
 * The claims of `eventsOf` (each claim's events) whose history is not one straight line: an
 * event with two parents, two events on one parent, or more or fewer than one latest event.
 * A conflict is only ever made where branches join (see claim-state), so a report folds these
 * claims' histories alone, not every claim's, to find conflicts. One pass over the events.
 */
export function branchedClaims(eventsOf: ReadonlyMap<string, readonly ClaimEvent[]>): Set<string> {
  const branched = new Set<string>();
  for (const [claimId, events] of eventsOf) {
    const ids = new Set(events.map((event) => event.id));
    // Parents outside the claim's own events are not followed by its fold either.
    const followed = new Set<string>();
    let straight = ids.size === events.length;
    for (const event of events) {
      if (!straight) break;
      const parents = event.parents.filter((parent) => ids.has(parent));
      if (parents.length > 1 || parents.some((parent) => followed.has(parent))) straight = false;
      for (const parent of parents) followed.add(parent);
    }
    if (!straight || ids.size - followed.size !== 1) branched.add(claimId);
  }
  return branched;
}
