import { describe, expect, it } from 'vitest';
import type { ClaimEvent } from '../model/claim-history';
import { claimStates } from '../history/claim-state';
import { branchedClaims } from './branched-history';

const event = (id: string, claimId: string, parents: string[], set: ClaimEvent['set'] = {}, at = '2026-03-14T10:00:00.000Z'): ClaimEvent => ({
  id,
  claimId,
  parents,
  author: 'reviewer-ana',
  at,
  kind: parents.length === 0 ? 'created' : 'edited',
  set,
});

const grouped = (events: ClaimEvent[]): Map<string, ClaimEvent[]> => {
  const byClaim = new Map<string, ClaimEvent[]>();
  for (const item of events) byClaim.set(item.claimId, [...(byClaim.get(item.claimId) ?? []), item]);
  return byClaim;
};

describe('branched claim histories', () => {
  it('leaves out a claim whose events follow one another in a line', () => {
    const events = [event('event-a1', 'claim-a', []), event('event-a2', 'claim-a', ['event-a1'], { verdictId: 'false' }), event('event-a3', 'claim-a', ['event-a2'], { rationale: 'No.' })];
    expect(branchedClaims(grouped(events))).toEqual(new Set());
  });

  it('finds two edits on one parent, and a choice that joins them, and holds every claim that has a conflict', () => {
    const events = [
      event('event-a1', 'claim-a', []),
      event('event-a2', 'claim-a', ['event-a1'], { verdictId: 'false' }, '2026-03-14T11:00:00.000Z'),
      event('event-a3', 'claim-a', ['event-a1'], { verdictId: 'true' }, '2026-03-14T12:00:00.000Z'),
      event('event-b1', 'claim-b', []),
      event('event-b2', 'claim-b', ['event-b1'], { verdictId: 'false' }),
      event('event-b3', 'claim-b', ['event-b1'], { verdictId: 'true' }),
      event('event-b4', 'claim-b', ['event-b2', 'event-b3'], { verdictId: 'true' }),
      event('event-c1', 'claim-c', []),
      event('event-c2', 'claim-c', ['event-c1'], { rationale: 'Linear.' }),
    ];
    const branched = branchedClaims(grouped(events));
    expect(branched).toEqual(new Set(['claim-a', 'claim-b']));
    const conflicted = [...claimStates(events).values()].filter((state) => state.conflicts.length > 0).map((state) => state.claimId);
    expect(conflicted).toEqual(['claim-a']);
    for (const claimId of conflicted) expect(branched.has(claimId)).toBe(true);
  });

  it('counts two first events of one claim (two copies made it) as branches', () => {
    expect(branchedClaims(grouped([event('event-a1', 'claim-a', []), event('event-a9', 'claim-a', [])]))).toEqual(new Set(['claim-a']));
  });
});
