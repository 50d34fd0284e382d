import { describe, expect, it } from 'vitest';
import { newClaim, type Claim } from '../model/claim';
import type { ClaimEvent, CopiedFrom } from '../model/claim-history';
import { claimStates } from './claim-state';
import { recordEdits } from './record-edits';

const FROM: CopiedFrom = { reviewId: 'review-march', reviewTitle: 'Jobs speech, March', claimId: 'claim-old', claimNumber: 4 };
const T0 = new Date('2026-03-01T10:00:00.000Z');
const minutesLater = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function ids(): () => string {
  let next = 0;
  return () => `event-${++next}`;
}

describe('recording an edit copied from another review', () => {
  const unrated = newClaim('claim-1', T0.toISOString());
  const created = recordEdits({ history: [], before: [], after: [unrated], author: 'ana', now: T0, newId: ids() });
  const copied: Claim = { ...unrated, verdictId: 'false', rationale: 'ONS: a 2 percent fall.' };

  it('gives the copy an event of its own that names the source, even where the reviewer’s own newest event would be amended', () => {
    const history = recordEdits({ history: created, before: [unrated], after: [copied], author: 'ana', now: minutesLater(1), newId: () => 'copy', copiedFrom: new Map([['claim-1', FROM]]) });
    expect(history).toHaveLength(2);
    expect(history[0]).toEqual(created[0]);
    expect(history[1]).toMatchObject({ id: 'copy', kind: 'edited', parents: [created[0]?.id], set: { verdictId: 'false', rationale: 'ONS: a 2 percent fall.' }, copiedFrom: FROM });
  });

  it('never folds the reviewer’s later typing into the copy event', () => {
    const history = recordEdits({ history: created, before: [unrated], after: [copied], author: 'ana', now: minutesLater(1), newId: () => 'copy', copiedFrom: new Map([['claim-1', FROM]]) });
    const typed: Claim = { ...copied, rationale: 'ONS: a 2 percent fall. Checked again.' };
    const later = recordEdits({ history, before: [copied], after: [typed], author: 'ana', now: minutesLater(2), newId: () => 'typing' });
    expect(later.find((event) => event.id === 'copy')).toEqual(history[1]);
    expect(later.at(-1)).toMatchObject({ id: 'typing', parents: ['copy'], set: { rationale: 'ONS: a 2 percent fall. Checked again.' } });
    expect(later.at(-1)?.copiedFrom).toBeUndefined();
    expect(claimStates(later).get('claim-1')?.fields.rationale).toBe('ONS: a 2 percent fall. Checked again.');
  });

  it('starts the history of a claim from before histories with what it held, then the copy', () => {
    const held: Claim = { ...unrated, claimant: 'The minister' };
    const history: ClaimEvent[] = recordEdits({ history: [], before: [held], after: [{ ...held, verdictId: 'false' }], author: 'ana', now: T0, newId: ids(), copiedFrom: new Map([['claim-1', FROM]]) });
    expect(history.map((event) => [event.kind, event.set.verdictId, event.copiedFrom?.reviewId])).toEqual([
      ['created', null, undefined],
      ['edited', 'false', 'review-march'],
    ]);
    expect(history[1]?.parents).toEqual([history[0]?.id]);
    expect(claimStates(history).get('claim-1')?.fields).toMatchObject({ claimant: 'The minister', verdictId: 'false' });
  });
});
