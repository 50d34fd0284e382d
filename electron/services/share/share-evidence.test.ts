import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHARE_SCHEMA_PATH } from '../../../shared/share-file/share-file-json-schema';
import type { ShareFile } from '../../../shared/share-file/share-file-schema';
import { MAX_SHARE_FILE_BYTES, SHARE_VERSION } from '../../../shared/share-file/share-file-schema';
import { storeEvidenceCopy } from '../library/evidence-store';
import { anaAndBob, resealed, type Library } from './share-libraries.fixture';

const PAGE = new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n<html>Unemployment table</html>');
const SCREENSHOT = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
const ATTACHED = new TextEncoder().encode('%PDF-1.7 police statistics 2025');
const SOURCE = 'https://stats.example/jobs';

/** Ana keeps a copy of her claim's source and attaches a PDF to it; returns the claim id. */
async function keepCopies(ana: Library, reviewId: string, extra: { name: string; bytes: Uint8Array }[] = []): Promise<string> {
  const review = await ana.call('review:get', { id: reviewId });
  const claim = review.claims[0];
  const item = claim?.evidence[0];
  if (!claim || !item) throw new Error('the fixture claim has no source');
  await storeEvidenceCopy(ana.services.store, {
    reviewId,
    claimId: claim.id,
    target: { evidenceId: item.id },
    copy: { kind: 'page', requestedUrl: SOURCE, finalUrl: SOURCE, httpStatus: 200, contentType: 'text/html', retrievedAt: '2026-03-15T10:00:00.000Z', title: 'Jobs' },
    files: [
      { role: 'archive', fileName: 'page.mhtml', mediaType: 'multipart/related', bytes: PAGE },
      { role: 'screenshot', fileName: 'screenshot.png', mediaType: 'image/png', bytes: SCREENSHOT },
    ],
  });
  for (const file of [{ name: 'police report.pdf', bytes: ATTACHED }, ...extra]) {
    await ana.call('evidence:attach', { reviewId, claimId: claim.id, fileName: file.name, mediaType: 'application/pdf', bytesBase64: Buffer.from(file.bytes).toString('base64') });
  }
  return claim.id;
}

const decoded = (base64: string): ShareFile => JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as ShareFile;

describe('evidence copies in share files', () => {
  let ana: Library;
  let bob: Library;
  let reviewId: string;

  beforeEach(async () => {
    ({ ana, bob, reviewId } = await anaAndBob([{ quote: 'unemployment fell by 20 percent', verdict: 'False', evidenceUrls: [SOURCE] }, { quote: 'Crime rose 5 percent' }]));
  });
  afterEach(async () => {
    await ana.services.close();
    await bob.services.close();
  });

  it('carries every copy to another data folder, where each file is intact, and back again', async () => {
    await keepCopies(ana, reviewId);
    const size = await ana.call('share:evidenceSize', { id: reviewId });
    expect(size).toMatchObject({ copies: 2, bytes: PAGE.byteLength + SCREENSHOT.byteLength + ATTACHED.byteLength, leftOut: [] });
    expect(size.shareFileBytes).toBeGreaterThan(size.withoutCopiesBytes);

    const shared = await ana.call('share:create', { id: reviewId, includeEvidenceCopies: true });
    expect(shared.evidenceCopies).toEqual({ included: 2, leftOut: [] });
    // The size shown before saving is the size saved, give or take the signature.
    expect(Math.abs(Buffer.from(shared.base64, 'base64').byteLength - size.shareFileBytes)).toBeLessThan(4_000);
    expect(
      decoded(shared.base64)
        .evidenceFiles?.map((file) => file.fileName)
        .sort(),
    ).toEqual(['page.mhtml', 'police_report.pdf', 'screenshot.png']);
    // Copies need the format that has them; a share without copies stays readable by older versions.
    expect(JSON.parse(Buffer.from(shared.base64, 'base64').toString('utf8'))).toMatchObject({ version: SHARE_VERSION });
    // The published JSON Schema describes the copies too.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(SHARE_SCHEMA_PATH, 'utf8')) as object);
    expect(validate(decoded(shared.base64)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...decoded(shared.base64), evidenceFiles: [{ ...decoded(shared.base64).evidenceFiles?.[0], fileName: '../x' }] })).toBe(false);

    const opened = await bob.call('share:open', { fileName: shared.fileName, base64: shared.base64 });
    expect(opened.evidenceCopies).toEqual({ kept: 2, notIncluded: 0, refused: [], message: '' });
    const verified = await bob.call('evidence:verify', { reviewId });
    expect(verified.counts).toEqual({ intact: 3, missing: 0, altered: 0 });
    const copyId = (await bob.call('review:get', { id: reviewId })).claims[0]?.evidence[0]?.copy?.id ?? '';
    const page = await bob.call('evidence:file', { reviewId, copyId, fileName: 'page.mhtml' });
    expect(Buffer.from(page.base64, 'base64').equals(Buffer.from(PAGE))).toBe(true);

    // Bob shares it back: Ana's copies are hers already and stay as they are.
    const back = await bob.call('share:create', { id: reviewId, includeEvidenceCopies: true });
    const merged = await ana.call('share:open', { fileName: back.fileName, base64: back.base64 });
    expect(merged.evidenceCopies).toMatchObject({ kept: 2, refused: [] });
    expect((await ana.call('evidence:verify', { reviewId })).intact).toBe(true);
  });

  it('refuses only the copy whose bytes were altered, names its source, and accepts the rest', async () => {
    await keepCopies(ana, reviewId);
    const shared = await ana.call('share:create', { id: reviewId, includeEvidenceCopies: true });
    const file = decoded(shared.base64);
    const tampered = {
      ...file,
      evidenceFiles: file.evidenceFiles?.map((entry) => (entry.fileName === 'police_report.pdf' ? { ...entry, base64: Buffer.from('%PDF-1.7 police statistics 2026').toString('base64') } : entry)),
    };
    const opened = await bob.call('share:open', { fileName: 'jobs.factmark', base64: Buffer.from(resealed(tampered)).toString('base64') });
    expect(opened.outcome).toBe('added');
    expect(opened.evidenceCopies?.kept).toBe(1);
    expect(opened.evidenceCopies?.refused).toEqual([expect.objectContaining({ claimNumber: 1, source: 'police report.pdf' })]);
    expect(opened.evidenceCopies?.message).toMatch(/One kept copy was refused and not kept: “police report\.pdf” of claim 1 \(its file police_report\.pdf does not match its SHA-256/);
    expect(opened.evidenceCopies?.message).toContain('The rest of the share was accepted');
    const verified = await bob.call('evidence:verify', { reviewId });
    expect(verified.counts).toEqual({ intact: 2, missing: 1, altered: 0 });
    expect(verified.files.find((entry) => entry.state === 'missing')?.fileName).toBe('police_report.pdf');
    expect((await bob.call('review:get', { id: reviewId })).claims[0]?.verdictId).toBe('false');
  });

  it('opens a share file without the copies’ bytes with the copies marked missing, and one from before copies as before', async () => {
    await keepCopies(ana, reviewId);
    const plain = await ana.call('share:create', { id: reviewId });
    expect(plain.evidenceCopies).toBeUndefined();
    expect(decoded(plain.base64).evidenceFiles).toBeUndefined();
    const opened = await bob.call('share:open', { fileName: plain.fileName, base64: plain.base64 });
    expect(opened.evidenceCopies).toMatchObject({ kept: 0, notIncluded: 2, refused: [] });
    expect(opened.evidenceCopies?.message).toContain('Verify lists them as missing');
    expect((await bob.call('evidence:verify', { reviewId })).counts).toEqual({ intact: 0, missing: 3, altered: 0 });

    // Share files written before copies existed (format 1 and 2): no evidenceFiles, no copy on any source.
    const carol = await anaAndBob([{ quote: 'Crime rose 5 percent', evidenceUrls: [SOURCE] }]);
    try {
      const old = decoded((await carol.ana.call('share:create', { id: carol.reviewId })).base64);
      expect('evidenceFiles' in old).toBe(false);
      const { checksum: _checksum, signature: _signature, ...content } = old;
      const older = (version: number): string => Buffer.from(resealed({ ...content, version })).toString('base64');
      expect(await carol.bob.call('share:open', { fileName: 'v1.factmark', base64: older(1), preview: true })).toMatchObject({ outcome: 'preview' });
      const openedOld = await carol.bob.call('share:open', { fileName: 'v2.factmark', base64: older(2) });
      expect(openedOld).toMatchObject({ outcome: 'added', evidenceCopies: { kept: 0, notIncluded: 0, refused: [], message: '' } });
    } finally {
      await carol.ana.services.close();
      await carol.bob.services.close();
    }
  });

  it('previews what a share would do with the copies and writes no file', async () => {
    await keepCopies(ana, reviewId);
    const shared = await ana.call('share:create', { id: reviewId, includeEvidenceCopies: true });
    const preview = await bob.call('share:open', { fileName: shared.fileName, base64: shared.base64, preview: true });
    expect(preview.evidenceCopies).toMatchObject({ kept: 2, refused: [] });
    await expect(bob.call('evidence:verify', { reviewId })).rejects.toThrow();
  });

  it('leaves out a copy too large for a share file, says so, and writes a file its own loader accepts', async () => {
    // 40 MB fits (53 MB in base64); 20 MB more would not, under the 64 MB a share file may hold.
    const large = new Uint8Array(40 * 1024 * 1024).fill(7);
    const second = new Uint8Array(20 * 1024 * 1024).fill(9);
    await keepCopies(ana, reviewId, [
      { name: 'large.pdf', bytes: large },
      { name: 'second.pdf', bytes: second },
    ]);
    const size = await ana.call('share:evidenceSize', { id: reviewId });
    expect(size.leftOut.map((entry) => entry.source)).toEqual(['second.pdf']);
    const shared = await ana.call('share:create', { id: reviewId, includeEvidenceCopies: true });
    expect(shared.evidenceCopies?.included).toBe(3);
    expect(shared.evidenceCopies?.leftOut).toEqual([expect.objectContaining({ source: 'second.pdf', code: 'too-large', reason: expect.stringContaining('do not fit in a share file') })]);
    const bytes = Buffer.from(shared.base64, 'base64').byteLength;
    expect(bytes).toBeGreaterThan(50 * 1024 * 1024);
    expect(bytes).toBeLessThanOrEqual(MAX_SHARE_FILE_BYTES);
    const opened = await bob.call('share:open', { fileName: shared.fileName, base64: shared.base64 });
    expect(opened.evidenceCopies).toMatchObject({ kept: 3, notIncluded: 1, refused: [] });
  }, 120_000);
});
