import { describe, expect, it } from 'vitest';
import type { ClaimEvent } from '../model/claim-history';
import { claimStates } from './claim-state';
import { historyHasBranches } from './linear-history';

const event = (id: string, claimId: string, parents: string[], minute: number, set: ClaimEvent['set']): ClaimEvent => ({
  id,
  claimId,
  parents,
  author: minute % 2 === 0 ? 'reviewer-ana' : 'reviewer-bob',
  at: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
  kind: parents.length === 0 ? 'created' : 'edited',
  set,
});

/** A small deterministic pseudo-random source, so a failing history can be reproduced. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('whether a history branches', () => {
  it('finds no branch in claims edited one change after another', () => {
    const history = [
      event('a0', 'claim-a', [], 0, { verdictId: null }),
      event('a1', 'claim-a', ['a0'], 1, { verdictId: 'false' }),
      event('a2', 'claim-a', ['a1'], 2, { verdictId: 'true' }),
      event('b0', 'claim-b', [], 3, { rationale: '' }),
      // A parent in another claim's log is not followed by the fold, nor here.
      event('b1', 'claim-b', ['b0', 'a2'], 4, { rationale: 'Police data' }),
    ];
    expect(historyHasBranches(history)).toBe(false);
    expect([...claimStates(history).values()].flatMap((state) => state.conflicts)).toEqual([]);
  });

  it('finds the branch of two reviewers who changed the same claim from one version', () => {
    const history = [event('a0', 'claim-a', [], 0, { verdictId: null }), event('a1', 'claim-a', ['a0'], 1, { verdictId: 'false' }), event('a2', 'claim-a', ['a0'], 2, { verdictId: 'true' })];
    expect(historyHasBranches(history)).toBe(true);
    expect(claimStates(history).get('claim-a')?.conflicts).toHaveLength(1);
  });

  it('finds joins, second roots and repeated event ids', () => {
    const root = event('a0', 'claim-a', [], 0, {});
    expect(historyHasBranches([root, event('a1', 'claim-a', [], 1, {})])).toBe(true);
    expect(historyHasBranches([root, event('a1', 'claim-a', ['a0'], 1, {}), event('a2', 'claim-a', ['a0', 'a1'], 2, {})])).toBe(true);
    expect(historyHasBranches([root, root])).toBe(true);
    expect(historyHasBranches([])).toBe(false);
  });

  it('never calls a history with conflicts unbranched (random histories)', () => {
    const next = randomSource(14);
    const values = ['false', 'true', 'misleading', null];
    let conflicted = 0;
    for (let round = 0; round < 400; round++) {
      const history: ClaimEvent[] = [];
      const size = 2 + Math.floor(next() * 6);
      for (let index = 0; index < size; index++) {
        const claimId = next() < 0.7 ? 'claim-a' : 'claim-b';
        const earlier = history.filter((known) => known.claimId === claimId);
        const parents = earlier.length === 0 || next() < 0.1 ? [] : [...new Set([earlier[Math.floor(next() * earlier.length)]?.id ?? '', ...(next() < 0.2 ? [earlier.at(-1)?.id ?? ''] : [])])];
        history.push(event(`e${round}-${index}`, claimId, parents, index, { verdictId: values[Math.floor(next() * values.length)] ?? null }));
      }
      const conflicts = [...claimStates(history).values()].flatMap((state) => state.conflicts);
      if (conflicts.length > 0) {
        conflicted++;
        expect(historyHasBranches(history), JSON.stringify(history)).toBe(true);
      }
    }
    // The generator must make conflicts for the check above to mean anything.
    expect(conflicted).toBeGreaterThan(20);
  });
});
