/** Which claims are not ready to publish, why, and how a refused publish export says so. */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../model/claim';
import { DEFAULT_SCALE } from '../model/rating-scale';
import type { Review } from '../model/review';
import { notReadyMessage, unfinishedClaims } from './publish-readiness';
import { ANA, OMAR, PUBLISHABLE, withClaim, wrote } from './publishable-fixture';

const kinds = (review: Review, signOffRequired = true) => unfinishedClaims(review, DEFAULT_SCALE, signOffRequired).map((claim) => ({ number: claim.number, kinds: claim.reasons.map((reason) => reason.kind) }));

describe('claims not ready to publish', () => {
  it('lists none when every claim has a verdict, a rationale, is reviewed, placed, settled and signed off by someone else', () => {
    expect(unfinishedClaims(PUBLISHABLE, DEFAULT_SCALE, true)).toEqual([]);
  });

  it('names each thing a claim still needs, as a kind and an English sentence', () => {
    const unfinished = unfinishedClaims(withClaim(2, { verdictId: null, rationale: '  ', status: 'in-progress' }), DEFAULT_SCALE, true);
    expect(unfinished).toEqual([
      {
        number: 2,
        claimId: 'claim-prices-0002',
        quote: 'الأسعار ارتفعت بنسبة عشرين بالمئة',
        placed: true,
        reasons: [
          { kind: 'no-verdict', message: 'No verdict yet.' },
          { kind: 'no-rationale', message: 'No rationale written yet.' },
          { kind: 'not-reviewed', message: 'Not marked as reviewed.' },
          // Verdict and rationale changed after Omar signed: his sign-off no longer holds.
          { kind: 'sign-off-withdrawn', message: 'Sign-off withdrawn: it changed after it was signed.' },
        ],
      },
    ]);
  });

  it('asks for a sign-off only when the newsroom requires one, and not from the claim’s own author', () => {
    const unsigned = withClaim(1, { signOff: undefined });
    expect(kinds(unsigned)).toEqual([{ number: 1, kinds: ['not-signed-off'] }]);
    expect(kinds(unsigned, false)).toEqual([]);
    const selfSigned = { ...withClaim(1, { signOff: { ...(PUBLISHABLE.claims[0]?.signOff as NonNullable<Claim['signOff']>), by: ANA.id } }) };
    const [claim] = unfinishedClaims(selfSigned, DEFAULT_SCALE, true);
    expect(claim?.reasons).toEqual([{ kind: 'not-signed-off', message: 'Signed off only by its own author, not by another editor.' }]);
    // The author is who last wrote the verdict or rationale: once Omar rewrote it, Ana's sign-off is an independent one.
    const rewrittenByOmar = { ...selfSigned, history: [...selfSigned.history, wrote(selfSigned.claims[0] as Claim, OMAR, '2026-03-15T11:00:00.000Z')] };
    expect(kinds({ ...rewrittenByOmar, claims: rewrittenByOmar.claims.map((each) => (each.number === 1 ? { ...each, signOff: { ...(each.signOff as NonNullable<Claim['signOff']>), by: ANA.id } } : each)) })).toEqual([]);
  });

  it('lists a claim whose words left the article only when something was recorded about it', () => {
    const gone = (patch: Partial<Claim>): Review => ({ ...withClaim(1, patch), doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nothing marked here. ' }, { type: 'text', text: 'الأسعار ارتفعت بنسبة عشرين بالمئة', marks: [{ type: 'claim', attrs: { claimId: 'claim-prices-0002' } }] }] }] } });
    const nothingRecorded = { verdictId: null, rationale: '', evidence: [], status: 'to-check' as const, signOff: undefined };
    expect(kinds(gone(nothingRecorded))).toEqual([]);
    expect(kinds(gone({ ...nothingRecorded, evidence: [{ id: 'evidence-0001', url: 'https://a.example/', title: '', note: '', stance: 'unset', accessedAt: '' }] }))[0]?.kinds).toContain('unplaced');
    expect(unfinishedClaims(gone({}), DEFAULT_SCALE, true)).toEqual([expect.objectContaining({ number: 1, placed: false, reasons: [{ kind: 'unplaced', message: 'Its words are not in the article.' }] })]);
  });

  it('holds back a claim flagged after a merge or with two versions not settled', () => {
    expect(kinds(withClaim(1, { attention: { kind: 'moved', quote: 'crime fell', detail: 'Found elsewhere.' } }))).toEqual([{ number: 1, kinds: ['flagged'] }]);
    const [crime] = PUBLISHABLE.claims as [Claim];
    const event = (id: string, author: string, verdictId: string) => ({ id, claimId: crime.id, parents: ['event-root-0001'], author, at: '2026-03-15T12:00:00.000Z', kind: 'edited' as const, set: { verdictId } });
    const conflicted: Review = {
      ...PUBLISHABLE,
      history: [{ ...wrote(crime, ANA), id: 'event-root-0001' }, event('event-ana-0002', ANA.id, 'true'), event('event-omar-0003', OMAR.id, 'mostly-false'), wrote(PUBLISHABLE.claims[1] as Claim, ANA)],
    };
    const [claim] = unfinishedClaims(conflicted, DEFAULT_SCALE, false);
    expect(claim?.reasons).toEqual([{ kind: 'conflict', message: 'Two versions of the verdict are not settled yet.' }]);
  });

  it('gives the reasons in the language asked for', () => {
    const [claim] = unfinishedClaims(withClaim(1, { verdictId: null }), DEFAULT_SCALE, false, new Date(), 'fr');
    expect(claim?.reasons).toEqual([{ kind: 'no-verdict', message: 'Pas encore de verdict.' }]);
  });
});

describe('the refusal of a publish export', () => {
  it('says how many claims are not ready, lists each with what it needs, and offers a draft', () => {
    const unfinished = unfinishedClaims(withClaim(2, { verdictId: null, signOff: undefined }, withClaim(1, { status: 'in-progress' })), DEFAULT_SCALE, true);
    expect(notReadyMessage(unfinished)).toBe('2 claims are not ready to publish: claim 1: not marked as reviewed; claim 2: no verdict yet, not signed off by an editor. Finish them, or export a draft. A newsroom that publishes without an editor’s sign-off turns that rule off in Preferences (Organisation).');
    expect(notReadyMessage(unfinished.slice(0, 1))).toBe('1 claim is not ready to publish: claim 1: not marked as reviewed. Finish it, or export a draft.');
  });

  it('names ten claims and counts the rest', () => {
    const many = Array.from({ length: 13 }, (_, index) => ({ number: index + 1, claimId: `claim-many-${String(index).padStart(4, '0')}`, quote: 'x', placed: true, reasons: [{ kind: 'no-verdict' as const, message: 'No verdict yet.' }] }));
    const message = notReadyMessage(many);
    expect(message).toMatch(/^13 claims are not ready to publish: claim 1: no verdict yet; .*claim 10: no verdict yet; and 3 more claims\. Finish them, or export a draft\.$/);
    expect(message).not.toContain('claim 11');
  });
});
