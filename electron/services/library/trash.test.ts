import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFactmarkServices, type FactmarkServices } from '../factmark-services';
import { folderSnapshot } from './folder-snapshot.fixture';
import { ARTICLE, CLAIM_A, CLAIM_B, fullClaim } from './test-review.fixture';

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'factmark-trash-'));
const open = (dataDir: string, access: 'read' | 'write' = 'write'): Promise<FactmarkServices> => openFactmarkServices({ dataDir, mode: 'cli', access, renderPdf: async () => new Uint8Array() });

/** A review with two claims, made from an imported file so it has originals/ to keep. */
async function addReview(services: FactmarkServices, title: string): Promise<string> {
  const { review } = await services.handlers['review:import']({ fileName: `${title}.txt`, base64: Buffer.from(`${title}\n\nThe minister said unemployment fell.\n`).toString('base64') });
  await services.store.saveReview({ id: review.id, baseRevision: services.store.getReview(review.id).revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A), fullClaim(CLAIM_B, 'second')] });
  return review.id;
}

const reviewFile = (dataDir: string, id: string): string => join(dataDir, 'reviews', `${id}.json`);

describe('the Trash', () => {
  it('lists a deleted review and restores it byte for byte, back in the list and the claims table', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services, 'Budget');
    await services.store.flush();
    const before = await readFile(reviewFile(dataDir, id));
    const originalsBefore = await folderSnapshot(join(dataDir, 'originals', id));

    await services.handlers['review:delete']({ id });
    const [entry, ...others] = await services.handlers['trash:list']({});
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ reviewId: id, title: 'Budget', claimCount: 2, problem: null });
    expect(await services.handlers['library:claims']({})).toEqual([]);

    const restored = await services.handlers['trash:restore']({ trashId: entry?.trashId ?? '' });
    expect(restored).toMatchObject({ id, title: 'Budget', restoredAsCopy: false, claimCount: 2 });
    await services.store.flush();
    expect(await readFile(reviewFile(dataDir, id))).toEqual(before);
    expect(await folderSnapshot(join(dataDir, 'originals', id))).toEqual(originalsBefore);
    expect(await services.handlers['trash:list']({})).toEqual([]);
    expect((await services.handlers['review:list']({})).map((summary) => summary.id)).toEqual([id]);
    expect((await services.handlers['library:claims']({})).map((row) => row.claimId)).toEqual([CLAIM_A, CLAIM_B]);
    await services.close();

    const reopened = await open(dataDir);
    expect(reopened.store.getReview(id).claims).toHaveLength(2);
    await reopened.close();
  });

  it('restores a review whose id is in the library again as a copy under a new id, and says so', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services, 'Budget');
    await services.handlers['review:delete']({ id });
    const [entry] = await services.handlers['trash:list']({});
    // The same review comes back by another way (here: restored, deleted again, restored) while the first trash file stays.
    await services.store.putReview({ ...JSON.parse(await readFile(join(dataDir, 'trash', `${entry?.trashId}.json`), 'utf8')).review });
    const copy = await services.handlers['trash:restore']({ trashId: entry?.trashId ?? '' });
    expect(copy.restoredAsCopy).toBe(true);
    expect(copy.id).not.toBe(id);
    expect(copy).toMatchObject({ title: 'Budget', claimCount: 2 });
    expect((await services.handlers['review:list']({})).map((summary) => summary.id).sort()).toEqual([id, copy.id].sort());
    expect(services.store.getReview(copy.id).claims.map((claim) => claim.rationale)).toEqual(services.store.getReview(id).claims.map((claim) => claim.rationale));
    // The copy has the article it started from, as the review it copies does.
    expect(await services.store.originalArticle(copy.id)).toEqual(await services.store.originalArticle(id));
    await services.close();
  });

  it('refuses a damaged trash file with the reason and leaves it and the library untouched', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services, 'Budget');
    await services.handlers['review:delete']({ id });
    const [entry] = await services.handlers['trash:list']({});
    const path = join(dataDir, 'trash', `${entry?.trashId}.json`);
    const good = await readFile(path);
    await writeFile(path, good.subarray(0, good.length / 2));
    const snapshot = await folderSnapshot(dataDir);

    const [listed] = await services.handlers['trash:list']({});
    expect(listed).toMatchObject({ trashId: entry?.trashId, reviewId: id, title: '', problem: expect.stringMatching(/not valid JSON/) });
    await expect(services.handlers['trash:restore']({ trashId: entry?.trashId ?? '' })).rejects.toThrow(/cannot be restored: The review file is not valid JSON.*left as it is/);
    expect(await folderSnapshot(dataDir)).toEqual(snapshot);
    expect(await services.handlers['review:list']({})).toEqual([]);
    await services.close();
  });

  it('lists and restores trash files an earlier version left (format 1, named <id>-<stamp>.json)', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services, 'Old one');
    const { review } = JSON.parse(await readFile(reviewFile(dataDir, id), 'utf8'));
    await services.handlers['review:delete']({ id });
    await services.handlers['trash:empty']({});
    const { history: _history, reviewers: _reviewers, ...oldReview } = review;
    await writeFile(join(dataDir, 'trash', `${id}-2025-01-02T03-04-05-678Z.json`), JSON.stringify({ schemaVersion: 1, review: oldReview }));
    await writeFile(join(dataDir, 'trash', 'notes.txt'), 'not a review');

    expect(await services.handlers['trash:list']({})).toEqual([{ trashId: `${id}-2025-01-02T03-04-05-678Z`, reviewId: id, title: 'Old one', deletedAt: '2025-01-02T03:04:05.678Z', claimCount: 2, problem: null }]);
    const restored = await services.handlers['trash:restore']({ trashId: `${id}-2025-01-02T03-04-05-678Z` });
    expect(restored).toMatchObject({ id, restoredAsCopy: false });
    // Claims from before histories get their first event, as loading gives them.
    expect(services.store.getReview(id).history.filter((event) => event.kind === 'created')).toHaveLength(2);
    expect(await readdir(join(dataDir, 'trash'))).toEqual(['notes.txt']);
    await services.close();
  });

  it('empties exactly the chosen trash files and the originals of reviews no longer anywhere, nothing else', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const kept = await addReview(services, 'Kept');
    const gone = await addReview(services, 'Gone');
    const stays = await addReview(services, 'Stays in trash');
    await services.handlers['review:delete']({ id: gone });
    await services.handlers['review:delete']({ id: stays });
    await writeFile(join(dataDir, 'trash', 'notes.txt'), 'not Factmark’s');
    await services.store.flush();
    const before = await folderSnapshot(dataDir);
    const entries = await services.handlers['trash:list']({});
    const goneEntry = entries.find((entry) => entry.reviewId === gone);

    await services.handlers['trash:empty']({ trashIds: [goneEntry?.trashId ?? ''] });
    const after = await folderSnapshot(dataDir);
    const removed = Object.keys(before).filter((path) => !(path in after)).sort();
    expect(removed).toEqual(Object.keys(before).filter((path) => path.startsWith(`/originals/${gone}/`) || path === `/trash/${goneEntry?.trashId}.json`).sort());
    expect(removed.some((path) => path.startsWith(`/originals/${gone}/`))).toBe(true);
    expect(Object.keys(after).filter((path) => after[path] !== before[path])).toEqual([]);
    await expect(readdir(join(dataDir, 'originals', gone))).rejects.toThrow(/ENOENT/);

    await services.handlers['trash:empty']({});
    expect(await readdir(join(dataDir, 'trash'))).toEqual(['notes.txt']);
    expect(await readdir(join(dataDir, 'originals'))).toEqual([kept]);
    expect((await services.handlers['review:list']({})).map((summary) => summary.id)).toEqual([kept]);
    await services.close();
  });

  it('keeps the originals of a review emptied from the Trash while the library has it again', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services, 'Twice');
    await services.handlers['review:delete']({ id });
    const [entry] = await services.handlers['trash:list']({});
    await services.store.putReview(JSON.parse(await readFile(join(dataDir, 'trash', `${entry?.trashId}.json`), 'utf8')).review);
    await services.handlers['trash:empty']({});
    expect(await services.store.originalArticle(id)).not.toBeNull();
    await services.close();
  });

  it('refuses to restore or empty in a folder opened only to read, changing no byte', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services, 'Budget');
    await services.handlers['review:delete']({ id });
    await services.close();
    const snapshot = await folderSnapshot(dataDir);

    const reading = await open(dataDir, 'read');
    const [entry] = await reading.handlers['trash:list']({});
    expect(entry).toMatchObject({ reviewId: id, problem: null });
    await expect(reading.handlers['trash:restore']({ trashId: entry?.trashId ?? '' })).rejects.toThrow(/only reads/);
    await expect(reading.handlers['trash:empty']({})).rejects.toThrow(/only reads/);
    await reading.close();
    expect(await folderSnapshot(dataDir)).toEqual(snapshot);
  });

  it('tells the store’s listeners (the search index) about a restored review, as about any review added', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services, 'Budget');
    await services.handlers['review:delete']({ id });
    const heard: { id: string; title: string | null }[] = [];
    services.store.onReviewChanged((changed, review) => heard.push({ id: changed, title: review?.title ?? null }));
    const [entry] = await services.handlers['trash:list']({});
    await services.handlers['trash:restore']({ trashId: entry?.trashId ?? '' });
    expect(heard).toEqual([{ id, title: 'Budget' }]);
    await services.close();
  });

  it('lists nothing for a library that never deleted a review', async () => {
    const services = await open(await tempDir());
    expect(await services.handlers['trash:list']({})).toEqual([]);
    await services.close();
  });
});
