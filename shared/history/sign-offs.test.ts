import { describe, expect, it } from 'vitest';
import { newClaim, type Claim } from '../model/claim';
import type { ClaimEvent } from '../model/claim-history';
import { signOffState } from '../model/sign-off';
import { claimState } from './claim-state';
import { fieldsOf, recordEdits, unionHistories } from './record-edits';
import { changedSinceSignOff, OWN_VERDICT_REFUSAL, signOffHistory, withdrawalHistory, withHistorySignOffs } from './sign-offs';

const CLAIM = 'claim-00000001';
const ANA = 'reviewer-ana';
const BOB = 'reviewer-bob';
const at = (minute: number): Date => new Date(Date.UTC(2026, 0, 1, 0, minute));
const ids = (prefix: string): (() => string) => {
  let next = 0;
  return () => `${prefix}-${String(next++).padStart(8, '0')}`;
};

/** A review as the store keeps it: claims and the history their saves recorded. */
interface Copy {
  claims: Claim[];
  history: ClaimEvent[];
}

/** `who` saves `change` to the claim at `minute`, as the store records a save. */
function save(copy: Copy, who: string, minute: number, change: Partial<Claim>, newId: () => string): Copy {
  const claims = copy.claims.map((claim) => (claim.id === CLAIM ? { ...claim, ...change, updatedAt: at(minute).toISOString() } : claim));
  // Every save here is after sharing: events are never amended, as between two copies.
  const history = recordEdits({ history: copy.history, before: copy.claims, after: claims, author: who, now: at(minute), newId, sealedUntil: at(minute).toISOString() });
  return { claims: withHistorySignOffs(claims, history), history };
}

function signOff(copy: Copy, who: string, minute: number, newId: () => string): Copy {
  const result = signOffHistory({ review: copy, claimId: CLAIM, reviewerId: who, now: at(minute), newId });
  if ('refusal' in result) throw new Error(result.refusal);
  return { claims: withHistorySignOffs(copy.claims, result.history), history: result.history };
}

const claimOf = (copy: Copy): Claim => copy.claims.find((claim) => claim.id === CLAIM) as Claim;

/** Ana marked the claim and rated it False with a rationale. */
function anasRating(): Copy {
  const claim = newClaim(CLAIM, at(0).toISOString());
  const created: ClaimEvent = { id: 'event-root-0', claimId: CLAIM, parents: [], author: ANA, at: at(0).toISOString(), kind: 'created', set: fieldsOf(claim) };
  return save({ claims: [claim], history: [created] }, ANA, 1, { verdictId: 'false', rationale: 'Police data show a rise.' }, ids('ana'));
}

describe('sign-offs in the claim history', () => {
  it('records a sign-off of the claim as it reads, and every copy reads the same sign-off from the history', () => {
    const bobs = signOff(anasRating(), BOB, 5, ids('bob'));
    const event = bobs.history.at(-1);
    expect(event).toMatchObject({ kind: 'signed-off', author: BOB, set: {}, signed: { verdictId: 'false', rationale: 'Police data show a rise.', summary: '' } });
    expect(claimOf(bobs).signOff).toEqual({ by: BOB, at: at(5).toISOString(), verdictId: 'false', rationale: 'Police data show a rise.', summary: '' });
    expect(signOffState(claimOf(bobs))).toBe('signed');
    expect(claimState(bobs.history, CLAIM)?.signOff).toEqual(claimOf(bobs).signOff);
    // Signing again what one already signed adds nothing.
    expect(signOff(bobs, BOB, 6, ids('again')).history).toEqual(bobs.history);
  });

  it('refuses the author of the verdict, a claim without a verdict, and a claim with two versions of its verdict', () => {
    const anas = anasRating();
    expect(signOffHistory({ review: anas, claimId: CLAIM, reviewerId: ANA, now: at(5), newId: ids('x') })).toEqual({ refusal: OWN_VERDICT_REFUSAL });
    // Bob rewrites the rationale: the verdict is his to answer for now, and Ana may sign it off.
    const rewritten = save(anas, BOB, 3, { rationale: 'ONS figures.' }, ids('bob'));
    expect(signOffHistory({ review: rewritten, claimId: CLAIM, reviewerId: BOB, now: at(5), newId: ids('x') })).toEqual({ refusal: OWN_VERDICT_REFUSAL });
    expect(signOffHistory({ review: rewritten, claimId: CLAIM, reviewerId: ANA, now: at(5), newId: ids('x') })).not.toHaveProperty('refusal');

    const unrated = save(anas, ANA, 2, { verdictId: null }, ids('ana2'));
    expect(signOffHistory({ review: unrated, claimId: CLAIM, reviewerId: BOB, now: at(5), newId: ids('x') })).toEqual({ refusal: expect.stringMatching(/^This claim has no verdict yet/) });

    const root = anas.history.at(-1)?.id as string;
    const split = [...anas.history, { id: 'event-ana-9', claimId: CLAIM, parents: [root], author: ANA, at: at(4).toISOString(), kind: 'edited' as const, set: { verdictId: 'true' } }, { id: 'event-cat-9', claimId: CLAIM, parents: [root], author: 'reviewer-cat', at: at(4).toISOString(), kind: 'edited' as const, set: { verdictId: 'mixed' } }];
    expect(signOffHistory({ review: { claims: anas.claims, history: split }, claimId: CLAIM, reviewerId: BOB, now: at(5), newId: ids('x') })).toEqual({ refusal: expect.stringMatching(/two versions of its verdict/) });
  });

  it('withdraws a sign-off visibly when what was signed changes, naming the field, and a new sign-off restores it', () => {
    const bobs = signOff(anasRating(), BOB, 5, ids('bob'));
    const changed = save(bobs, ANA, 7, { verdictId: 'mostly-false' }, ids('ana3'));
    expect(claimOf(changed).signOff?.by).toBe(BOB);
    expect(signOffState(claimOf(changed))).toBe('withdrawn');
    expect(changedSinceSignOff(claimOf(changed))).toEqual(['verdictId']);
    // Anything else (tags, evidence) leaves the sign-off standing.
    expect(signOffState(claimOf(save(bobs, ANA, 7, { tags: ['economy'] }, ids('ana4'))))).toBe('signed');
    const again = signOff(changed, BOB, 9, ids('bob2'));
    expect(signOffState(claimOf(again))).toBe('signed');
    expect(claimOf(again).signOff?.verdictId).toBe('mostly-false');
  });

  it('lets only the signer take a sign-off back, and ignores a withdrawal by anyone else found in a file', () => {
    const bobs = signOff(anasRating(), BOB, 5, ids('bob'));
    expect(withdrawalHistory({ review: bobs, claimId: CLAIM, reviewerId: ANA, now: at(6), newId: ids('x') })).toEqual({ refusal: 'Only the reviewer who signed this claim off can withdraw the sign-off.' });
    const taken = withdrawalHistory({ review: bobs, claimId: CLAIM, reviewerId: BOB, now: at(6), newId: ids('w') });
    if ('refusal' in taken) throw new Error(taken.refusal);
    expect(taken.history.at(-1)).toMatchObject({ kind: 'sign-off-withdrawn', author: BOB, set: {} });
    expect(claimState(taken.history, CLAIM)?.signOff).toBeUndefined();
    expect(withHistorySignOffs(bobs.claims, taken.history)[0]?.signOff).toBeUndefined();

    const forged: ClaimEvent = { id: 'event-forged', claimId: CLAIM, parents: [bobs.history.at(-1)?.id as string], author: ANA, at: at(6).toISOString(), kind: 'sign-off-withdrawn', set: {} };
    expect(claimState([...bobs.history, forged], CLAIM)?.signOff?.by).toBe(BOB);
  });

  it('never keeps a sign-off on a record that its history does not hold', () => {
    const anas = anasRating();
    const claimed = anas.claims.map((claim) => ({ ...claim, signOff: { by: BOB, at: at(5).toISOString(), verdictId: 'false', rationale: 'Police data show a rise.', summary: '' } }));
    expect(withHistorySignOffs(claimed, anas.history)[0]?.signOff).toBeUndefined();
    // Nothing to change: the very same array, so a save of a long review stays cheap.
    expect(withHistorySignOffs(anas.claims, anas.history)).toBe(anas.claims);
  });

  it('makes a sign-off of a version the other copy changed meanwhile read as withdrawn after the merge, either way round', () => {
    const shared = anasRating();
    const bobs = signOff(shared, BOB, 5, ids('bob'));
    const anas = save(shared, ANA, 6, { rationale: 'Police data show a rise of 5 percent.' }, ids('ana5'));
    for (const history of [unionHistories(anas.history, bobs.history).history, unionHistories(bobs.history, anas.history).history]) {
      const state = claimState(history, CLAIM);
      const merged = { ...claimOf(anas), ...state?.fields, ...(state?.signOff ? { signOff: state.signOff } : {}) };
      expect(state?.conflicts).toEqual([]);
      expect(merged.signOff?.by).toBe(BOB);
      expect(signOffState(merged)).toBe('withdrawn');
      expect(changedSinceSignOff(merged)).toEqual(['rationale']);
    }
    // A change elsewhere in the claim leaves the merged sign-off holding.
    const tagged = save(shared, ANA, 6, { tags: ['crime'] }, ids('ana6'));
    const state = claimState(unionHistories(tagged.history, bobs.history).history, CLAIM);
    expect(signOffState({ ...claimOf(tagged), ...state?.fields, signOff: state?.signOff })).toBe('signed');
  });

  it('keeps a claim deleted in one copy while the other copy signed it off', () => {
    const shared = anasRating();
    const bobs = signOff(shared, BOB, 5, ids('bob'));
    const head = shared.history.at(-1)?.id as string;
    const deleted: ClaimEvent = { id: 'event-ana-del', claimId: CLAIM, parents: [head], author: ANA, at: at(6).toISOString(), kind: 'deleted', set: {} };
    const state = claimState(unionHistories([...shared.history, deleted], bobs.history).history, CLAIM);
    expect(state?.deleted).toBe(false);
    expect(state?.deletionOverridden?.author).toBe(ANA);
    expect(state?.signOff?.by).toBe(BOB);
  });
});
