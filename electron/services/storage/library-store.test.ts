import { once } from 'node:events';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/envelope';
import { UNRATED } from '../../../shared/model/review';
import { LOCK_FILE_NAME } from './folder-lock';
import { LibraryStore } from './library-store';
import { ARTICLE, CLAIM_A, CLAIM_B, CLAIM_UNPLACED, fullClaim, spawnStorageScript, tempDataDir } from './test-review.fixture';

const ticking = (start = Date.parse('2026-03-14T12:00:00.000Z')): (() => Date) => {
  let tick = 0;
  return () => new Date(start + 1_000 * tick++);
};

async function storeWithReview(dataDir: string): Promise<{ store: LibraryStore; id: string }> {
  const store = await LibraryStore.open(dataDir, { now: ticking() });
  const review = await store.createReview({
    title: 'تصريحات الوزير عن البطالة',
    sourceUrl: 'https://news.example/ar/budget',
    origin: { kind: 'file', fileName: 'speech.docx' },
    doc: ARTICLE,
  });
  const claims = [fullClaim(CLAIM_A), fullClaim(CLAIM_B, { verdictId: 'true' }), fullClaim(CLAIM_UNPLACED, { verdictId: null })];
  await store.saveReview({ id: review.id, doc: ARTICLE, claims });
  return { store, id: review.id };
}

const reviewFile = (dataDir: string, id: string): string => join(dataDir, 'reviews', `${id}.json`);

describe('LibraryStore', () => {
  it('gives back every review, claim and field after a close and a reopen of the real files', async () => {
    const dataDir = await tempDataDir();
    const { store, id } = await storeWithReview(dataDir);
    const saved = store.getReview(id);
    expect(saved.claims[0]).toEqual(fullClaim(CLAIM_A));
    expect(saved.claims[0]?.evidence).toHaveLength(2);
    await store.close();

    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.getReview(id)).toEqual(saved);
    expect(reopened.listReviews()).toEqual([
      {
        id,
        title: 'تصريحات الوزير عن البطالة',
        sourceUrl: 'https://news.example/ar/budget',
        createdAt: saved.createdAt,
        updatedAt: saved.updatedAt,
        // The third claim's highlight is not in the article, so it is not counted.
        verdictCounts: { 'mostly-false': 1, true: 1 },
        claimCount: 2,
      },
    ]);
    expect(reopened.notices()).toEqual([]);
    await reopened.close();
  });

  it('counts placed claims without a verdict under "unrated"', async () => {
    const { store, id } = await storeWithReview(await tempDataDir());
    await store.saveReview({ id, doc: ARTICLE, claims: [fullClaim(CLAIM_A, { verdictId: null }), fullClaim(CLAIM_B, { verdictId: null })] });
    expect(store.listReviews()[0]).toMatchObject({ claimCount: 2, verdictCounts: { [UNRATED]: 2 } });
    await store.close();
  });

  it('starts a new library with the default rating scale and new reviews on it', async () => {
    const dataDir = await tempDataDir();
    const store = await LibraryStore.open(dataDir);
    expect(store.scales().map((scale) => scale.id)).toEqual(['factmark-7']);
    const review = await store.createReview({ title: 'One', sourceUrl: '', origin: { kind: 'paste' }, doc: ARTICLE });
    expect(review).toMatchObject({ scaleId: 'factmark-7', claims: [] });
    expect(JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'))).toMatchObject({ schemaVersion: 1, scales: [{ id: 'factmark-7' }] });
    await store.close();
  });

  it('lists the most recently changed review first', async () => {
    const store = await LibraryStore.open(await tempDataDir(), { now: ticking() });
    const older = await store.createReview({ title: 'Older', sourceUrl: '', origin: { kind: 'paste' }, doc: ARTICLE });
    const newer = await store.createReview({ title: 'Newer', sourceUrl: '', origin: { kind: 'paste' }, doc: ARTICLE });
    expect(store.listReviews().map((summary) => summary.title)).toEqual(['Newer', 'Older']);
    await store.saveReview({ id: older.id, doc: ARTICLE, claims: [] });
    expect(store.listReviews().map((summary) => summary.id)).toEqual([older.id, newer.id]);
    await store.close();
  });

  it('stamps a save with the time it was made and writes it before acknowledging', async () => {
    const dataDir = await tempDataDir();
    const { store, id } = await storeWithReview(dataDir);
    const { updatedAt } = await store.saveReview({ id, doc: ARTICLE, claims: [fullClaim(CLAIM_A, { rationale: 'edited' })] });
    const onDisk = JSON.parse(await readFile(reviewFile(dataDir, id), 'utf8')) as { review: { updatedAt: string; claims: { rationale: string }[] } };
    expect(onDisk.review.updatedAt).toBe(updatedAt);
    expect(onDisk.review.claims[0]?.rationale).toBe('edited');
    await store.close();
  });

  it('refuses a verdict that is not on the review\'s scale and writes nothing', async () => {
    const dataDir = await tempDataDir();
    const { store, id } = await storeWithReview(dataDir);
    const before = await readFile(reviewFile(dataDir, id));
    const backupBefore = await readFile(`${reviewFile(dataDir, id)}.bak`);
    const attempt = store.saveReview({ id, doc: ARTICLE, claims: [fullClaim(CLAIM_A, { verdictId: 'pants-on-fire' })] });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(attempt).rejects.toThrow(/"pants-on-fire" is not on the rating scale "Factmark seven-point scale"\. Nothing was saved\. Choose one of: True, Mostly true/);
    await store.flush();
    expect(await readFile(reviewFile(dataDir, id))).toEqual(before);
    expect(await readFile(`${reviewFile(dataDir, id)}.bak`)).toEqual(backupBefore);
    expect(store.getReview(id).claims[0]?.verdictId).toBe('mostly-false');
    await store.close();
  });

  it('refuses content the schema would reject on the next open, so no unreadable file is ever written', async () => {
    const dataDir = await tempDataDir();
    const { store, id } = await storeWithReview(dataDir);
    const before = await readFile(reviewFile(dataDir, id));
    const badClaim = fullClaim(CLAIM_A, { appearanceUrl: 'javascript:alert(1)' });
    await expect(store.saveReview({ id, doc: ARTICLE, claims: [badClaim] })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(store.saveReview({ id, doc: ARTICLE, claims: [fullClaim(CLAIM_A), fullClaim(CLAIM_A)] })).rejects.toThrow(/Two claims share one id/);
    expect(await readFile(reviewFile(dataDir, id))).toEqual(before);
    await store.close();
  });

  it('changes the title and source address and returns the new list entry', async () => {
    const dataDir = await tempDataDir();
    const { store, id } = await storeWithReview(dataDir);
    const summary = await store.updateMeta({ id, title: '  Renamed  ', sourceUrl: 'https://news.example/renamed' });
    expect(summary).toMatchObject({ id, title: 'Renamed', sourceUrl: 'https://news.example/renamed', claimCount: 2 });
    await store.close();
    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.getReview(id)).toMatchObject({ title: 'Renamed', sourceUrl: 'https://news.example/renamed' });
    await reopened.close();
  });

  it('answers not-found for an unknown review and invalid-input for an id that could escape the folder', async () => {
    const store = await LibraryStore.open(await tempDataDir());
    expect(() => store.getReview('no-such-review')).toThrow(expect.objectContaining({ code: 'not-found' }) as Error);
    expect(() => store.getReview('../../library')).toThrow(expect.objectContaining({ code: 'invalid-input' }) as Error);
    await expect(store.saveReview({ id: '../x/../../y', doc: ARTICLE, claims: [] })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(store.deleteReview('..')).rejects.toMatchObject({ code: 'invalid-input' });
    await store.close();
  });

  it('moves a deleted review into trash/ with its bytes, removes its backup, and keeps it out of the list', async () => {
    const dataDir = await tempDataDir();
    const { store, id } = await storeWithReview(dataDir);
    const bytes = await readFile(reviewFile(dataDir, id));
    await store.deleteReview(id);
    expect(store.listReviews()).toEqual([]);
    expect(() => store.getReview(id)).toThrow(ApiError);
    const trash = await readdir(join(dataDir, 'trash'));
    expect(trash).toHaveLength(1);
    expect(trash[0]).toMatch(new RegExp(`^${id}-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}Z\\.json$`));
    expect(await readFile(join(dataDir, 'trash', trash[0] ?? ''))).toEqual(bytes);
    expect(await readdir(join(dataDir, 'reviews'))).toEqual([]);
    await store.close();
    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.listReviews()).toEqual([]);
    await reopened.close();
  });

  it.each([
    ['cut off in the middle of its JSON', (good: Buffer) => good.subarray(0, Math.floor(good.length / 2))],
    ['filled with NUL bytes, as after a power cut', (good: Buffer) => Buffer.alloc(good.length)],
  ])('sets aside a review file %s, restores its backup and tells the reviewer', async (_case, damage) => {
    const dataDir = await tempDataDir();
    const { store, id } = await storeWithReview(dataDir);
    const lastGood = store.getReview(id);
    await store.saveReview({ id, doc: ARTICLE, claims: [fullClaim(CLAIM_A, { rationale: 'newest, about to be damaged' })] });
    await store.close();
    const file = reviewFile(dataDir, id);
    const bad = damage(await readFile(file));
    await writeFile(file, bad);

    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.getReview(id)).toEqual(lastGood);
    const names = await readdir(join(dataDir, 'reviews'));
    const quarantined = names.find((name) => name.startsWith(`${id}.json.corrupt-`));
    expect(quarantined).toBeDefined();
    expect(await readFile(join(dataDir, 'reviews', quarantined ?? ''))).toEqual(bad);
    const notices = reopened.notices();
    expect(notices).toEqual([
      {
        id: `recovered:reviews/${quarantined}`,
        level: 'warning',
        message: `The review file reviews/${id}.json was damaged and has been set aside as reviews/${quarantined}; the last good copy was restored. Changes after that copy may be missing.`,
      },
    ]);
    reopened.dismissNotice(notices[0]?.id ?? '');
    expect(reopened.notices()).toEqual([]);
    await reopened.close();
    // The restored copy is a real file now: the next open finds nothing to repair.
    const third = await LibraryStore.open(dataDir);
    expect(third.notices()).toEqual([]);
    await third.close();
  });

  it('brings back a review of which only the backup is left after a crash between two renames', async () => {
    const dataDir = await tempDataDir();
    const { store, id } = await storeWithReview(dataDir);
    const saved = store.getReview(id);
    await store.close();
    await rename(reviewFile(dataDir, id), `${reviewFile(dataDir, id)}.bak`);
    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.getReview(id)).toEqual(saved);
    await reopened.close();
  });

  it('refuses a second owner in the same process with a clear message, and lets one in after close', async () => {
    const dataDir = await tempDataDir();
    const store = await LibraryStore.open(dataDir);
    await expect(LibraryStore.open(dataDir)).rejects.toThrow(
      `Another Factmark (process ${process.pid}) is already using the data folder ${dataDir}. Close it first, or choose another folder with --data-dir.`,
    );
    await store.close();
    await store.close();
    const again = await LibraryStore.open(dataDir);
    await again.close();
  });

  it('refuses the folder while another process holds it, and opens it once that process closed it', async () => {
    const dataDir = await tempDataDir();
    const holder = spawnStorageScript('lock-holder.fixture.ts', [dataDir]);
    let stderr = '';
    holder.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    holder.stdout?.setEncoding('utf8');
    const [line] = (await Promise.race([once(holder.stdout ?? holder, 'data'), once(holder, 'exit')])) as unknown[];
    expect(line, stderr).toBe('READY\n');

    await expect(LibraryStore.open(dataDir)).rejects.toMatchObject({
      code: 'refused',
      message: `Another Factmark (process ${holder.pid}) is already using the data folder ${dataDir}. Close it first, or choose another folder with --data-dir.`,
    });
    holder.stdin?.end();
    const [exitCode] = (await once(holder, 'exit')) as unknown[];
    expect(exitCode, stderr).toBe(0);
    const store = await LibraryStore.open(dataDir);
    await store.close();
  });

  it('takes over a lock left by a process that died', async () => {
    const dataDir = await tempDataDir();
    const { store, id } = await storeWithReview(dataDir);
    await store.close();
    const crashed = spawnStorageScript('lock-holder.fixture.ts', [dataDir]);
    await once(crashed.stdout ?? crashed, 'data');
    crashed.kill('SIGKILL');
    await once(crashed, 'exit');
    expect(JSON.parse(await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: crashed.pid });

    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.getReview(id).id).toBe(id);
    await reopened.close();
  });

  it('leaves a review file of a newer format byte for byte as it was and tells the reviewer', async () => {
    const dataDir = await tempDataDir();
    const { store, id } = await storeWithReview(dataDir);
    await store.close();
    const file = reviewFile(dataDir, id);
    const newer = Buffer.from(JSON.stringify({ schemaVersion: 99, review: { id, anything: 'the future holds' } }));
    await writeFile(file, newer);
    const namesBefore = await readdir(join(dataDir, 'reviews'));

    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.listReviews()).toEqual([]);
    expect(() => reopened.getReview(id)).toThrow(expect.objectContaining({ code: 'not-found' }) as Error);
    expect(reopened.notices()).toEqual([
      {
        id: `unopened:reviews/${id}.json`,
        level: 'error',
        message: `The review file reviews/${id}.json is not shown in the library. This file was made by a newer version of Factmark (format 99). Nothing was changed. Update Factmark to open it.`,
      },
    ]);
    await reopened.close();
    expect(await readFile(file)).toEqual(newer);
    expect(await readdir(join(dataDir, 'reviews'))).toEqual(namesBefore);
  });

  it('refuses to open a library whose library.json has a newer format, leaving it unchanged and the folder unlocked', async () => {
    const dataDir = await tempDataDir();
    const store = await LibraryStore.open(dataDir);
    await store.close();
    const file = join(dataDir, 'library.json');
    const newer = Buffer.from(JSON.stringify({ schemaVersion: 99, scales: 'elsewhere' }));
    await writeFile(file, newer);

    const attempt = LibraryStore.open(dataDir);
    await expect(attempt).rejects.toBeInstanceOf(ApiError);
    await expect(attempt).rejects.toMatchObject({
      code: 'refused',
      message: `The library file ${file} was made by a newer version of Factmark (format 99). Nothing was changed. Update Factmark to open it.`,
    });
    expect(await readFile(file)).toEqual(newer);
    expect(await readdir(dataDir)).toEqual(['library.json', 'reviews']);
  });

  it('waits in flush for saves that were not awaited, and refuses changes after close', async () => {
    const dataDir = await tempDataDir();
    const { store, id } = await storeWithReview(dataDir);
    const saves = [1, 2, 3].map((round) => store.saveReview({ id, doc: ARTICLE, claims: [fullClaim(CLAIM_A, { rationale: `round ${round}` })] }));
    await store.flush();
    const onDisk = JSON.parse(await readFile(reviewFile(dataDir, id), 'utf8')) as { review: { claims: { rationale: string }[] } };
    expect(onDisk.review.claims[0]?.rationale).toBe('round 3');
    await Promise.all(saves);
    await store.close();
    await expect(store.saveReview({ id, doc: ARTICLE, claims: [] })).rejects.toMatchObject({ code: 'refused' });
  });
});
