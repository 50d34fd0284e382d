/**
 * Rating scales a newsroom makes its own, through the API over real files: saved, made the
 * default, deleted, reopened; refused edits write nothing; and a review keeps the scale it was
 * made with, whatever happens to the library's scales later.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, type RatingScale } from '../../../shared/model/rating-scale';
import { duplicateScale } from '../../../shared/model/scale-rules';
import { folderSnapshot } from './folder-snapshot.fixture';
import { closeLibrary, closeOpened, openRegistryLibrary, type RegistryLibrary } from './registry-library.fixture';
import { LibraryStore } from './library-store';

afterEach(closeOpened);

const ARTICLE = 'قال الوزير إن البطالة انخفضت. The budget is 3 billion, the mayor said.';

/** The built-in scale made the newsroom's own: renamed, True relabelled and recoloured, Mixed first among the last. */
function newsroomScale(): RatingScale {
  const copy = duplicateScale(DEFAULT_SCALE, 'scale-newsroom');
  return {
    ...copy,
    name: 'Newsroom scale',
    verdicts: copy.verdicts.map((verdict) => (verdict.id === 'true' ? { ...verdict, label: 'Correct', color: '#0b5394' } : verdict)),
  };
}

async function reviewRated(library: RegistryLibrary, scaleId?: string): Promise<string> {
  const { review } = await library.call('review:create', { title: 'Jobs', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: ARTICLE }, ...(scaleId ? { scaleId } : {}) });
  await library.call('review:annotate', { id: review.id, claims: [{ quote: 'The budget is 3 billion', verdict: 'true' }, { quote: 'انخفضت', verdict: 'misleading' }] });
  return review.id;
}

const labelsOf = (scale: RatingScale | undefined): string[] => (scale?.verdicts ?? []).map((verdict) => `${verdict.id}=${verdict.label} ${verdict.color}`);

describe('rating scales of the library', () => {
  it('keeps a duplicated, renamed and edited scale and the default choice through a close and a reopen', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-scales-'));
    const library = await openRegistryLibrary(dataDir);
    expect((await library.call('scale:list', {})).map((scale) => scale.id)).toEqual([DEFAULT_SCALE.id]);
    const saved = await library.call('scale:save', { scale: newsroomScale() });
    expect(saved.map((scale) => scale.name)).toEqual([DEFAULT_SCALE.name, 'Newsroom scale']);
    expect(await library.call('scale:setDefault', { scaleId: 'scale-newsroom' })).toEqual([saved[1], saved[0]]);
    const renamed = { ...newsroomScale(), name: 'مقياس غرفة الأخبار' };
    await library.call('scale:save', { scale: renamed });
    await closeLibrary(library);

    const reopened = await openRegistryLibrary(dataDir);
    expect(await reopened.call('scale:list', {})).toEqual([renamed, DEFAULT_SCALE]);
    expect(await reopened.call('scale:delete', { scaleId: 'scale-newsroom' })).toEqual([DEFAULT_SCALE]);
    await closeLibrary(reopened);
    expect(await (await openRegistryLibrary(dataDir)).call('scale:list', {})).toEqual([DEFAULT_SCALE]);
  });

  it('refuses a badge colour white text cannot be read on, naming the verdict and the ratio, and leaves library.json byte for byte', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-scales-'));
    const library = await openRegistryLibrary(dataDir);
    await library.call('scale:save', { scale: newsroomScale() });
    const before = await readFile(join(dataDir, 'library.json'));
    const light = { ...newsroomScale(), verdicts: newsroomScale().verdicts.map((verdict) => (verdict.id === 'mixed' ? { ...verdict, color: '#ffd966' } : verdict)) };
    await expect(library.call('scale:save', { scale: light })).rejects.toThrow(
      /^The scale needs a darker colour for “Mixed”: white text on #ffd966 has a contrast of 1\.\d\d:1, and badges need at least 4\.5:1 to be readable\. Nothing was changed\.$/,
    );
    // A caller past the contract (the command line, a service) meets the same rule in the store.
    await expect(library.services.store.saveScale(light)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/darker colour for “Mixed”.*Nothing was saved\.$/) });
    expect(await readFile(join(dataDir, 'library.json'))).toEqual(before);
    expect(library.services.store.scales()[1]).toEqual(newsroomScale());
  });

  it('never changes or deletes the built-in scale, or the last scale, and says what to do instead', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-scales-'));
    const library = await openRegistryLibrary(dataDir);
    const before = await folderSnapshot(dataDir);
    await expect(library.call('scale:save', { scale: { ...DEFAULT_SCALE, name: 'Mine now' } })).rejects.toThrow('The built-in Factmark seven-point scale cannot be changed; duplicate it to make a scale of your own. Nothing was saved.');
    await expect(library.call('scale:delete', { scaleId: DEFAULT_SCALE.id })).rejects.toThrow('The built-in Factmark seven-point scale cannot be deleted. Nothing was changed.');
    await expect(library.call('scale:delete', { scaleId: 'scale-gone' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(library.call('scale:setDefault', { scaleId: 'Not an id' })).rejects.toThrow(/^The rating scale /);
    expect(await folderSnapshot(dataDir)).toEqual(before);
  });

  it('rates a new review on the default scale or the one chosen, and refuses one not in the library', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-scales-'));
    const library = await openRegistryLibrary(dataDir);
    await library.call('scale:save', { scale: newsroomScale() });
    const onDefault = await library.call('review:get', { id: await reviewRated(library) });
    expect(onDefault.scale).toEqual(DEFAULT_SCALE);
    const chosen = await library.call('review:get', { id: await reviewRated(library, 'scale-newsroom') });
    expect(chosen).toMatchObject({ scaleId: 'scale-newsroom', scale: newsroomScale() });
    await library.call('scale:setDefault', { scaleId: 'scale-newsroom' });
    expect((await library.call('review:get', { id: await reviewRated(library) })).scale).toEqual(newsroomScale());

    const before = await folderSnapshot(dataDir);
    await expect(library.call('review:create', { title: 'Lost', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: ARTICLE }, scaleId: 'scale-gone' })).rejects.toThrow(
      'The rating scale chosen is not in the library any more (it may have been deleted); choose another. Nothing was created.',
    );
    expect(await folderSnapshot(dataDir)).toEqual(before);
  });

  it('keeps a review’s verdict labels, colours and values when its scale is edited or deleted, and after a reopen', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-scales-'));
    const library = await openRegistryLibrary(dataDir);
    await library.call('scale:save', { scale: newsroomScale() });
    const id = await reviewRated(library, 'scale-newsroom');
    const made = await library.call('review:get', { id });

    const edited = { ...newsroomScale(), verdicts: newsroomScale().verdicts.filter((verdict) => verdict.id !== 'misleading').map((verdict) => (verdict.id === 'true' ? { ...verdict, label: 'Accurate', color: '#38761d', ratingValue: 4 } : verdict)) };
    await library.call('scale:save', { scale: edited });
    expect(labelsOf((await library.call('review:get', { id })).scale)).toEqual(labelsOf(made.scale));
    // The review is still rated on its own scale: its verdicts, even one the library dropped, stay valid.
    const exported = Buffer.from((await library.call('review:export', { id, format: 'csv' })).base64, 'base64').toString('utf8');
    expect(exported).toContain('Correct');
    expect(exported).toContain('Misleading');
    expect(exported).not.toContain('Accurate');
    await library.call('review:annotate', { id, claims: [{ quote: 'قال الوزير', verdict: 'Misleading' }] });

    await library.call('scale:delete', { scaleId: 'scale-newsroom' });
    await closeLibrary(library);
    const reopened = await openRegistryLibrary(dataDir);
    const kept = await reopened.call('review:get', { id });
    expect(labelsOf(kept.scale)).toEqual(labelsOf(made.scale));
    expect(kept.scale).toEqual(made.scale);
    expect(kept.claims.map((claim) => claim.verdictId).sort()).toEqual(['misleading', 'misleading', 'true']);
  });

  it('gives a review from before reviews kept their scale the library’s copy at load without writing, and writes it before the scale changes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-scales-'));
    const library = await openRegistryLibrary(dataDir);
    await library.call('scale:save', { scale: newsroomScale() });
    const id = await reviewRated(library, 'scale-newsroom');
    await closeLibrary(library);
    const reviewFile = join(dataDir, 'reviews', `${id}.json`);
    const stored = JSON.parse(await readFile(reviewFile, 'utf8')) as { review: Record<string, unknown> };
    delete stored.review.scale;
    await writeFile(reviewFile, JSON.stringify(stored));

    const before = await folderSnapshot(dataDir);
    const readOnly = await LibraryStore.open(dataDir, { readOnly: { refusal: () => new Error('read only') } });
    expect(readOnly.getReview(id).scale).toEqual(newsroomScale());
    await expect(readOnly.saveScale({ ...newsroomScale(), name: 'Changed' })).rejects.toThrow('read only');
    await readOnly.close();
    const reopened = await openRegistryLibrary(dataDir);
    expect((await reopened.call('review:get', { id })).scale).toEqual(newsroomScale());
    expect(await folderSnapshot(dataDir)).toEqual(before);

    // The copy goes to disk before the library's scale changes, so it is the scale as it was.
    const renamed = { ...newsroomScale(), verdicts: newsroomScale().verdicts.map((verdict) => ({ ...verdict, label: `${verdict.label} (new)` })) };
    await reopened.call('scale:save', { scale: renamed });
    expect(JSON.parse(await readFile(reviewFile, 'utf8')).review.scale).toEqual(newsroomScale());
    await closeLibrary(reopened);
    expect((await (await openRegistryLibrary(dataDir)).call('review:get', { id })).scale).toEqual(newsroomScale());
  });

  it('reads library and review files written before verdicts said whether they are ordinal, without writing them', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-scales-'));
    const library = await openRegistryLibrary(dataDir);
    await library.call('scale:save', { scale: newsroomScale() });
    const id = await reviewRated(library);
    await closeLibrary(library);
    // The files as an older Factmark wrote them: no `ordinal` on any verdict.
    const withoutOrdinal = (scale: RatingScale) => ({ ...scale, verdicts: scale.verdicts.map(({ ordinal: _ordinal, ...verdict }) => verdict) });
    const libraryFile = join(dataDir, 'library.json');
    const libraryData = JSON.parse(await readFile(libraryFile, 'utf8')) as { scales: RatingScale[] };
    await writeFile(libraryFile, JSON.stringify({ ...libraryData, scales: libraryData.scales.map(withoutOrdinal) }));
    const reviewFile = join(dataDir, 'reviews', `${id}.json`);
    const reviewData = JSON.parse(await readFile(reviewFile, 'utf8')) as { review: { scale: RatingScale } };
    await writeFile(reviewFile, JSON.stringify({ ...reviewData, review: { ...reviewData.review, scale: withoutOrdinal(reviewData.review.scale) } }));
    const before = await folderSnapshot(dataDir);

    const reopened = await openRegistryLibrary(dataDir);
    const flags = (scale: RatingScale | undefined) => Object.fromEntries((scale?.verdicts ?? []).map((verdict) => [verdict.id, verdict.ordinal]));
    const [builtIn, newsroom] = await reopened.call('scale:list', {});
    expect(flags(builtIn)).toEqual({ true: true, 'mostly-true': true, mixed: true, 'mostly-false': true, false: true, misleading: false, unverifiable: false });
    // Only the built-in scale had verdicts that were never ordinal; a newsroom's copy said nothing, so all are ordinal.
    expect(Object.values(flags(newsroom)).every(Boolean)).toBe(true);
    expect(flags((await reopened.call('review:get', { id })).scale)).toEqual(flags(builtIn));
    expect(await folderSnapshot(dataDir)).toEqual(before);
  });
});
