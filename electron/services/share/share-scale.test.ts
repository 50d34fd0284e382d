/**
 * A shared review travels with its own rating scale: a colleague sees the sender's labels and
 * colours, a merge keeps the receiver's copy, and files from before verdicts said whether they
 * are ordinal open with the built-in scale's flags right.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, type RatingScale } from '../../../shared/model/rating-scale';
import { duplicateScale } from '../../../shared/model/scale-rules';
import type { ShareFile } from '../../../shared/share-file/share-file-schema';
import { JOBS_ARTICLE, openLibrary, resealed, snapshot, type Library } from './share-libraries.fixture';

const libraries: Library[] = [];
const open = async (): Promise<Library> => {
  const library = await openLibrary();
  libraries.push(library);
  return library;
};
afterEach(async () => {
  await Promise.all(libraries.splice(0).map((library) => library.services.close()));
});

const fileOf = (base64: string): ShareFile => JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as ShareFile;
const base64Of = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const labels = (scale: RatingScale | undefined): string[] => (scale?.verdicts ?? []).map((verdict) => `${verdict.label} ${verdict.color} ${verdict.ordinal}`);

/** Ana's scale: the built-in one in Arabic, False recoloured. */
function anasScale(): RatingScale {
  const arabic: Record<string, string> = { true: 'صحيح', 'mostly-true': 'صحيح في معظمه', mixed: 'مختلط', 'mostly-false': 'خاطئ في معظمه', false: 'خاطئ', misleading: 'مضلل', unverifiable: 'لا يمكن التحقق منه' };
  const copy = duplicateScale(DEFAULT_SCALE, 'scale-ana');
  return { ...copy, name: 'مقياس آنا', verdicts: copy.verdicts.map((verdict) => ({ ...verdict, label: arabic[verdict.id] as string, color: verdict.id === 'false' ? '#990000' : verdict.color })) };
}

async function anasReview(ana: Library): Promise<string> {
  await ana.call('settings:setReviewer', { name: 'Ana' });
  await ana.call('scale:save', { scale: anasScale() });
  const { review } = await ana.call('review:create', { title: 'Jobs', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: JOBS_ARTICLE }, scaleId: 'scale-ana' });
  await ana.call('review:annotate', { id: review.id, claims: [{ quote: 'unemployment fell by 20 percent', verdict: 'خاطئ' }, { quote: 'Crime rose 5 percent', verdict: 'مضلل' }] });
  return review.id;
}

describe('rating scales in share files', () => {
  it('carries the review’s own scale, so a fresh library shows the same labels and colours', async () => {
    const ana = await open();
    const bob = await open();
    const id = await anasReview(ana);
    // Ana changes her library's scale after the review was made: the review, and its share, keep the old one.
    await ana.call('scale:save', { scale: { ...anasScale(), verdicts: anasScale().verdicts.map((verdict) => ({ ...verdict, label: `${verdict.label} ٢` })) } });
    const shared = await ana.call('share:create', { id });
    expect(labels(fileOf(shared.base64).scale)).toEqual(labels(anasScale()));

    const preview = await bob.call('share:open', { fileName: 'jobs.factmark', base64: shared.base64, preview: true });
    expect(labels(preview.scale)).toEqual(labels(anasScale()));
    await bob.call('share:open', { fileName: 'jobs.factmark', base64: shared.base64 });
    const opened = await bob.call('review:get', { id });
    expect(opened.scale).toEqual(anasScale());
    expect(opened.claims.map((claim) => claim.verdictId).sort()).toEqual(['false', 'misleading']);
    // Bob can rate the review on Ana's scale, and start his own reviews on it.
    expect((await bob.call('scale:list', {})).map((scale) => scale.id)).toEqual([DEFAULT_SCALE.id, 'scale-ana']);
  });

  it('keeps the receiver’s own scale when merging a share of a review they have', async () => {
    const ana = await open();
    const bob = await open();
    const id = await anasReview(ana);
    await bob.call('share:open', { fileName: 'jobs.factmark', base64: (await ana.call('share:create', { id })).base64 });
    const bobsScale = (await bob.call('review:get', { id })).scale;
    // Bob renames the adopted scale's verdicts in his library; his copy of the review is not touched.
    await bob.call('scale:save', { scale: { ...anasScale(), verdicts: anasScale().verdicts.map((verdict) => ({ ...verdict, label: `Bob’s ${verdict.id}` })) } });
    await ana.call('review:annotate', { id, claims: [{ quote: 'The budget is 3 billion', verdict: 'صحيح' }] });
    const merged = await bob.call('share:open', { fileName: 'jobs.factmark', base64: (await ana.call('share:create', { id })).base64 });
    expect(merged.outcome).toBe('merged');
    expect(labels(merged.scale)).toEqual(labels(bobsScale));
    expect((await bob.call('review:get', { id })).scale).toEqual(bobsScale);
  });

  it('opens a share written before verdicts said whether they are ordinal, with the built-in scale’s flags right', async () => {
    const ana = await open();
    const bob = await open();
    await ana.call('settings:setReviewer', { name: 'Ana' });
    const { review } = await ana.call('review:create', { title: 'Jobs', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: JOBS_ARTICLE } });
    await ana.call('review:annotate', { id: review.id, claims: [{ quote: 'Crime rose 5 percent', verdict: 'Unverifiable' }] });
    const { signature: _signature, ...file } = fileOf((await ana.call('share:create', { id: review.id })).base64);
    // As an older Factmark wrote it: no `ordinal`, and the checksum over exactly that.
    const older = resealed({ ...file, scale: { ...file.scale, verdicts: file.scale.verdicts.map(({ ordinal: _ordinal, ...verdict }) => verdict) } });
    expect(older).not.toContain('"ordinal"');
    const opened = await bob.call('share:open', { fileName: 'old.factmark', base64: base64Of(older) });
    expect(opened.outcome).toBe('added');
    expect((await bob.call('review:get', { id: review.id })).scale).toEqual(DEFAULT_SCALE);
  });

  it('refuses a file nested too deep to check in a member it does not keep, and changes nothing', async () => {
    const ana = await open();
    const bob = await open();
    const { review } = await ana.call('review:create', { title: 'Jobs', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: JOBS_ARTICLE } });
    const file = fileOf((await ana.call('share:create', { id: review.id })).base64);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = JSON.stringify({ ...file, scale: { ...file.scale, note: 'DEEP' } }).replace('"DEEP"', deep);
    const before = await snapshot(bob.dataDir);
    await expect(bob.call('share:open', { fileName: 'deep.factmark', base64: base64Of(text) })).rejects.toThrow(
      'deep.factmark holds something that cannot be checked (a broken character, or nesting too deep); it is damaged. Nothing was changed in your library.',
    );
    expect(await snapshot(bob.dataDir)).toEqual(before);
  });
});
