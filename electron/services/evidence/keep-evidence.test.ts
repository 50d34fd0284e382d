import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlerRegistry } from '../../api/handler-registry';
import { openFactmarkServices, type FactmarkServices } from '../factmark-services';
import { folderSnapshot } from '../library/folder-snapshot.fixture';
import { ARTICLE_HEADLINE, makePdf, startEvidenceServer, type EvidenceServer } from './evidence-server.fixture';
import { sha256Hex } from './sha256';

/** Tests open the loopback server only: the product's rules refuse 127.0.0.1 like any private address. */
const LOOPBACK_ONLY = { permitsAddress: (address: string) => address === '127.0.0.1', timeoutMs: 30_000 };

const open = async (rules: typeof LOOPBACK_ONLY | 'product rules' = LOOPBACK_ONLY): Promise<FactmarkServices> =>
  openFactmarkServices({
    dataDir: await mkdtemp(join(tmpdir(), 'factmark-keep-')),
    mode: 'cli',
    renderPdf: async () => new Uint8Array(),
    ...(rules === 'product rules' ? {} : { evidenceRules: rules }),
  });

async function reviewWithLinks(services: FactmarkServices, urls: string[]): Promise<{ id: string; claimId: string }> {
  const { review } = await services.handlers['review:create']({
    title: 'Harbour',
    sourceUrl: '',
    origin: { kind: 'paste' },
    article: { format: 'text', body: 'The council said dredging cost what it estimated.' },
  });
  const { claimIds } = await services.handlers['review:annotate']({
    id: review.id,
    claims: [{ quote: 'dredging cost what it estimated', summary: '', rationale: '', claimant: '', claimDate: '', appearanceUrl: '', evidenceUrls: urls, status: 'to-check', tags: [] }],
  });
  return { id: review.id, claimId: claimIds[0] ?? '' };
}

describe('keeping copies of evidence links', () => {
  let server: EvidenceServer;
  beforeAll(async () => {
    server = await startEvidenceServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('keeps a page and a PDF with their hashes, says why a redirect loop and a private address failed, and the copies read back with the server stopped', { timeout: 180_000 }, async () => {
    const services = await open();
    const urls = [server.url('/article'), server.url('/report.pdf'), server.url('/loop/a'), server.url('/to-private')];
    const { id, claimId } = await reviewWithLinks(services, urls);
    const { results } = await services.handlers['evidence:keepAll']({ reviewId: id, again: false });
    expect(results.map((result) => [result.url, result.outcome])).toEqual([
      [urls[0], 'kept'],
      [urls[1], 'kept'],
      [urls[2], 'failed'],
      [urls[3], 'failed'],
    ]);
    expect(results[2]?.reason).toContain('redirects in a circle');
    expect(results[3]?.reason).toMatch(/10\.0\.0\.5.*Allow private network addresses/);

    const page = results[0]?.copy;
    expect(page).toMatchObject({ kind: 'page', requestedUrl: urls[0], finalUrl: urls[0], httpStatus: 200, title: expect.stringContaining('Harbour') });
    expect(new Set(page?.files.map((file) => file.role))).toEqual(new Set(['archive', 'screenshot', 'print', 'text', 'web-archive']));
    const pdf = results[1]?.copy;
    expect(pdf?.files).toEqual([expect.objectContaining({ role: 'original', mediaType: 'application/pdf', sha256: sha256Hex(makePdf('Audit of the harbour accounts, 2024')) })]);

    // The claim records the copies, and a second keep-all leaves them be.
    const claim = services.store.getReview(id).claims.find((candidate) => candidate.id === claimId);
    expect(claim?.evidence.map((item) => item.copy?.id)).toEqual([page?.id, pdf?.id, undefined, undefined]);
    expect(
      (await services.handlers['evidence:keepAll']({ reviewId: id, again: false })).results.filter((result) => result.url !== urls[2] && result.url !== urls[3]).map((result) => result.outcome),
    ).toEqual(['skipped', 'skipped']);

    await server.stop();
    const text = page?.files.find((file) => file.role === 'text');
    const read = await services.handlers['evidence:file']({ reviewId: id, copyId: page?.id ?? '', fileName: text?.fileName ?? '' });
    expect(read.intact).toBe(true);
    expect(Buffer.from(read.base64, 'base64').toString('utf8')).toContain(ARTICLE_HEADLINE);
    expect(await services.handlers['evidence:verify']({ reviewId: id })).toMatchObject({ intact: true, counts: { intact: 6, missing: 0, altered: 0 } });

    // Tampering with the archive is caught.
    const archive = page?.files.find((file) => file.role === 'archive');
    const path = join(services.store.dataDir, 'evidence', id, page?.id ?? '', archive?.fileName ?? '');
    await writeFile(path, (await readFile(path, 'utf8')).replace('three times', 'about'));
    const verified = await services.handlers['evidence:verify']({ reviewId: id });
    expect(verified).toMatchObject({ intact: false, counts: { intact: 5, altered: 1 } });
    expect(verified.files.find((file) => file.state === 'altered')?.fileName).toBe(archive?.fileName);
    await services.close();
    server = await startEvidenceServer();
  });

  it('refuses a failing link with its reason and leaves the data folder byte for byte', { timeout: 120_000 }, async () => {
    const services = await open();
    const { id, claimId } = await reviewWithLinks(services, [server.url('/loop/a')]);
    const evidenceId = services.store.getReview(id).claims[0]?.evidence[0]?.id ?? '';
    await services.store.flush();
    const before = await folderSnapshot(services.store.dataDir);
    const registry = createHandlerRegistry({ ...services.handlers, 'shell:openExternal': async () => ({ opened: false }) });
    const refused = await registry.invoke('evidence:keep', { reviewId: id, claimId, evidenceId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('Nothing was kept') } });
    await services.store.flush();
    expect(await folderSnapshot(services.store.dataDir)).toEqual(before);
    await services.close();
  });

  it('with the product’s rules, refuses the loopback server unless private addresses are allowed', { timeout: 120_000 }, async () => {
    const services = await open('product rules');
    const { id, claimId } = await reviewWithLinks(services, [server.url('/report.pdf')]);
    const evidenceId = services.store.getReview(id).claims[0]?.evidence[0]?.id ?? '';
    await expect(services.handlers['evidence:keep']({ reviewId: id, claimId, evidenceId })).rejects.toThrow(/127\.0\.0\.1.*Nothing was kept/);
    expect(services.store.getReview(id).claims[0]?.evidence[0]?.copy).toBeUndefined();
    // The reviewer's preference (or the command line's flag for one call) lets it through.
    await services.handlers['settings:setEvidence']({ allowPrivateAddresses: true });
    const { evidence } = await services.handlers['evidence:keep']({ reviewId: id, claimId, evidenceId });
    expect(evidence.copy?.files[0]?.sha256).toBe(sha256Hex(makePdf('Audit of the harbour accounts, 2024')));
    await services.close();
  });
});
