import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Review } from '../../../shared/model/review';
import { signOffState } from '../../../shared/model/sign-off';
import { OWN_VERDICT_REFUSAL } from '../../../shared/history/sign-offs';
import { anaAndBob, snapshot, type Library } from '../share/share-libraries.fixture';

describe('editorial sign-off between two libraries', () => {
  let ana: Library;
  let bob: Library;
  let reviewId: string;

  beforeEach(async () => {
    ({ ana, bob, reviewId } = await anaAndBob([
      { quote: 'unemployment fell by 20 percent', verdict: 'False', rationale: 'ONS figures show a 2 percent fall.' },
      { quote: 'Crime rose 5 percent' },
    ]));
  });
  afterEach(async () => {
    await ana.services.close();
    await bob.services.close();
  });

  const claimOf = (review: Review, quote: string) => {
    const claim = review.claims.find((candidate) => review.history.some((event) => event.claimId === candidate.id && event.quote === quote));
    if (!claim) throw new Error(`no claim on “${quote}”`);
    return claim;
  };

  /** `from` shares the review and `to` opens the file (adding or merging it). */
  async function pass(from: Library, to: Library) {
    const file = await from.call('share:create', { id: reviewId });
    return to.call('share:open', { fileName: 'review.factmark', base64: file.base64 });
  }

  it('refuses the author’s own sign-off and a claim without a verdict, changing nothing', async () => {
    const review = await ana.call('review:get', { id: reviewId });
    const before = await snapshot(ana.dataDir);
    await expect(ana.call('review:signOff', { id: reviewId, claimId: claimOf(review, 'unemployment fell by 20 percent').id })).rejects.toThrow(OWN_VERDICT_REFUSAL);
    await expect(ana.call('review:signOff', { id: reviewId, claimId: claimOf(review, 'Crime rose 5 percent').id })).rejects.toThrow('This claim has no verdict yet; a sign-off approves a verdict, so rate the claim first.');
    await expect(ana.call('review:withdrawSignOff', { id: reviewId, claimId: claimOf(review, 'unemployment fell by 20 percent').id })).rejects.toThrow('This claim has no sign-off to withdraw.');
    await expect(ana.call('review:signOff', { id: reviewId, claimId: 'claim-not-there' })).rejects.toThrow('That claim is not in this review any more');
    expect(await snapshot(ana.dataDir)).toEqual(before);
  });

  it('travels back to the author: Bob signs off Ana’s claim, Ana merges it and sees it signed, then her change withdraws it', async () => {
    expect((await pass(ana, bob)).outcome).toBe('added');
    const claimId = claimOf(await bob.call('review:get', { id: reviewId }), 'unemployment fell by 20 percent').id;
    const { claim: signed } = await bob.call('review:signOff', { id: reviewId, claimId });
    const bobsId = (await bob.call('settings:getReviewer', {})).id;
    expect(signed.signOff).toMatchObject({ by: bobsId, verdictId: 'false', rationale: 'ONS figures show a 2 percent fall.', summary: '' });
    expect(signOffState(signed)).toBe('signed');
    // Bob cannot sign the claim he just approved a second time, and only he can withdraw it.
    expect((await bob.call('review:signOff', { id: reviewId, claimId })).claim.signOff).toEqual(signed.signOff);

    const merged = await pass(bob, ana);
    expect(merged.report.signedOff).toEqual([{ claimId, quote: 'unemployment fell by 20 percent', detail: 'Signed off by Bob.' }]);
    expect(merged.report.updated).toEqual([]);
    const anas = await ana.call('review:get', { id: reviewId });
    const claim = anas.claims.find((candidate) => candidate.id === claimId);
    expect(claim?.signOff).toEqual(signed.signOff);
    expect(signOffState(claim as NonNullable<typeof claim>)).toBe('signed');
    expect(anas.reviewers.map((reviewer) => reviewer.name).sort()).toEqual(['Ana', 'Bob']);
    await expect(ana.call('review:withdrawSignOff', { id: reviewId, claimId })).rejects.toThrow('Only the reviewer who signed this claim off can withdraw the sign-off.');
    const history = await ana.call('review:claimHistory', { id: reviewId, claimId });
    expect(history.at(-1)).toMatchObject({ kind: 'signed-off', authorName: 'Bob', signed: { verdictId: 'false' } });

    // A save can never put a sign-off on a claim, nor take one away: the history decides.
    await ana.call('review:save', { id: reviewId, baseRevision: anas.revision, doc: anas.doc, claims: anas.claims.map((candidate) => ({ ...candidate, signOff: candidate.id === claimId ? undefined : signed.signOff })) });
    const saved = await ana.call('review:get', { id: reviewId });
    expect(saved.claims.map((candidate) => candidate.signOff?.by)).toEqual(anas.claims.map((candidate) => (candidate.id === claimId ? bobsId : undefined)));

    // Ana changes the verdict: the sign-off stays visible, withdrawn.
    await ana.call('review:save', { id: reviewId, baseRevision: saved.revision, doc: saved.doc, claims: saved.claims.map((candidate) => (candidate.id === claimId ? { ...candidate, verdictId: 'mostly-false', updatedAt: new Date().toISOString() } : candidate)) });
    const changed = (await ana.call('review:get', { id: reviewId })).claims.find((candidate) => candidate.id === claimId);
    expect(changed?.signOff?.by).toBe(bobsId);
    expect(signOffState(changed as NonNullable<typeof changed>)).toBe('withdrawn');
  });

  it('reads a sign-off as withdrawn after a merge when the other copy changed what was signed meanwhile', async () => {
    await pass(ana, bob);
    const claimId = claimOf(await bob.call('review:get', { id: reviewId }), 'unemployment fell by 20 percent').id;
    await bob.call('review:signOff', { id: reviewId, claimId });
    // Meanwhile Ana rewrites the rationale in her copy.
    const anas = await ana.call('review:get', { id: reviewId });
    await ana.call('review:save', { id: reviewId, baseRevision: anas.revision, doc: anas.doc, claims: anas.claims.map((claim) => (claim.id === claimId ? { ...claim, rationale: 'ONS: a 2.1 percent fall.', updatedAt: new Date().toISOString() } : claim)) });

    const preview = await ana.call('share:open', { fileName: 'bob.factmark', base64: (await bob.call('share:create', { id: reviewId })).base64, preview: true });
    expect(preview.report.signOffWithdrawn).toEqual([{ claimId, quote: 'unemployment fell by 20 percent', detail: 'Bob’s sign-off no longer holds: the rationale changed after it was given. It needs a new sign-off.' }]);
    expect(preview.report.signedOff).toEqual([]);
    expect(preview.report.conflicts).toEqual([]);
    await pass(bob, ana);
    const claim = (await ana.call('review:get', { id: reviewId })).claims.find((candidate) => candidate.id === claimId);
    expect(claim).toMatchObject({ rationale: 'ONS: a 2.1 percent fall.', signOff: { rationale: 'ONS figures show a 2 percent fall.' } });
    expect(signOffState(claim as NonNullable<typeof claim>)).toBe('withdrawn');

    // Bob merges Ana's copy: his copy says the same.
    await pass(ana, bob);
    const bobs = (await bob.call('review:get', { id: reviewId })).claims.find((candidate) => candidate.id === claimId);
    expect(signOffState(bobs as NonNullable<typeof bobs>)).toBe('withdrawn');
    // Ana is the author now (she set the rationale); Bob signs the new version off.
    const { claim: again } = await bob.call('review:signOff', { id: reviewId, claimId });
    expect(signOffState(again)).toBe('signed');
  });

  it('lets the signer withdraw a sign-off, and the merge says so', async () => {
    await pass(ana, bob);
    const claimId = claimOf(await bob.call('review:get', { id: reviewId }), 'unemployment fell by 20 percent').id;
    await bob.call('review:signOff', { id: reviewId, claimId });
    await pass(bob, ana);
    const { claim } = await bob.call('review:withdrawSignOff', { id: reviewId, claimId });
    expect(claim.signOff).toBeUndefined();
    const merged = await pass(bob, ana);
    expect(merged.report.signOffWithdrawn).toEqual([{ claimId, quote: 'unemployment fell by 20 percent', detail: 'Bob withdrew the sign-off.' }]);
    const anas = (await ana.call('review:get', { id: reviewId })).claims.find((candidate) => candidate.id === claimId);
    expect(anas?.signOff).toBeUndefined();
  });
});
