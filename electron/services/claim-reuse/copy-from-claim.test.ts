import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARE_SCHEMA_PATH } from '../../../shared/share-file/share-file-json-schema';
import type { Review } from '../../../shared/model/review';
import { signOffState } from '../../../shared/model/sign-off';
import { openFactmarkServices } from '../factmark-services';
import { anaAndBob, openLibrary, snapshot, type Library } from '../share/share-libraries.fixture';

const EARLIER = 'The minister said unemployment fell by 20 percent last year, in a speech.';
const NOW = 'Unemployment fell by 20 percent last year, the minister told reporters.';

const open: Library[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((library) => library.services.close()));
});

async function library(): Promise<Library> {
  const made = await openLibrary();
  open.push(made);
  return made;
}

/** A review of `body` with one claim on `quote`, annotated with `fields`; returns the review and the claim's id. */
async function reviewWith(lib: Library, title: string, body: string, quote: string, fields: Record<string, unknown> = {}, scaleId?: string) {
  const { review } = await lib.call('review:create', { title, sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body }, ...(scaleId ? { scaleId } : {}) });
  const { claimIds } = await lib.call('review:annotate', { id: review.id, claims: [{ quote, ...fields }] });
  return { reviewId: review.id, claimId: claimIds[0] as string };
}

const claimOf = (review: Review, claimId: string) => {
  const claim = review.claims.find((candidate) => candidate.id === claimId);
  if (!claim) throw new Error(`no claim ${claimId}`);
  return claim;
};

describe('copying a verdict from a claim checked before', () => {
  it('copies verdict, rationale and evidence into an unrated claim, says in its history where they came from, and keeps it after a restart', async () => {
    const lib = await library();
    const earlier = await reviewWith(lib, 'Jobs speech, March', EARLIER, 'unemployment fell by 20 percent', {
      verdict: 'False',
      rationale: 'ONS figures show a 2 percent fall.',
      evidenceUrls: ['https://ons.example/labour', 'https://stats.example/jobs'],
    });
    const now = await reviewWith(lib, 'Press briefing, April', NOW, 'Unemployment fell by 20 percent', { evidenceUrls: ['https://stats.example/jobs'] });

    const { claim } = await lib.call('review:copyFromClaim', { id: now.reviewId, claimId: now.claimId, from: { reviewId: earlier.reviewId, claimId: earlier.claimId } });
    expect(claim).toMatchObject({ verdictId: 'false', rationale: 'ONS figures show a 2 percent fall.' });
    // The address the claim already listed is not added twice.
    expect(claim.evidence.map((item) => item.url)).toEqual(['https://stats.example/jobs', 'https://ons.example/labour']);

    const history = await lib.call('review:claimHistory', { id: now.reviewId, claimId: now.claimId });
    const copy = history.at(-1);
    expect(copy).toMatchObject({ kind: 'edited', copiedFrom: { reviewId: earlier.reviewId, reviewTitle: 'Jobs speech, March', claimId: earlier.claimId, claimNumber: 1 } });
    expect(Object.keys(copy?.set ?? {}).sort()).toEqual(['evidence', 'rationale', 'verdictId']);
    // The earlier review is only read.
    expect(claimOf(await lib.call('review:get', { id: earlier.reviewId }), earlier.claimId).evidence).toHaveLength(2);

    await lib.services.close();
    open.splice(open.indexOf(lib), 1);
    const reopened = await openFactmarkServices({ dataDir: lib.dataDir, mode: 'cli', renderPdf: async () => new Uint8Array() });
    try {
      const review = await reopened.handlers['review:get']({ id: now.reviewId });
      expect(claimOf(review, now.claimId)).toMatchObject({ verdictId: 'false', rationale: 'ONS figures show a 2 percent fall.' });
      expect(review.history.find((event) => event.copiedFrom)?.copiedFrom?.reviewTitle).toBe('Jobs speech, March');
    } finally {
      await reopened.close();
    }
  });

  it('keeps the reviewer’s own rationale and adds the earlier one below it; copying again changes nothing', async () => {
    const lib = await library();
    const earlier = await reviewWith(lib, 'March', EARLIER, 'unemployment fell by 20 percent', { verdict: 'False', rationale: 'ONS: a 2 percent fall.' });
    const now = await reviewWith(lib, 'April', NOW, 'Unemployment fell by 20 percent', { rationale: 'Said twice this week.' });
    const from = { reviewId: earlier.reviewId, claimId: earlier.claimId };

    const { claim } = await lib.call('review:copyFromClaim', { id: now.reviewId, claimId: now.claimId, from });
    expect(claim.rationale).toBe('Said twice this week.\n\nONS: a 2 percent fall.');
    const before = await snapshot(lib.dataDir);
    const again = await lib.call('review:copyFromClaim', { id: now.reviewId, claimId: now.claimId, from });
    expect(again.claim.rationale).toBe('Said twice this week.\n\nONS: a 2 percent fall.');
    expect(await snapshot(lib.dataDir)).toEqual(before);
  });

  it('finds the verdict by its label on a scale with other ids, and refuses one the scale lacks, naming the verdict and the scale, changing nothing', async () => {
    const lib = await library();
    const verdict = (id: string, label: string, ratingValue: number) => ({ id, label, ratingValue, ordinal: true, color: '#1b4d8c', description: '' });
    await lib.call('scale:save', { scale: { id: 'desk-3', name: 'Desk scale', bestRating: 3, worstRating: 1, verdicts: [verdict('ok', 'True', 3), verdict('bad', 'FALSE', 1), verdict('maybe', 'Unproven', 2)] } });
    const earlierFalse = await reviewWith(lib, 'March', EARLIER, 'unemployment fell by 20 percent', { verdict: 'False', rationale: 'ONS.' });
    const earlierMixed = await reviewWith(lib, 'May', EARLIER, 'unemployment fell by 20 percent', { verdict: 'Mixed', rationale: 'Partly.' });
    const now = await reviewWith(lib, 'April', NOW, 'Unemployment fell by 20 percent', {}, 'desk-3');

    const before = await snapshot(lib.dataDir);
    await expect(lib.call('review:copyFromClaim', { id: now.reviewId, claimId: now.claimId, from: { reviewId: earlierMixed.reviewId, claimId: earlierMixed.claimId } })).rejects.toThrow(
      'The verdict “Mixed” of “May” is not on this review’s scale (Desk scale: True, FALSE, Unproven). Nothing was changed; choose the verdict yourself.',
    );
    expect(await snapshot(lib.dataDir)).toEqual(before);

    const { claim } = await lib.call('review:copyFromClaim', { id: now.reviewId, claimId: now.claimId, from: { reviewId: earlierFalse.reviewId, claimId: earlierFalse.claimId } });
    expect(claim.verdictId).toBe('bad');
  });

  it('refuses a claim that already has another verdict, a claim with no verdict to copy, and a claim gone, changing nothing', async () => {
    const lib = await library();
    const earlier = await reviewWith(lib, 'March', EARLIER, 'unemployment fell by 20 percent', { verdict: 'False' });
    const unrated = await reviewWith(lib, 'June', EARLIER, 'unemployment fell by 20 percent');
    const rated = await reviewWith(lib, 'April', NOW, 'Unemployment fell by 20 percent', { verdict: 'True' });
    const fresh = await reviewWith(lib, 'July', NOW, 'Unemployment fell by 20 percent');
    const before = await snapshot(lib.dataDir);
    await expect(lib.call('review:copyFromClaim', { id: rated.reviewId, claimId: rated.claimId, from: { reviewId: earlier.reviewId, claimId: earlier.claimId } })).rejects.toThrow(
      'This claim already has another verdict. Nothing was changed',
    );
    await expect(lib.call('review:copyFromClaim', { id: fresh.reviewId, claimId: fresh.claimId, from: { reviewId: unrated.reviewId, claimId: unrated.claimId } })).rejects.toThrow(
      'Claim #1 of “June” has no verdict to copy. Nothing was changed.',
    );
    await expect(lib.call('review:copyFromClaim', { id: fresh.reviewId, claimId: fresh.claimId, from: { reviewId: rated.reviewId, claimId: earlier.claimId } })).rejects.toThrow('That claim is no longer in “April”');
    await expect(lib.call('review:copyFromClaim', { id: fresh.reviewId, claimId: 'no-such-claim', from: { reviewId: earlier.reviewId, claimId: earlier.claimId } })).rejects.toThrow('That claim is not in this review any more');
    expect(await snapshot(lib.dataDir)).toEqual(before);
  });

  it('keeps the copy its own event when the reviewer goes on typing, and the share file carries it to a colleague', async () => {
    const { ana, bob, reviewId } = await anaAndBob([{ quote: 'unemployment fell by 20 percent' }]);
    open.push(ana, bob);
    const earlier = await reviewWith(ana, 'March', EARLIER, 'unemployment fell by 20 percent', { verdict: 'False', rationale: 'ONS.' });
    const claimId = (await ana.call('review:get', { id: reviewId })).claims[0]?.id as string;
    await ana.call('review:copyFromClaim', { id: reviewId, claimId, from: { reviewId: earlier.reviewId, claimId: earlier.claimId } });

    // Ana goes on writing the rationale in the desk a moment later (within the window where her own events are amended).
    const review = await ana.call('review:get', { id: reviewId });
    const typed = review.claims.map((claim) => (claim.id === claimId ? { ...claim, rationale: 'ONS. Checked again today.', updatedAt: new Date().toISOString() } : claim));
    await ana.call('review:save', { id: reviewId, baseRevision: review.revision, doc: review.doc, claims: typed });
    const events = await ana.call('review:claimHistory', { id: reviewId, claimId });
    const copy = events.find((event) => event.copiedFrom);
    expect(copy?.set.rationale).toBe('ONS.');
    expect(events.at(-1)).toMatchObject({ kind: 'edited', set: { rationale: 'ONS. Checked again today.' } });
    expect(events.at(-1)?.copiedFrom).toBeUndefined();

    const file = await ana.call('share:create', { id: reviewId });
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(SHARE_SCHEMA_PATH, 'utf8')) as object);
    expect(validate(JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'))), JSON.stringify(validate.errors)).toBe(true);
    expect((await bob.call('share:open', { fileName: 'jobs.factmark', base64: file.base64 })).outcome).toBe('added');
    const bobs = await bob.call('review:claimHistory', { id: reviewId, claimId });
    expect(bobs.find((event) => event.copiedFrom)?.copiedFrom).toEqual({ reviewId: earlier.reviewId, reviewTitle: 'March', claimId: earlier.claimId, claimNumber: 1 });
  });

  it('follows the normal sign-off rules: a copy that changes a signed-off rationale withdraws the sign-off visibly', async () => {
    const { ana, bob, reviewId } = await anaAndBob([{ quote: 'unemployment fell by 20 percent', verdict: 'False', rationale: 'Two percent.' }]);
    open.push(ana, bob);
    await bob.call('share:open', { fileName: 'jobs.factmark', base64: (await ana.call('share:create', { id: reviewId })).base64 });
    const claimId = (await bob.call('review:get', { id: reviewId })).claims[0]?.id as string;
    const { claim: signed } = await bob.call('review:signOff', { id: reviewId, claimId });
    expect(signOffState(signed)).toBe('signed');

    const earlier = await reviewWith(bob, 'March', EARLIER, 'unemployment fell by 20 percent', { verdict: 'False', rationale: 'ONS figures.' });
    const { claim } = await bob.call('review:copyFromClaim', { id: reviewId, claimId, from: { reviewId: earlier.reviewId, claimId: earlier.claimId } });
    expect(claim.rationale).toBe('Two percent.\n\nONS figures.');
    expect(signOffState(claim)).toBe('withdrawn');
  });
});
