/**
 * A claim's published address never moves: its number is given once, kept when a claim is marked
 * before it, never given again after a deletion, and travels with share files and merges.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { anaAndBob, type Library } from './share-libraries.fixture';

let open: Library[] = [];
afterEach(async () => {
  await Promise.all(open.map((library) => library.services.close()));
  open = [];
});

/** Each claim's published address by its words, as the Web Annotation export gives it (a data export: unfinished claims too). */
async function claimReviewUrls(library: Library, id: string): Promise<Map<string, string>> {
  const exported = await library.call('review:export', { id, format: 'webannotation', publisher: { reportUrl: 'https://factcheck.example/jobs' } });
  const collection = JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8')) as { first: { items: { id: string; target: { selector: { exact: string }[] } }[] } };
  return new Map(collection.first.items.map((item) => [item.target.selector[0]?.exact as string, item.id]));
}

describe('permanent claim numbers', () => {
  it('keeps a claim’s link when another is marked before it, and never gives a deleted claim’s number again', async () => {
    const { ana, bob, reviewId } = await anaAndBob([{ quote: 'The budget is 3 billion' }]);
    open = [ana, bob];
    expect(await claimReviewUrls(ana, reviewId)).toEqual(new Map([['The budget is 3 billion', 'https://factcheck.example/jobs#claim-1']]));
    await ana.call('review:annotate', { id: reviewId, claims: [{ quote: 'unemployment fell by 20 percent' }, { quote: 'Crime rose 5 percent' }] });
    expect(await claimReviewUrls(ana, reviewId)).toEqual(
      new Map([
        ['unemployment fell by 20 percent', 'https://factcheck.example/jobs#claim-2'],
        ['Crime rose 5 percent', 'https://factcheck.example/jobs#claim-3'],
        ['The budget is 3 billion', 'https://factcheck.example/jobs#claim-1'],
      ]),
    );
    // Claim 3 goes; the next claim is 4, not 3 again.
    const review = await ana.call('review:get', { id: reviewId });
    const gone = review.claims.find((claim) => claim.number === 3)?.id as string;
    const { removeClaimMarks } = await import('../../../shared/article/mark-text-range');
    await ana.call('review:save', { id: reviewId, baseRevision: review.revision, doc: removeClaimMarks(review.doc, (id) => id !== gone) as typeof review.doc, claims: review.claims.filter((claim) => claim.id !== gone) });
    await ana.call('review:annotate', { id: reviewId, claims: [{ quote: 'police said' }] });
    expect((await ana.call('review:get', { id: reviewId })).claims.map((claim) => claim.number).sort()).toEqual([1, 2, 4]);

    // The numbers travel with the share file; a number both copies gave meanwhile stays with the older claim.
    await bob.call('share:open', { fileName: 'jobs.factmark', base64: (await ana.call('share:create', { id: reviewId })).base64 });
    expect((await bob.call('review:get', { id: reviewId })).claims.map((claim) => claim.number).sort()).toEqual([1, 2, 4]);
    await bob.call('review:annotate', { id: reviewId, claims: [{ quote: 'the mayor said' }] });
    await ana.call('review:annotate', { id: reviewId, claims: [{ quote: 'in the city' }] });
    const fromBob = await bob.call('share:create', { id: reviewId });
    await ana.call('share:open', { fileName: 'bob.factmark', base64: fromBob.base64 });
    const merged = await ana.call('review:get', { id: reviewId });
    const numberOf = (quoteStart: string): number | undefined => merged.claims.find((claim) => merged.history.some((event) => event.claimId === claim.id && event.quote?.startsWith(quoteStart)))?.number;
    // Bob marked his first, so his claim keeps 5 and Ana's becomes 6.
    expect(numberOf('the mayor said')).toBe(5);
    expect(numberOf('in the city')).toBe(6);
    expect(merged.lastClaimNumber).toBe(6);
  });
});

describe('publication details', () => {
  it('belong to the review: one review’s published address never reaches another’s ClaimReview, and a shared address is flagged', async () => {
    // Finished claims, in a newsroom that publishes without a second reviewer's sign-off: ClaimReview describes only those.
    const finished = { verdict: 'False', rationale: 'The budget is 2 billion.', status: 'reviewed' as const };
    const { ana, bob, reviewId } = await anaAndBob([{ quote: 'The budget is 3 billion', ...finished }]);
    open = [ana, bob];
    await ana.call('settings:setPublisher', { ...(await ana.call('settings:getPublisher', {})), signOffRequired: false });
    const { review: other } = await ana.call('review:create', { title: 'Arabic review', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: 'قال الوزير إن الميزانية ثلاثة مليارات.' } });
    await ana.call('review:annotate', { id: other.id, claims: [{ quote: 'الميزانية ثلاثة مليارات', ...finished }] });
    await expect(ana.call('review:setPublication', { id: reviewId, publication: { url: 'http:/jobs', headline: 'Jobs', datePublished: '2026-11-30', authors: ['Ana'] } })).rejects.toThrow(/has no real site in it/);
    await ana.call('review:setPublication', { id: reviewId, publication: { url: 'https://factcheck.example/jobs', headline: 'Jobs', datePublished: '2026-11-30', authors: ['Ana'] } });
    const exported = async (id: string): Promise<{ url?: string; datePublished: string }[]> => JSON.parse(Buffer.from((await ana.call('review:export', { id, format: 'claimreview' })).base64, 'base64').toString('utf8'));
    expect(await exported(reviewId)).toMatchObject([{ url: 'https://factcheck.example/jobs#claim-1', datePublished: '2026-11-30' }]);
    expect((await exported(other.id))[0]?.url).toBeUndefined();
    expect((await ana.call('review:check', { id: other.id })).sameUrlAs).toEqual([]);
    await ana.call('review:setPublication', { id: other.id, publication: { url: 'https://factcheck.example/jobs#top', headline: '', datePublished: '', authors: [] } });
    expect((await ana.call('review:check', { id: other.id })).sameUrlAs).toEqual([{ id: reviewId, title: 'Jobs' }]);
  });
});
