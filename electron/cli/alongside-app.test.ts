/**
 * The command line while Factmark is open, and commands that must not write: reading commands
 * work alongside the app, writing ones go through the app (so it sees the change), and a command
 * that fails, or only reads, leaves every file of the data folder byte for byte as it was.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factmark } from './run-factmark.fixture';
import { folderSnapshot } from '../services/library/folder-snapshot.fixture';
import { makeDataDir, startServer, type RunningServer } from '../../e2e/support/factmark-server';
import { callOwner } from './owner-client';
import { runningOwner } from '../services/library';

const ARTICLE = 'The mayor said crime fell by 20 percent since 2020.\n\nCritics said crime fell by 5 percent at most.\n';

describe('factmark alongside the running app', () => {
  let server: RunningServer;
  let work: string;
  let reviewId: string;

  beforeAll(async () => {
    server = await startServer(await makeDataDir());
    work = await mkdtemp(join(tmpdir(), 'factmark-alongside-'));
    await writeFile(join(work, 'crime.txt'), ARTICLE);
  });
  afterAll(() => server.stop());

  it('imports, annotates and lists through the app, which sees each change at once', async () => {
    const imported = await factmark(server.dataDir, 'import', join(work, 'crime.txt'), '--title', 'Crime');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    reviewId = imported.stdout.trim().split('\n').pop() as string;
    const owner = await runningOwner(server.dataDir);
    expect(owner?.endpoint).not.toBeNull();
    const status = async () => {
      const result = await callOwner(owner?.endpoint as NonNullable<typeof owner>['endpoint'] & object, 'app:status', { reviewId });
      return result.ok ? (result.value as { review: { revision: number } }).review.revision : -1;
    };
    const before = await status();
    const annotated = await factmark(server.dataDir, 'annotate', reviewId, '--quote', 'crime fell by 20 percent', '--verdict', 'False', '--rationale', 'Police data');
    expect(annotated.code).toBe(0);
    expect(annotated.stdout).toContain('Marked 1 claim.');
    expect(await status()).toBe(before + 1);
    const listed = await factmark(server.dataDir, 'list');
    expect(listed.stdout).toMatch(/Crime {2}\(1 claim: 1 False\)/);
  });

  it('adds nothing when the same annotate is run again (a retry after a kill)', async () => {
    const file = join(server.dataDir, 'reviews', `${reviewId}.json`);
    const before = await readFile(file);
    const again = await factmark(server.dataDir, 'annotate', reviewId, '--quote', 'crime fell by 20 percent', '--verdict', 'False', '--rationale', 'Police data');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Marked 0 claims. 1 was already there with the same words and fields');
    expect(await readFile(file)).toEqual(before);
  });

  it('reads (list, export, validate) alongside the app without changing a byte of the data folder, and shares through it', async () => {
    const before = await folderSnapshot(server.dataDir);
    expect((await factmark(server.dataDir, 'list', '--json')).code).toBe(0);
    // The claim is not marked reviewed nor signed off yet: a draft.
    const html = await factmark(server.dataDir, 'export', reviewId, '--format', 'html', '--draft', '-o', join(work, 'crime.html'));
    expect(html.code).toBe(0);
    expect(await readFile(join(work, 'crime.html'), 'utf8')).toContain('Police data');
    const check = await factmark(server.dataDir, 'validate', reviewId);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('not ready: claim 1 ("crime fell by 20 percent"): Not marked as reviewed. Not signed off by an editor.');
    expect(await folderSnapshot(server.dataDir)).toEqual(before);
    const shared = await factmark(server.dataDir, 'share', reviewId, '-o', join(work, 'crime.factmark'));
    expect(shared.code).toBe(0);
    expect(JSON.parse(await readFile(join(work, 'crime.factmark'), 'utf8')).review.id).toBe(reviewId);
  });

  it('leaves every file as it was when a command fails, and says why in one line', async () => {
    const before = await folderSnapshot(server.dataDir);
    const share = await factmark(server.dataDir, 'share', reviewId, '-o', join(work, 'missing', 'dir', 'x.factmark'));
    expect(share.code).toBe(1);
    expect(share.stderr).toMatch(/^factmark: The folder .*missing\/dir does not exist\. Nothing was written/);
    expect(share.stderr).not.toMatch(/\n\s+at /);
    const exported = await factmark(server.dataDir, 'export', reviewId, '--format', 'csv', '-o', join(work, 'nowhere', 'x.csv'));
    expect(exported.code).toBe(1);
    await writeFile(join(work, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect((await factmark(server.dataDir, 'import', join(work, 'photo.png'))).code).toBe(1);
    expect((await factmark(server.dataDir, 'annotate', reviewId, '--quote', 'words that are not there')).code).toBe(1);
    expect(await folderSnapshot(server.dataDir)).toEqual(before);
  });
});

describe('factmark with no app running', () => {
  it('lists, exports and validates a library without writing a byte, and fails without a trace', async () => {
    const dataDir = await makeDataDir();
    const work = await mkdtemp(join(tmpdir(), 'factmark-quiet-'));
    await writeFile(join(work, 'crime.txt'), ARTICLE);
    const id = (await factmark(dataDir, 'import', join(work, 'crime.txt'))).stdout.trim().split('\n').pop() as string;
    expect((await factmark(dataDir, 'annotate', id, '--quote', 'crime fell by 5 percent', '--verdict', 'True')).code).toBe(0);
    const before = await folderSnapshot(dataDir);
    expect((await factmark(dataDir, 'list')).code).toBe(0);
    expect((await factmark(dataDir, 'export', id, '--format', 'md', '--draft')).code).toBe(0);
    expect((await factmark(dataDir, 'validate', id)).code).toBe(0);
    expect((await factmark(dataDir, 'share', id, '-o', join(work, 'no', 'such', 'folder.factmark'))).code).toBe(1);
    expect((await factmark(dataDir, 'import', join(work, 'missing.txt'))).code).toBe(1);
    expect(await folderSnapshot(dataDir)).toEqual(before);
  });
});
