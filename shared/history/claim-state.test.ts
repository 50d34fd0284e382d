import { describe, expect, it } from 'vitest';
import { newClaim } from '../model/claim';
import type { ClaimEvent } from '../model/claim-history';
import { claimState } from './claim-state';
import { fieldsOf, recordEdits, resolutionEvent, unionHistories } from './record-edits';

const CLAIM = 'claim-00000001';
const created: ClaimEvent = { id: 'event-root-0', claimId: CLAIM, parents: [], author: 'reviewer-ana', at: '2026-01-01T00:00:00.000Z', kind: 'created', set: fieldsOf(newClaim(CLAIM, '2026-01-01T00:00:00.000Z')) };
const edit = (id: string, parents: string[], author: string, minute: number, set: ClaimEvent['set'], kind: ClaimEvent['kind'] = 'edited'): ClaimEvent => ({
  id,
  claimId: CLAIM,
  parents,
  author,
  at: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
  kind,
  set,
});

describe('claim history', () => {
  it('takes a change made on one side only', () => {
    const state = claimState([created, edit('event-bob-01', ['event-root-0'], 'reviewer-bob', 5, { rationale: 'Police data' })], CLAIM);
    expect(state?.fields.rationale).toBe('Police data');
    expect(state?.conflicts).toEqual([]);
  });

  it('merges changes of different fields made in parallel', () => {
    const state = claimState([created, edit('event-ana-01', ['event-root-0'], 'reviewer-ana', 5, { verdictId: 'false' }), edit('event-bob-01', ['event-root-0'], 'reviewer-bob', 6, { rationale: 'Police data' })], CLAIM);
    expect(state?.fields).toMatchObject({ verdictId: 'false', rationale: 'Police data' });
    expect(state?.conflicts).toEqual([]);
    expect(state?.heads).toHaveLength(2);
  });

  it('keeps both values of a field changed differently in parallel, newest shown first, until someone chooses', () => {
    const history = [created, edit('event-ana-01', ['event-root-0'], 'reviewer-ana', 5, { verdictId: 'false' }), edit('event-bob-01', ['event-root-0'], 'reviewer-bob', 6, { verdictId: 'true' })];
    const state = claimState(history, CLAIM);
    expect(state?.conflicts).toHaveLength(1);
    expect(state?.conflicts[0]?.options.map((option) => [option.value, option.author])).toEqual([
      ['true', 'reviewer-bob'],
      ['false', 'reviewer-ana'],
    ]);
    const choice = resolutionEvent({ claimId: CLAIM, heads: state?.heads ?? [], set: { verdictId: 'false' }, author: 'reviewer-ana', now: new Date('2026-01-02T00:00:00.000Z'), newId: () => 'event-choice' });
    const settled = claimState([...history, choice], CLAIM);
    expect(settled?.fields.verdictId).toBe('false');
    expect(settled?.conflicts).toEqual([]);
    expect(settled?.heads).toEqual(['event-choice']);
  });

  it('respects a deletion only where the other side did not change the claim', () => {
    const deleted = edit('event-ana-de', ['event-root-0'], 'reviewer-ana', 5, {}, 'deleted');
    expect(claimState([created, deleted], CLAIM)?.deleted).toBe(true);
    const changed = claimState([created, deleted, edit('event-bob-01', ['event-root-0'], 'reviewer-bob', 6, { rationale: 'Still checking' })], CLAIM);
    expect(changed?.deleted).toBe(false);
    expect(changed?.deletionOverridden?.author).toBe('reviewer-ana');
    expect(changed?.fields.rationale).toBe('Still checking');
  });

  it('merges evidence and tags item by item', () => {
    const source = { url: 'https://a.example/', title: '', note: '', stance: 'supports' as const, accessedAt: '' };
    const state = claimState(
      [
        created,
        edit('event-ana-01', ['event-root-0'], 'reviewer-ana', 5, { tags: ['economy'], evidence: [{ ...source, id: 'evidence-ana' }] }),
        edit('event-bob-01', ['event-root-0'], 'reviewer-bob', 6, { tags: ['jobs'], evidence: [{ ...source, id: 'evidence-bob', url: 'https://b.example/' }] }),
      ],
      CLAIM,
    );
    expect(state?.conflicts).toEqual([]);
    expect(state?.fields.tags.sort()).toEqual(['economy', 'jobs']);
    expect(state?.fields.evidence.map((item) => item.id).sort()).toEqual(['evidence-ana', 'evidence-bob']);
  });

  it('merges one source changed on both sides part by part: a copy kept on one side, a note written on the other', () => {
    const source = { id: 'evidence-one', url: 'https://a.example/', title: '', note: '', stance: 'unset' as const, accessedAt: '' };
    const copy = { kind: 'page' as const, id: 'copy-00000001', requestedUrl: 'https://a.example/', finalUrl: 'https://a.example/', httpStatus: 200, contentType: 'text/html', retrievedAt: '2026-01-01T00:06:00.000Z', title: 'A', files: [{ role: 'archive' as const, fileName: 'page.mhtml', mediaType: 'multipart/related', size: 10, sha256: 'a'.repeat(64) }] };
    const base = edit('event-ana-00', ['event-root-0'], 'reviewer-ana', 1, { evidence: [source] });
    const kept = edit('event-ana-01', ['event-ana-00'], 'reviewer-ana', 5, { evidence: [{ ...source, copy }] });
    const noted = edit('event-bob-01', ['event-ana-00'], 'reviewer-bob', 6, { evidence: [{ ...source, note: 'Table 3' }] });
    const state = claimState([created, base, kept, noted], CLAIM);
    expect(state?.conflicts).toEqual([]);
    expect(state?.fields.evidence).toEqual([{ ...source, note: 'Table 3', copy }]);
    const otherNote = edit('event-cat-01', ['event-ana-00'], 'reviewer-cat', 7, { evidence: [{ ...source, note: 'Table 4', copy }] });
    expect(claimState([created, base, kept, noted, otherNote], CLAIM)?.conflicts.map((conflict) => conflict.field)).toEqual(['evidence']);
  });

  it('amends the reviewer’s own recent event while unshared, and never after sharing', () => {
    const claim = newClaim(CLAIM, '2026-01-01T00:00:00.000Z');
    const input = { author: 'reviewer-ana', newId: (() => { let n = 0; return () => `event-new-${n++}`; })() };
    const first = recordEdits({ ...input, history: [], before: [], after: [claim], now: new Date('2026-01-01T00:00:00.000Z') });
    const typed = { ...claim, rationale: 'Typing…', updatedAt: '2026-01-01T00:01:00.000Z' };
    const amended = recordEdits({ ...input, history: first, before: [claim], after: [typed], now: new Date('2026-01-01T00:01:00.000Z') });
    expect(amended).toHaveLength(1);
    expect(amended[0]?.set.rationale).toBe('Typing…');
    const sealed = recordEdits({ ...input, history: amended, before: [typed], after: [{ ...typed, rationale: 'Done' }], now: new Date('2026-01-01T00:02:00.000Z'), sealedUntil: '2026-01-01T00:01:30.000Z' });
    expect(sealed).toHaveLength(2);
    expect(sealed[1]?.parents).toEqual([amended[0]?.id]);
  });

  it('keeps the later version of an event amended before it was shared', () => {
    const older = edit('event-ana-01', ['event-root-0'], 'reviewer-ana', 5, { rationale: 'Typ' });
    const newer = { ...older, at: '2026-01-01T00:09:00.000Z', set: { rationale: 'Typed' } };
    for (const [local, incoming] of [[[created, older], [created, newer]], [[created, newer], [created, older]]] as const) {
      const union = unionHistories(local, incoming).history;
      expect(union.find((event) => event.id === 'event-ana-01')?.set.rationale).toBe('Typed');
      expect(union).toHaveLength(2);
    }
  });
});
