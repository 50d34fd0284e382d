/**
 * The checked article's details (title, outlet, author, date, address, language): kept per review
 * through real files, refused whole when one is wrong, and carried by share files.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { anaAndBob, openLibrary, snapshot, type Library } from '../share/share-libraries.fixture';

let open: Library[] = [];
afterEach(async () => {
  await Promise.all(open.map((library) => library.services.close()));
  open = [];
});

const DETAILS = { title: 'وزير: البطالة انخفضت', outlet: 'Al Arabiya', byline: 'ليلى حداد', publishedAt: '2026-03-14', sourceUrl: 'https://english.alarabiya.net/news/jobs', language: 'ar' };

describe('article details', () => {
  it('are stored with the review, survive a reopen and travel in a share file', async () => {
    const { ana, bob, reviewId } = await anaAndBob([{ quote: 'The budget is 3 billion' }]);
    open = [ana, bob];
    const saved = await ana.call('review:setArticleDetails', { id: reviewId, details: DETAILS });
    expect(saved).toEqual(DETAILS);

    await ana.services.close();
    const reopened = await import('../factmark-services').then(({ openFactmarkServices }) => openFactmarkServices({ dataDir: ana.dataDir, mode: 'cli', renderPdf: async () => new Uint8Array() }));
    const again = await reopened.handlers['review:get']({ id: reviewId });
    expect({ title: again.title, outlet: again.outlet, byline: again.byline, publishedAt: again.publishedAt, sourceUrl: again.sourceUrl, language: again.language }).toEqual(saved);
    const share = await reopened.handlers['share:create']({ id: reviewId });
    await reopened.close();
    open = [bob];

    await bob.call('share:open', { fileName: 'jobs.factmark', base64: share.base64 });
    const received = await bob.call('review:get', { id: reviewId });
    expect({ outlet: received.outlet, language: received.language, byline: received.byline }).toEqual({ outlet: 'Al Arabiya', language: 'ar', byline: 'ليلى حداد' });
  });

  it('are refused whole, writing nothing, when one is wrong', async () => {
    const library = await openLibrary();
    open = [library];
    const { review } = await library.call('review:create', { title: 'Jobs', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: 'Unemployment fell.' } });
    const before = await snapshot(library.dataDir);
    await expect(library.call('review:setArticleDetails', { id: review.id, details: { ...DETAILS, sourceUrl: 'javascript:alert(1)' } })).rejects.toThrow(/address/i);
    await expect(library.call('review:setArticleDetails', { id: review.id, details: { ...DETAILS, publishedAt: '14/03/2026' } })).rejects.toThrow(/date/i);
    await expect(library.call('review:setArticleDetails', { id: review.id, details: { ...DETAILS, language: 'Arabic language' } })).rejects.toThrow(/language tag/);
    await expect(library.call('review:setArticleDetails', { id: review.id, details: { ...DETAILS, title: '   ' } })).rejects.toThrow(/title/i);
    expect(await snapshot(library.dataDir)).toEqual(before);
    // The same details again write nothing either.
    const current = await library.call('review:get', { id: review.id });
    await library.call('review:setArticleDetails', { id: review.id, details: { title: current.title, outlet: '', byline: '', publishedAt: '', sourceUrl: '', language: '' } });
    expect(await snapshot(library.dataDir)).toEqual(before);
  });
});
