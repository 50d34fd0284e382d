import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/envelope';
import { LibraryStore } from './library-store';
import { LOCK_FILE } from './folder-lock';
import { ARTICLE, CLAIM_A, CLAIM_B, fullClaim } from './test-review.fixture';
import { folderSnapshot } from './folder-snapshot.fixture';

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'factmark-store-'));

async function storeWithReview(dataDir: string): Promise<{ store: LibraryStore; id: string }> {
  const store = await LibraryStore.open(dataDir);
  const review = await store.createReview({ title: 'مراجعة', sourceUrl: 'https://news.example/a', origin: { kind: 'paste' }, doc: ARTICLE });
  await store.saveReview({ id: review.id, baseRevision: store.getReview(review.id).revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A), fullClaim(CLAIM_B, 'second')] });
  return { store, id: review.id };
}

describe('LibraryStore', () => {
  it('keeps every review, claim and field through a close and a reopen of real files', async () => {
    const dataDir = await tempDir();
    const { store, id } = await storeWithReview(dataDir);
    const saved = store.getReview(id);
    await store.close();

    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.getReview(id)).toEqual(saved);
    expect(reopened.getReview(id).claims[0]).toEqual({ ...fullClaim(CLAIM_A), number: 1 });
    const [summary] = reopened.listReviews();
    expect(summary).toMatchObject({ id, title: 'مراجعة', claimCount: 2, verdictCounts: { 'mostly-false': 2 } });
    await reopened.close();
  });

  it('counts only claims whose highlight is in the article', async () => {
    const dataDir = await tempDir();
    const { store, id } = await storeWithReview(dataDir);
    const detached = { ...fullClaim('claim-cccc-0003'), verdictId: null };
    await store.saveReview({ id, baseRevision: store.getReview(id).revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A), detached] });
    expect(store.listReviews()[0]).toMatchObject({ claimCount: 1, verdictCounts: { 'mostly-false': 1 } });
    await store.close();
  });

  it('refuses a verdict that is not on the scale and writes nothing', async () => {
    const dataDir = await tempDir();
    const { store, id } = await storeWithReview(dataDir);
    const before = await readFile(join(dataDir, 'reviews', `${id}.json`));
    await expect(store.saveReview({ id, baseRevision: store.getReview(id).revision, doc: ARTICLE, claims: [{ ...fullClaim(CLAIM_A), verdictId: 'pants-on-fire' }] })).rejects.toThrow(/not on the scale.*True, Mostly true/);
    expect(await readFile(join(dataDir, 'reviews', `${id}.json`))).toEqual(before);
    await store.close();
  });

  it('moves a deleted review to the trash folder instead of destroying it', async () => {
    const dataDir = await tempDir();
    const { store, id } = await storeWithReview(dataDir);
    await store.deleteReview(id);
    expect(store.listReviews()).toEqual([]);
    expect(() => store.getReview(id)).toThrow(ApiError);
    const trash = await readdir(join(dataDir, 'trash'));
    expect(trash).toHaveLength(1);
    expect(JSON.parse(await readFile(join(dataDir, 'trash', trash[0] as string), 'utf8')).review.id).toBe(id);
    await store.close();
    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.listReviews()).toEqual([]);
    await reopened.close();
  });

  it('sets a damaged review file aside and restores the last good copy, telling the reviewer', async () => {
    for (const damage of ['truncated', 'zeroed'] as const) {
      const dataDir = await tempDir();
      const { store, id } = await storeWithReview(dataDir);
      await store.saveReview({ id, baseRevision: store.getReview(id).revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A, 'newest')] });
      await store.close();
      const file = join(dataDir, 'reviews', `${id}.json`);
      const good = await readFile(file);
      const bad = damage === 'truncated' ? good.subarray(0, good.length / 2) : Buffer.alloc(good.length);
      await writeFile(file, bad);

      const reopened = await LibraryStore.open(dataDir);
      // The backup is the save before the damaged one.
      expect(reopened.getReview(id).claims.map((claim) => claim.rationale)).toEqual(['Official figures say otherwise. 👩‍👩‍👧 Cafe\u0301', 'second']);
      const notices = reopened.notices();
      expect(notices).toHaveLength(1);
      expect(notices[0]?.message).toMatch(/was damaged.*set aside as .*\.corrupt-.*last good copy was restored/);
      const quarantined = (await readdir(join(dataDir, 'reviews'))).find((name) => name.includes('.corrupt-'));
      expect(quarantined).toBeDefined();
      expect(await readFile(join(dataDir, 'reviews', quarantined as string))).toEqual(bad);
      await reopened.close();
    }
  });

  it('refuses a second owner of the data folder, in this process and from another, until the first closes', async () => {
    const dataDir = await tempDir();
    const store = await LibraryStore.open(dataDir);
    await expect(LibraryStore.open(dataDir)).rejects.toThrow(/already using the data folder/);

    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('${fileURLToPath(new URL('./library-store.ts', import.meta.url))}').then(({ LibraryStore }) => LibraryStore.open(${JSON.stringify(dataDir)})).then(() => process.exit(0), (error) => { console.error(error.message); process.exit(3); })`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(3);
    expect(stderr).toContain(`process ${process.pid}`);

    await store.close();
    const second = await LibraryStore.open(dataDir);
    await second.close();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    const store = await LibraryStore.open(dataDir);
    expect(JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await store.close();
  });

  it('upgrades a review of format 1 (before histories): it opens without a write, its claims get a first event, and the next save stores it', async () => {
    const dataDir = await tempDir();
    const { store, id } = await storeWithReview(dataDir);
    const { history: _history, reviewers: _reviewers, revision: _revision, ...formatOne } = store.getReview(id);
    await store.close();
    const reviewFile = join(dataDir, 'reviews', `${id}.json`);
    await writeFile(reviewFile, JSON.stringify({ schemaVersion: 1, review: formatOne }));
    await writeFile(join(dataDir, 'library.json'), JSON.stringify({ schemaVersion: 1, scales: JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')).scales }));
    const before = await readFile(reviewFile);
    const reopened = await LibraryStore.open(dataDir);
    expect(await readFile(reviewFile)).toEqual(before);
    const claims = reopened.getReview(id).claims;
    // Every claim has its `created` event, named and dated the same whenever it is made.
    const backfilled = reopened.getReview(id).history;
    expect(backfilled.map((event) => [event.kind, event.claimId, event.at])).toEqual(claims.map((claim) => ['created', claim.id, claim.createdAt]));
    expect(reopened.reviewer().id).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    await reopened.saveReview({ id, baseRevision: reopened.getReview(id).revision, doc: ARTICLE, claims: claims.map((claim, index) => (index === 0 ? { ...claim, rationale: 'Checked again', updatedAt: '2026-05-01T00:00:00.000Z' } : claim)) });
    const upgraded = reopened.getReview(id);
    expect(upgraded.history.map((event) => event.kind)).toEqual(['created', 'created', 'edited']);
    expect(upgraded.history[2]?.set).toEqual({ rationale: 'Checked again' });
    await reopened.close();
    expect(JSON.parse(await readFile(reviewFile, 'utf8')).schemaVersion).toBe(2);
    const again = await LibraryStore.open(dataDir);
    expect(again.getReview(id).history.map((event) => event.id)).toEqual(upgraded.history.map((event) => event.id));
    await again.close();
  });

  it('refuses files from a newer Factmark without changing a byte', async () => {
    const dataDir = await tempDir();
    const { store, id } = await storeWithReview(dataDir);
    await store.close();
    const reviewFile = join(dataDir, 'reviews', `${id}.json`);
    const newer = JSON.stringify({ schemaVersion: 99, review: { id, future: true } });
    await writeFile(reviewFile, newer);
    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.listReviews()).toEqual([]);
    expect(reopened.notices()[0]?.message).toMatch(/newer version of Factmark \(format 99.*Nothing was changed/);
    await reopened.close();
    expect(await readFile(reviewFile, 'utf8')).toBe(newer);

    const libraryFile = join(dataDir, 'library.json');
    const newerLibrary = JSON.stringify({ schemaVersion: 7, scales: [] });
    await writeFile(libraryFile, newerLibrary);
    await expect(LibraryStore.open(dataDir)).rejects.toMatchObject({ code: 'refused', message: expect.stringMatching(/format 7/) });
    expect(await readFile(libraryFile, 'utf8')).toBe(newerLibrary);
    expect(await readdir(dataDir)).not.toContain(LOCK_FILE);
  });


  it('refuses a save based on an older revision, so two windows never overwrite each other', async () => {
    const dataDir = await tempDir();
    const { store, id } = await storeWithReview(dataDir);
    const seen = store.readReview(id);
    await store.saveReview({ id, baseRevision: seen.revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A, 'first window'), fullClaim(CLAIM_B, 'second')] });
    const before = await readFile(join(dataDir, 'reviews', `${id}.json`));
    await expect(store.saveReview({ id, baseRevision: seen.revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A, 'second window')] })).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(join(dataDir, 'reviews', `${id}.json`))).toEqual(before);
    expect(store.getReview(id).claims[0]?.rationale).toBe('first window');
    expect(store.getReview(id).revision).toBe(seen.revision + 1);
    await store.close();
  });

  it('never folds an edit into a history event another window has read', async () => {
    const dataDir = await tempDir();
    const { store, id } = await storeWithReview(dataDir);
    const stamp = (minute: number) => `2026-05-01T00:0${minute}:00.000Z`;
    await store.saveReview({ id, baseRevision: store.getReview(id).revision, doc: ARTICLE, claims: [{ ...fullClaim(CLAIM_A, 'typing'), updatedAt: stamp(1) }, fullClaim(CLAIM_B, 'second')] });
    const events = store.getReview(id).history.length;
    // Unread: the next keystroke amends the same event.
    await store.saveReview({ id, baseRevision: store.getReview(id).revision, doc: ARTICLE, claims: [{ ...fullClaim(CLAIM_A, 'typing on'), updatedAt: stamp(2) }, fullClaim(CLAIM_B, 'second')] });
    expect(store.getReview(id).history).toHaveLength(events);
    // Another window reads the review: the next change is a new event after what it saw.
    store.readReview(id);
    await store.saveReview({ id, baseRevision: store.getReview(id).revision, doc: ARTICLE, claims: [{ ...fullClaim(CLAIM_A, 'typing more'), updatedAt: stamp(3) }, fullClaim(CLAIM_B, 'second')] });
    expect(store.getReview(id).history).toHaveLength(events + 1);
    await store.close();
  });

  it('opens and lists the library without writing a byte', async () => {
    const dataDir = await tempDir();
    const { store } = await storeWithReview(dataDir);
    await store.close();
    const before = await folderSnapshot(dataDir);
    const reopened = await LibraryStore.open(dataDir);
    reopened.listReviews();
    reopened.readReview(reopened.listReviews()[0]?.id as string);
    await reopened.close();
    expect(await folderSnapshot(dataDir)).toEqual(before);
  });

  it('tells the reviewer when a review file was damaged behind its back, keeps the last good backup, and survives a second damage and a restart', async () => {
    const dataDir = await tempDir();
    const { store, id } = await storeWithReview(dataDir);
    const file = join(dataDir, 'reviews', `${id}.json`);
    await store.saveReview({ id, baseRevision: store.getReview(id).revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A, 'kept'), fullClaim(CLAIM_B, 'second')] });
    await writeFile(file, randomBytes(500));
    await store.saveReview({ id, baseRevision: store.getReview(id).revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A, 'after damage'), fullClaim(CLAIM_B, 'second')] });
    expect(store.notices().map((notice) => notice.message).join('\n')).toMatch(/was changed on disk while Factmark had it open: it was damaged.*set what it found aside as .*\.corrupt-/);
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8')).review.claims[0].rationale).toBe('kept');
    await writeFile(file, randomBytes(500));
    await store.close();
    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.getReview(id).claims[0]?.rationale).toBe('kept');
    expect(reopened.notices()[0]?.message).toMatch(/last good copy was restored/);
    await reopened.close();
  });

  it('never writes a library.json the next start would refuse, and leaves the file as it was', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-library-limit-'));
    const store = await LibraryStore.open(dataDir);
    await store.setReviewerName('Ana');
    const before = await folderSnapshot(dataDir);
    await expect(store.setReviewerName('x'.repeat(201))).rejects.toThrow(/^The name of the reviewer is too long \(at most 200 characters\)\. Nothing was saved\.$/);
    expect(await folderSnapshot(dataDir)).toEqual(before);
    expect(store.reviewer().name).toBe('Ana');
    await store.close();
    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.reviewer().name).toBe('Ana');
    await reopened.close();
  });
});
