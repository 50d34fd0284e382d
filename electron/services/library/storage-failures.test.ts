/**
 * Saving into a folder that cannot take it: a full disk, a read-only disk, a folder that went
 * away. Each save fails with the reason in words, the file on disk stays the last good version,
 * the store keeps serving that version, and the same save succeeds once the disk is back.
 * A real small tmpfs is mounted where the machine allows it (root, as in CI); elsewhere those
 * tests say why they are skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryStore } from './library-store';
import { ARTICLE, CLAIM_A, fullClaim } from './test-review.fixture';

const mounted: string[] = [];

/** Mounts a tmpfs of `size` on a new folder, or returns null when this machine does not allow it. */
async function smallDisk(size: string): Promise<string | null> {
  const folder = await mkdtemp(join(tmpdir(), 'factmark-disk-'));
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder], { stdio: 'ignore' });
  if (result.status !== 0) return null;
  mounted.push(folder);
  return folder;
}

function remount(folder: string, mode: 'ro' | 'rw'): void {
  const result = spawnSync('mount', ['-o', `remount,${mode}`, folder], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`could not remount ${folder} ${mode}`);
}

const probe = await smallDisk('64k');
const canMount = probe !== null;

afterEach(async () => {
  for (const folder of mounted.splice(0)) spawnSync('umount', ['-l', folder], { stdio: 'ignore' });
});

async function reviewIn(dataDir: string): Promise<{ store: LibraryStore; id: string; file: string; saved: Buffer }> {
  const store = await LibraryStore.open(dataDir);
  const review = await store.createReview({ title: 'Disk', sourceUrl: '', origin: { kind: 'paste' }, doc: ARTICLE });
  await store.saveReview({ id: review.id, baseRevision: review.revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A, 'saved before')] });
  const file = join(dataDir, 'reviews', `${review.id}.json`);
  return { store, id: review.id, file, saved: await readFile(file) };
}

describe('saving when the disk cannot take it', () => {
  it.skipIf(!canMount)('says the disk is full, keeps the last good file, and saves once there is room (needs mount: skipped where not allowed)', async () => {
    const disk = (await smallDisk('1m')) as string;
    const { store, id, file, saved } = await reviewIn(disk);
    const filler = join(disk, 'filler');
    spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k', 'count=1000'], { stdio: 'ignore' });
    const revision = store.getReview(id).revision;
    const edit = { id, baseRevision: revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A, `after ${'x'.repeat(150_000)}`)] };
    await expect(store.saveReview(edit)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/Not saved: The disk that holds the data folder .* is full\. Your last saved version is safe on disk\. Free some space/) });
    expect(await readFile(file)).toEqual(saved);
    expect(store.getReview(id).revision).toBe(revision);
    expect(store.getReview(id).claims[0]?.rationale).toBe('saved before');
    await rm(filler);
    await store.saveReview(edit);
    expect(JSON.parse(await readFile(file, 'utf8')).review.claims[0].rationale).toMatch(/^after x/);
    await store.close();
  });

  it.skipIf(!canMount)('says the disk is read-only, changes nothing, and saves once it is writable again (needs mount: skipped where not allowed)', async () => {
    const disk = (await smallDisk('4m')) as string;
    const { store, id, file, saved } = await reviewIn(disk);
    remount(disk, 'ro');
    const edit = { id, baseRevision: store.getReview(id).revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A, 'while read-only')] };
    await expect(store.saveReview(edit)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/is on a read-only disk/) });
    expect(await readFile(file)).toEqual(saved);
    remount(disk, 'rw');
    await store.saveReview(edit);
    expect(JSON.parse(await readFile(file, 'utf8')).review.claims[0].rationale).toBe('while read-only');
    await store.close();
  });

  it('says the data folder is gone when it was moved away, and saves again once it is back', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-gone-'));
    const { store, id, saved } = await reviewIn(dataDir);
    const away = `${dataDir}-moved`;
    await rename(dataDir, away);
    const edit = { id, baseRevision: store.getReview(id).revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A, 'while gone')] };
    await expect(store.saveReview(edit)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/The data folder .* is gone \(moved, deleted, or its drive was disconnected\).*Put the folder back/) });
    expect(await readFile(join(away, 'reviews', `${id}.json`))).toEqual(saved);
    await rename(away, dataDir);
    await store.saveReview(edit);
    await store.close();
    const reopened = await LibraryStore.open(dataDir);
    expect(reopened.getReview(id).claims[0]?.rationale).toBe('while gone');
    await reopened.close();
    await writeFile(join(dataDir, 'done'), '');
  });
});
