import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeepOutcome, VerifyOutput } from '../../shared/api/evidence-schema';
import { makePdf, startEvidenceServer, type EvidenceServer } from '../services/evidence/evidence-server.fixture';
import { sha256Hex } from '../services/evidence/sha256';
import { folderSnapshot } from '../services/library/folder-snapshot.fixture';
import { factmark, lastLine } from './run-factmark.fixture';
import { makeDataDir, startServer } from '../../e2e/support/factmark-server';
import { runningOwner } from '../services/library';

const ARTICLE = '# Harbour\n\nThe council said dredging cost what it estimated.\n\nThe port said the channel was never deeper.\n';

describe('factmark keep and factmark verify', () => {
  let server: EvidenceServer;
  let dataDir: string;
  let reviewId: string;

  beforeAll(async () => {
    server = await startEvidenceServer();
    dataDir = await mkdtemp(join(tmpdir(), 'factmark-cli-keep-'));
    const work = await mkdtemp(join(tmpdir(), 'factmark-cli-keep-files-'));
    await writeFile(join(work, 'harbour.md'), ARTICLE);
    const imported = await factmark(dataDir, 'import', join(work, 'harbour.md'));
    expect(imported.code, imported.stderr).toBe(0);
    reviewId = lastLine(imported.stdout);
    const first = await factmark(dataDir, 'annotate', reviewId, '--quote', 'dredging cost what it estimated', '--evidence', server.url('/report.pdf'));
    const second = await factmark(dataDir, 'annotate', reviewId, '--quote', 'the channel was never deeper', '--evidence', server.url('/photo.png'), '--evidence', server.url('/loop/a'));
    expect([first.code, second.code], first.stderr + second.stderr).toEqual([0, 0]);
  }, 120_000);

  afterAll(async () => {
    await server.stop();
  });

  it('refuses the loopback server without --allow-private-addresses, exit 1 with the reason per link, keeping nothing', { timeout: 120_000 }, async () => {
    const before = await folderSnapshot(dataDir);
    const refused = await factmark(dataDir, 'keep', reviewId, '--claim', '1');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`failed: claim 1 ${server.url('/report.pdf')} — `);
    expect(refused.stdout).toContain('--allow-private-addresses');
    expect(refused.stdout).toContain('0 kept, 1 failed.');
    expect(await folderSnapshot(dataDir)).toEqual(before);
  });

  it('keeps one claim’s links with --claim, exit 0, and every link with --json, exit 1 when one failed', { timeout: 180_000 }, async () => {
    const one = await factmark(dataDir, 'keep', reviewId, '--claim', '1', '--allow-private-addresses');
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(new RegExp(`kept: claim 1 ${server.url('/report.pdf').replace(/[.]/g, '\\.')} — 1 file, \\d+ bytes`));
    expect(one.stdout).toContain('1 kept.');

    const all = await factmark(dataDir, 'keep', reviewId, '--allow-private-addresses', '--json');
    expect(all.code).toBe(1);
    const { results } = JSON.parse(all.stdout) as { results: KeepOutcome[] };
    expect(results.map((result) => [result.claimNumber, result.url, result.outcome])).toEqual([
      [1, server.url('/report.pdf'), 'skipped'],
      [2, server.url('/photo.png'), 'kept'],
      [2, server.url('/loop/a'), 'failed'],
    ]);
    expect(results[2]?.reason).toContain('redirects in a circle');

    const missingClaim = await factmark(dataDir, 'keep', reviewId, '--claim', '9');
    expect(missingClaim.code).toBe(1);
    expect(missingClaim.stderr).toContain('has no claim 9');
    expect((await factmark(dataDir, 'keep', reviewId, '--claim', 'first')).code).toBe(2);
  });

  it('verifies: exit 0 while every copy is intact, exit 1 naming the file once one is altered', { timeout: 120_000 }, async () => {
    const intact = await factmark(dataDir, 'verify', reviewId);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toContain('Every kept file is intact (2 files)');
    expect(intact.stdout).toContain(`intact: claim 1 ${server.url('/report.pdf')} — report.pdf (original, `);

    const json = JSON.parse((await factmark(dataDir, 'verify', reviewId, '--json')).stdout) as VerifyOutput;
    const pdf = json.files.find((file) => file.url === server.url('/report.pdf'));
    expect(pdf).toMatchObject({ state: 'intact', sha256: sha256Hex(makePdf('Audit of the harbour accounts, 2024')) });
    const path = join(dataDir, 'evidence', reviewId, pdf?.copyId ?? '', pdf?.fileName ?? '');
    const bytes = await readFile(path);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    await writeFile(path, bytes);

    const altered = await factmark(dataDir, 'verify', reviewId);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain(`ALTERED: claim 1 ${server.url('/report.pdf')} — report.pdf`);
    expect(altered.stdout).toContain('1 altered since kept; 1 intact.');
    const alteredJson = await factmark(dataDir, 'verify', reviewId, '--json');
    expect(alteredJson.code).toBe(1);
    expect(JSON.parse(alteredJson.stdout)).toMatchObject({ intact: false, counts: { intact: 1, missing: 0, altered: 1 } });
  });

  it('keeps and verifies through the running app when it holds the data folder', { timeout: 180_000 }, async () => {
    const app = await startServer(await makeDataDir());
    try {
      const work = await mkdtemp(join(tmpdir(), 'factmark-cli-keep-app-'));
      await writeFile(join(work, 'harbour.md'), ARTICLE);
      const id = lastLine((await factmark(app.dataDir, 'import', join(work, 'harbour.md'))).stdout);
      await factmark(app.dataDir, 'annotate', id, '--quote', 'dredging cost what it estimated', '--evidence', server.url('/report.pdf'));
      const kept = await factmark(app.dataDir, 'keep', id, '--allow-private-addresses');
      expect(kept.code, kept.stderr).toBe(0);
      expect(kept.stdout).toContain('1 kept.');
      const owner = await runningOwner(app.dataDir);
      expect(owner?.endpoint).toBeTruthy();
      const verified = await factmark(app.dataDir, 'verify', id, '--json');
      expect(verified.code).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ intact: true, counts: { intact: 1 } });
    } finally {
      await app.stop();
    }
  });
});
