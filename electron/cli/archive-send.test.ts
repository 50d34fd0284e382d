import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveSendResult } from '../../shared/api/evidence-schema';
import { startEvidenceServer, type EvidenceServer } from '../services/evidence/evidence-server.fixture';
import { startWaybackStandIn, type WaybackStandIn } from '../services/evidence/wayback-stand-in.fixture';
import { LibraryStore } from '../services/library';
import { factmark, lastLine } from './run-factmark.fixture';

describe('factmark keep with the archive service on, and factmark archive-send', () => {
  let server: EvidenceServer;
  let standIn: WaybackStandIn;
  let dataDir: string;
  let reviewId: string;

  beforeAll(async () => {
    server = await startEvidenceServer();
    standIn = await startWaybackStandIn('content-location');
    await standIn.down();
    dataDir = await mkdtemp(join(tmpdir(), 'factmark-cli-archive-'));
    const work = await mkdtemp(join(tmpdir(), 'factmark-cli-archive-files-'));
    await writeFile(join(work, 'harbour.md'), '# Harbour\n\nThe council said dredging cost what it estimated.\n');
    const imported = await factmark(dataDir, 'import', join(work, 'harbour.md'));
    expect(imported.code, imported.stderr).toBe(0);
    reviewId = lastLine(imported.stdout);
    const annotated = await factmark(dataDir, 'annotate', reviewId, '--quote', 'dredging cost what it estimated', '--evidence', server.url('/report.pdf'));
    expect(annotated.code, annotated.stderr).toBe(0);
    // The setting as Preferences would store it (the command line has no preference commands).
    const store = await LibraryStore.open(dataDir);
    await store.setEvidenceSettings({ sendToWayback: true, waybackAddress: standIn.address });
    await store.close();
  }, 120_000);

  afterAll(async () => {
    await standIn.down();
    await server.stop();
  });

  it('prints that a page was queued while the service is down, then sends it with archive-send', { timeout: 120_000 }, async () => {
    const kept = await factmark(dataDir, 'keep', reviewId, '--allow-private-addresses');
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toContain(`kept: claim 1 ${server.url('/report.pdf')}`);
    expect(kept.stdout).toMatch(/ {2}archive queued: Could not reach the archive service \(127\.0\.0\.1:\d+\)/);

    const stillDown = await factmark(dataDir, 'archive-send', '--allow-private-addresses');
    expect(stillDown.code).toBe(1);
    expect(stillDown.stdout).toContain(`still queued: claim 1 ${server.url('/report.pdf')} — Could not reach the archive service`);

    await standIn.up();
    const sent = await factmark(dataDir, 'archive-send', reviewId, '--allow-private-addresses', '--json');
    expect(sent.code, sent.stderr).toBe(0);
    const { results } = JSON.parse(sent.stdout) as { results: ArchiveSendResult[] };
    expect(results.map((result) => [result.outcome, result.archivedUrl])).toEqual([['sent', standIn.archivedUrl(server.url('/report.pdf'))]]);
    expect(standIn.saved).toEqual([server.url('/report.pdf')]);

    const empty = await factmark(dataDir, 'archive-send', '--allow-private-addresses');
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No pages are waiting for the archive service.');
  });
});
