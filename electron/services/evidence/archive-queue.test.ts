import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ARCHIVE_QUEUE_ENTRIES, type ArchiveQueueEntry } from '../../../shared/model/archive-queue';
import { openFactmarkServices, type FactmarkServices } from '../factmark-services';
import { migrateLibraryFile } from '../library/migrate';
import { startEvidenceServer, type EvidenceServer } from './evidence-server.fixture';
import { startWaybackStandIn } from './wayback-stand-in.fixture';

/** Tests open the loopback only: the product's rules refuse 127.0.0.1 like any private address. */
const LOOPBACK_ONLY = { permitsAddress: (address: string) => address === '127.0.0.1', timeoutMs: 5_000 };

const open = (dataDir: string): Promise<FactmarkServices> => openFactmarkServices({ dataDir, mode: 'cli', renderPdf: async () => new Uint8Array(), evidenceRules: LOOPBACK_ONLY });

/** A review whose one claim cites `url`, in a new data folder with the archive service at `address`. */
async function reviewCiting(url: string, address: string, sendToWayback = true): Promise<{ services: FactmarkServices; dataDir: string; reviewId: string; claimId: string; evidenceId: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'factmark-archive-'));
  const services = await open(dataDir);
  await services.handlers['settings:setEvidence']({ sendToWayback, waybackAddress: address });
  const { review } = await services.handlers['review:create']({
    title: 'Harbour audit',
    sourceUrl: '',
    origin: { kind: 'paste' },
    article: { format: 'text', body: 'The council said dredging cost what it estimated.' },
  });
  const { claimIds } = await services.handlers['review:annotate']({
    id: review.id,
    claims: [{ quote: 'dredging cost what it estimated', summary: '', rationale: '', claimant: '', claimDate: '', appearanceUrl: '', evidenceUrls: [url], status: 'to-check', tags: [] }],
  });
  const claimId = claimIds[0] ?? '';
  const evidenceId = services.store.getReview(review.id).claims[0]?.evidence[0]?.id ?? '';
  return { services, dataDir, reviewId: review.id, claimId, evidenceId };
}

/** What library.json on disk holds, read back through the loader's own schema. */
async function queueOnDisk(dataDir: string): Promise<ArchiveQueueEntry[]> {
  return migrateLibraryFile(JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as unknown).archiveQueue ?? [];
}

describe('sending kept pages to the archive service', () => {
  let evidence: EvidenceServer;
  let pdfUrl: string;
  beforeAll(async () => {
    evidence = await startEvidenceServer();
    pdfUrl = evidence.url('/report.pdf');
  });
  afterAll(async () => {
    await evidence.stop();
  });

  it('sends the page address when a copy is kept, records the archived address on the copy, and reports show it', { timeout: 60_000 }, async () => {
    const standIn = await startWaybackStandIn('content-location');
    const { services, dataDir, reviewId, claimId, evidenceId } = await reviewCiting(pdfUrl, standIn.address);
    try {
      const kept = await services.handlers['evidence:keep']({ reviewId, claimId, evidenceId });
      const archivedUrl = standIn.archivedUrl(pdfUrl);
      expect(kept.archive).toEqual({ outcome: 'sent', archivedUrl, reason: `Archived at ${archivedUrl}.` });
      expect(kept.evidence.copy).toMatchObject({ kind: 'page', archive: { service: 'wayback', url: archivedUrl } });
      // Only the page's address went out: one GET of save/<address>, no body.
      expect(standIn.requests).toEqual([{ method: 'GET', path: `/save/${pdfUrl}` }]);
      const stored = services.store.getReview(reviewId).claims[0]?.evidence[0]?.copy;
      expect(stored?.kind === 'page' ? stored.archive?.url : undefined).toBe(archivedUrl);
      expect((await services.handlers['evidence:archiveQueue']({})).entries).toEqual([]);
      expect(await queueOnDisk(dataDir)).toEqual([]);

      const csv = await services.handlers['review:export']({ id: reviewId, format: 'csv', mode: 'draft' });
      const [header, row] = Buffer.from(csv.base64, 'base64').toString('utf8').split(/\r?\n/);
      const column = header?.split(',').indexOf('evidence_archive_urls') ?? -1;
      expect(column).toBeGreaterThan(-1);
      expect(row).toContain(archivedUrl);
      const html = Buffer.from((await services.handlers['review:export']({ id: reviewId, format: 'html', mode: 'draft' })).base64, 'base64').toString('utf8');
      expect(html).toContain(`href="${archivedUrl}"`);
    } finally {
      await services.close();
      await standIn.down();
    }
  });

  it('takes the archived address from a redirect to /web/<timestamp>/', { timeout: 60_000 }, async () => {
    const standIn = await startWaybackStandIn('redirect');
    const { services, reviewId, claimId, evidenceId } = await reviewCiting(pdfUrl, standIn.address);
    try {
      const kept = await services.handlers['evidence:keep']({ reviewId, claimId, evidenceId });
      expect(kept.archive?.outcome).toBe('sent');
      expect(kept.archive?.archivedUrl).toBe(standIn.archivedUrl(pdfUrl));
    } finally {
      await services.close();
      await standIn.down();
    }
  });

  it('queues the page while the service is down, keeps the queue across a restart, and sends it on Send now', { timeout: 60_000 }, async () => {
    const standIn = await startWaybackStandIn('content-location');
    await standIn.down();
    const { services, dataDir, reviewId, claimId, evidenceId } = await reviewCiting(pdfUrl, standIn.address);
    let reopened: FactmarkServices | undefined;
    try {
      const kept = await services.handlers['evidence:keep']({ reviewId, claimId, evidenceId });
      // The copy is kept whatever the archive service does.
      expect(kept.evidence.copy?.kind).toBe('page');
      expect(kept.archive?.outcome).toBe('queued');
      expect(kept.archive?.reason).toMatch(/Could not reach the archive service.*stays queued/);
      const [entry] = (await services.handlers['evidence:archiveQueue']({ reviewId })).entries;
      expect(entry).toMatchObject({ url: pdfUrl, reviewTitle: 'Harbour audit', claimNumber: 1, copyId: kept.evidence.copy?.id, lastTry: { failure: 'offline' } });
      await services.close();

      reopened = await open(dataDir);
      expect((await reopened.handlers['evidence:archiveQueue']({})).entries.map((item) => item.id)).toEqual([entry?.id]);
      // Still down: stays queued, with the time of this try.
      const again = await reopened.handlers['evidence:sendQueued']({});
      expect(again.results.map((result) => result.outcome)).toEqual(['queued']);

      await standIn.up();
      const { results } = await reopened.handlers['evidence:sendQueued']({ reviewId });
      expect(results).toEqual([expect.objectContaining({ entryId: entry?.id, outcome: 'sent', archivedUrl: standIn.archivedUrl(pdfUrl), claimNumber: 1 })]);
      const copy = reopened.store.getReview(reviewId).claims[0]?.evidence[0]?.copy;
      expect(copy?.kind === 'page' ? copy.archive?.url : undefined).toBe(standIn.archivedUrl(pdfUrl));
      expect((await reopened.handlers['evidence:archiveQueue']({})).entries).toEqual([]);
      expect(await queueOnDisk(dataDir)).toEqual([]);
    } finally {
      await (reopened ?? services).close();
      await standIn.down();
    }
  });

  it.each([
    ['unavailable', 'busy', /busy or down \(HTTP 503\)/],
    ['too-many', 'busy', /busy or down \(HTTP 429\)/],
    ['never', 'timeout', /did not answer in time/],
    ['no-copy', 'failed', /answered HTTP 200 but named no archived copy/],
  ] as const)('keeps the page queued when the service answers %s', { timeout: 60_000 }, async (mode, failure, reason) => {
    const standIn = await startWaybackStandIn(mode);
    const { services, dataDir, reviewId, claimId, evidenceId } = await reviewCiting(pdfUrl, standIn.address);
    try {
      const kept = await services.handlers['evidence:keep']({ reviewId, claimId, evidenceId });
      expect(kept.archive).toMatchObject({ outcome: 'queued', reason: expect.stringMatching(reason) });
      const onDisk = await queueOnDisk(dataDir);
      expect(onDisk).toEqual([expect.objectContaining({ url: pdfUrl, lastTry: expect.objectContaining({ failure, reason: expect.stringMatching(reason) }) })]);
      const copy = services.store.getReview(reviewId).claims[0]?.evidence[0]?.copy;
      expect(copy?.kind === 'page' ? copy.archive : 'not a page').toBeUndefined();
    } finally {
      await services.close();
      await standIn.down();
    }
  });

  it('drops a page when the archive service is at an address the rules refuse, saying why', { timeout: 60_000 }, async () => {
    const { services, dataDir, reviewId, claimId, evidenceId } = await reviewCiting(pdfUrl, 'http://10.0.0.5/');
    try {
      const kept = await services.handlers['evidence:keep']({ reviewId, claimId, evidenceId });
      expect(kept.evidence.copy?.kind).toBe('page');
      expect(kept.archive?.outcome).toBe('dropped');
      expect(kept.archive?.reason).toMatch(/10\.0\.0\.5.*Allow private network addresses.*taken off the queue/);
      expect(await queueOnDisk(dataDir)).toEqual([]);
    } finally {
      await services.close();
    }
  });

  it('drops an entry whose kept copy was removed, and never sends it', { timeout: 60_000 }, async () => {
    const standIn = await startWaybackStandIn('content-location');
    await standIn.down();
    const { services, reviewId, claimId, evidenceId } = await reviewCiting(pdfUrl, standIn.address);
    try {
      expect((await services.handlers['evidence:keep']({ reviewId, claimId, evidenceId })).archive?.outcome).toBe('queued');
      await services.store.updateReview(reviewId, (review) => ({ doc: review.doc, claims: review.claims.map((claim) => ({ ...claim, evidence: [] })) }));
      await standIn.up();
      const { results } = await services.handlers['evidence:sendQueued']({});
      expect(results).toEqual([expect.objectContaining({ outcome: 'dropped', reason: expect.stringMatching(/no longer in the library.*nothing was sent/) })]);
      expect(standIn.saved).toEqual([]);
      expect((await services.handlers['evidence:archiveQueue']({})).entries).toEqual([]);
    } finally {
      await services.close();
      await standIn.down();
    }
  });

  it('sends nothing when the setting is off', { timeout: 60_000 }, async () => {
    const standIn = await startWaybackStandIn('content-location');
    const { services, reviewId } = await reviewCiting(pdfUrl, standIn.address, false);
    try {
      const { results } = await services.handlers['evidence:keepAll']({ reviewId, again: false });
      expect(results.map((result) => [result.outcome, result.archive])).toEqual([['kept', undefined]]);
      expect(standIn.requests).toEqual([]);
      expect((await services.handlers['evidence:archiveQueue']({})).entries).toEqual([]);
    } finally {
      await services.close();
      await standIn.down();
    }
  });

  it('keep-all sends each page kept, and a full queue is refused on write with library.json still loadable', { timeout: 60_000 }, async () => {
    const standIn = await startWaybackStandIn('content-location');
    await standIn.down();
    const { services, dataDir, reviewId } = await reviewCiting(pdfUrl, standIn.address);
    try {
      const { results } = await services.handlers['evidence:keepAll']({ reviewId, again: false });
      expect(results.map((result) => [result.outcome, result.archive?.outcome])).toEqual([['kept', 'queued']]);
      const [entry] = await queueOnDisk(dataDir);
      if (!entry) throw new Error('nothing was queued');

      const filler = (index: number): ArchiveQueueEntry => ({ ...entry, id: `filler-${String(index).padStart(6, '0')}`, evidenceId: `evidence-${String(index).padStart(6, '0')}`, lastTry: undefined });
      await expect(services.store.changeArchiveQueue(() => Array.from({ length: MAX_ARCHIVE_QUEUE_ENTRIES + 1 }, (_, index) => filler(index)))).rejects.toThrow(/Nothing was saved/);
      // The refused write changed nothing, in memory or on disk.
      expect(services.store.archiveQueue().map((item) => item.id)).toEqual([entry.id]);
      expect((await queueOnDisk(dataDir)).map((item) => item.id)).toEqual([entry.id]);

      await services.store.changeArchiveQueue(() => Array.from({ length: MAX_ARCHIVE_QUEUE_ENTRIES }, (_, index) => filler(index)));
      expect(await queueOnDisk(dataDir)).toHaveLength(MAX_ARCHIVE_QUEUE_ENTRIES);
      const kept = await services.handlers['evidence:keepAll']({ reviewId, again: true });
      expect(kept.results[0]?.outcome).toBe('kept');
      expect(kept.results[0]?.archive).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/could not be queued.*as many as the queue holds/) });
    } finally {
      await services.close();
      await standIn.down();
    }
  });
});
