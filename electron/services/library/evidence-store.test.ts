import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/envelope';
import { DEFAULT_WAYBACK_ADDRESS } from '../../../shared/api/evidence-schema';
import { evidenceAtAddress } from '../../../shared/model/claim';
import { MAX_EVIDENCE_COPY_BYTES } from '../../../shared/model/evidence-copy';
import { createHandlerRegistry } from '../../api/handler-registry';
import { openFactmarkServices, type FactmarkServices } from '../factmark-services';
import { storedFileName, storeEvidenceCopy } from './evidence-store';
import { folderSnapshot } from './folder-snapshot.fixture';
import type { LibraryStore } from './library-store';
import { ARTICLE, CLAIM_A, CLAIM_B, fullClaim } from './test-review.fixture';

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'factmark-evidence-'));
const open = (dataDir: string, access: 'read' | 'write' = 'write'): Promise<FactmarkServices> => openFactmarkServices({ dataDir, mode: 'cli', access, renderPdf: async () => new Uint8Array() });
const DEFAULT_SETTINGS = { allowPrivateAddresses: false, keepWhenAdded: false, sendToWayback: false, waybackAddress: DEFAULT_WAYBACK_ADDRESS };
/** Stores `bytes` as the page copy of CLAIM_A's first source (a PDF at stats.example.gov/t3), as a keep would. */
const keepT3 = (services: FactmarkServices, reviewId: string, bytes: Buffer) =>
  storeEvidenceCopy(services.store, {
    reviewId,
    claimId: CLAIM_A,
    target: { evidenceId: 'evidence-0001' },
    copy: {
      kind: 'page',
      requestedUrl: 'https://stats.example.gov/t3',
      finalUrl: 'https://stats.example.gov/t3',
      httpStatus: 200,
      contentType: 'application/pdf',
      retrievedAt: new Date().toISOString(),
      title: '',
    },
    files: [{ role: 'original', fileName: 't3.pdf', mediaType: 'application/pdf', bytes }],
  });
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A PDF-looking file with bytes of every value, so any re-encoding on the way would show. */
const PDF_BYTES = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 4096 }, (_, index) => index % 256))]);

async function addReview(services: FactmarkServices, title = 'Budget'): Promise<string> {
  const { review } = await services.handlers['review:create']({ title, sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: 'The minister said unemployment fell.' } });
  await services.store.saveReview({ id: review.id, baseRevision: services.store.getReview(review.id).revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A), fullClaim(CLAIM_B, 'second')] });
  return review.id;
}

async function attach(services: FactmarkServices, reviewId: string, fileName = 'تقرير الوزارة 2026.pdf', bytes: Buffer = PDF_BYTES) {
  return services.handlers['evidence:attach']({ reviewId, claimId: CLAIM_A, fileName, mediaType: 'application/pdf', bytesBase64: bytes.toString('base64') });
}

/** A store whose review writes fail as a full disk does, after the copy's files are written. */
function failingWrites(store: LibraryStore): LibraryStore {
  return Object.assign(Object.create(store) as LibraryStore, {
    updateReview: async () => {
      throw new ApiError('unavailable', 'Not saved: the disk is full.');
    },
  });
}

describe('evidence copies in the data folder', () => {
  it('attaches a file: the exact bytes under evidence/<review>/<copy>/, its SHA-256 and size recorded, and a new source on the claim', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services);
    const { evidence, claim } = await attach(services, id);
    expect(evidence).toMatchObject({ url: '', title: 'تقرير الوزارة 2026.pdf', stance: 'unset', copy: { kind: 'file', originalName: 'تقرير الوزارة 2026.pdf' } });
    expect(claim.evidence.map((item) => item.id)).toEqual(['evidence-0001', 'evidence-0002', evidence.id]);
    const [file] = evidence.copy?.files ?? [];
    expect(file).toEqual({ role: 'original', fileName: '2026.pdf', mediaType: 'application/pdf', size: PDF_BYTES.length, sha256: sha256(PDF_BYTES) });
    const stored = await readFile(join(dataDir, 'evidence', id, evidence.copy?.id ?? '', '2026.pdf'));
    expect(stored.equals(PDF_BYTES)).toBe(true);
    // The claim's history says the source was added, so another window's merge takes it in.
    expect(services.store.getReview(id).history.some((event) => event.claimId === CLAIM_A && event.set.evidence?.some((item) => item.copy?.id === evidence.copy?.id))).toBe(true);
    await services.close();

    const reopened = await open(dataDir);
    const again = reopened.store
      .getReview(id)
      .claims.find((candidate) => candidate.id === CLAIM_A)
      ?.evidence.at(-1);
    expect(again).toEqual(evidence);
    const read = await reopened.handlers['evidence:file']({ reviewId: id, copyId: evidence.copy?.id ?? '', fileName: '2026.pdf' });
    expect(read).toMatchObject({ mediaType: 'application/pdf', size: PDF_BYTES.length, sha256: sha256(PDF_BYTES), intact: true });
    expect(Buffer.from(read.base64, 'base64').equals(PDF_BYTES)).toBe(true);
    await reopened.close();
  });

  it('verify says intact, then altered after one byte changes, then missing after the file goes', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services);
    const { evidence } = await attach(services, id, 'scan.pdf');
    const path = join(dataDir, 'evidence', id, evidence.copy?.id ?? '', 'scan.pdf');
    expect(await services.handlers['evidence:verify']({ reviewId: id })).toMatchObject({
      intact: true,
      counts: { intact: 1, missing: 0, altered: 0 },
      files: [{ claimId: CLAIM_A, evidenceId: evidence.id, fileName: 'scan.pdf', state: 'intact' }],
    });

    const changed = Buffer.from(PDF_BYTES);
    changed[2000] = (changed[2000] ?? 0) ^ 1;
    await writeFile(path, changed);
    expect(await services.handlers['evidence:verify']({ reviewId: id })).toMatchObject({ intact: false, counts: { intact: 0, missing: 0, altered: 1 } });
    expect((await services.handlers['evidence:file']({ reviewId: id, copyId: evidence.copy?.id ?? '', fileName: 'scan.pdf' })).intact).toBe(false);

    await rm(path);
    expect(await services.handlers['evidence:verify']({ reviewId: id })).toMatchObject({ intact: false, counts: { intact: 0, missing: 1, altered: 0 } });
    // One claim only: the other claim has no copies.
    expect(await services.handlers['evidence:verify']({ reviewId: id, claimId: CLAIM_B })).toMatchObject({ intact: true, files: [] });
    await services.close();
  });

  it('refuses a copy over the limit before writing anything, and leaves the folder byte for byte', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services);
    await services.store.flush();
    const before = await folderSnapshot(dataDir);
    const huge = Buffer.alloc(MAX_EVIDENCE_COPY_BYTES + 1);
    await expect(keepT3(services, id, huge)).rejects.toThrow(/would take 200 MB; Factmark keeps at most 200 MB for one source\. Nothing was kept, and the review is unchanged\./);
    // Through the API the base64 is refused by the contract before it reaches the store.
    const registry = createHandlerRegistry({ ...services.handlers, 'shell:openExternal': async () => ({ opened: false }) });
    const refused = await registry.invoke('evidence:attach', {
      reviewId: id,
      claimId: CLAIM_A,
      fileName: 'x.bin',
      mediaType: 'application/octet-stream',
      bytesBase64: 'A'.repeat(Math.ceil(MAX_EVIDENCE_COPY_BYTES / 3) * 4 + 4),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(refused)).toContain('larger than 200 MB');
    await services.store.flush();
    expect(await folderSnapshot(dataDir)).toEqual(before);
    await services.close();
  });

  it('removes the files it wrote when the review cannot be written, so a failed keep leaves the folder byte for byte', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services);
    await services.store.flush();
    const before = await folderSnapshot(dataDir);
    const revision = services.store.getReview(id).revision;
    await expect(
      storeEvidenceCopy(failingWrites(services.store), {
        reviewId: id,
        claimId: CLAIM_A,
        target: { newItem: { id: 'evidence-new-1', title: 'scan', note: '', stance: 'unset', accessedAt: '' } },
        copy: { kind: 'file', originalName: 'scan.png', attachedAt: new Date().toISOString() },
        files: [{ role: 'original', fileName: 'scan.png', mediaType: 'image/png', bytes: PDF_BYTES }],
      }),
    ).rejects.toThrow('the disk is full');
    await services.store.flush();
    expect(await folderSnapshot(dataDir)).toEqual(before);
    expect(await readdir(dataDir)).not.toContain('evidence');
    expect(services.store.getReview(id).revision).toBe(revision);
    await services.close();
  });

  it('refuses a source or claim that is gone, and a file name that could leave its folder, writing nothing', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services);
    const { evidence } = await attach(services, id, 'kept.pdf');
    await services.store.flush();
    const before = await folderSnapshot(dataDir);
    const registry = createHandlerRegistry({ ...services.handlers, 'shell:openExternal': async () => ({ opened: false }) });
    for (const fileName of ['../../library.json', 'kept.pdf/../x', '.hidden', 'a\\b', 'kept.pdf.']) {
      expect(await registry.invoke('evidence:file', { reviewId: id, copyId: evidence.copy?.id, fileName })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    // A name the review does not record is not read even when a file of that name is there.
    await writeFile(join(dataDir, 'evidence', id, evidence.copy?.id ?? '', 'other.txt'), 'not recorded');
    expect(await registry.invoke('evidence:file', { reviewId: id, copyId: evidence.copy?.id, fileName: 'other.txt' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await rm(join(dataDir, 'evidence', id, evidence.copy?.id ?? '', 'other.txt'));
    expect(
      await registry.invoke('evidence:attach', { reviewId: id, claimId: 'claim-not-there', fileName: 'a.pdf', mediaType: 'application/pdf', bytesBase64: PDF_BYTES.toString('base64') }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await registry.invoke('evidence:attach', { reviewId: id, claimId: CLAIM_A, fileName: 'a.pdf', mediaType: 'not a type', bytesBase64: PDF_BYTES.toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await registry.invoke('evidence:keep', { reviewId: id, claimId: CLAIM_A, evidenceId: evidence.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('is a file you attached') },
    });
    await services.store.flush();
    expect(await folderSnapshot(dataDir)).toEqual(before);
    await services.close();
  });

  it('keeps copies through the Trash: deleted, restored as a copy under a new id, duplicated; emptying the Trash removes them', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services);
    const { evidence } = await attach(services, id, 'kept.pdf');
    const copyId = evidence.copy?.id ?? '';

    const duplicate = await services.handlers['review:duplicate']({ id, title: 'Budget (copy)' });
    expect(await services.handlers['evidence:verify']({ reviewId: duplicate.id })).toMatchObject({ intact: true, counts: { intact: 1 } });

    await services.handlers['review:delete']({ id });
    expect(await readdir(join(dataDir, 'evidence', id))).toEqual([copyId]);
    const [entry] = await services.handlers['trash:list']({});
    await services.handlers['trash:restore']({ trashId: entry?.trashId ?? '' });
    expect(await services.handlers['evidence:verify']({ reviewId: id })).toMatchObject({ intact: true, counts: { intact: 1 } });

    // A second trash file of the review (as a share file opened again leaves) comes back as a copy under a new id, with its own files.
    await services.handlers['review:delete']({ id });
    const [again] = await services.handlers['trash:list']({});
    const twin = (again?.trashId ?? '').replace(/\d{3}Z$/, (millis) => `${String((Number(millis.slice(0, 3)) + 1) % 1000).padStart(3, '0')}Z`);
    await copyFile(join(dataDir, 'trash', `${again?.trashId}.json`), join(dataDir, 'trash', `${twin}.json`));
    await services.handlers['trash:restore']({ trashId: again?.trashId ?? '' });
    const restoredCopy = await services.handlers['trash:restore']({ trashId: twin });
    expect(restoredCopy).toMatchObject({ restoredAsCopy: true });
    expect(restoredCopy.id).not.toBe(id);
    await services.handlers['review:delete']({ id });
    await services.handlers['trash:empty']({});
    expect(await readdir(join(dataDir, 'evidence'))).not.toContain(id);
    expect(await services.handlers['evidence:verify']({ reviewId: restoredCopy.id })).toMatchObject({ intact: true, counts: { intact: 1 } });
    expect(await services.handlers['evidence:verify']({ reviewId: duplicate.id })).toMatchObject({ intact: true, counts: { intact: 1 } });
    await services.close();
  });

  it('loads reviews and a library from before copies were kept, with private addresses off', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services);
    await services.close();
    const file = JSON.parse(await readFile(join(dataDir, 'reviews', `${id}.json`), 'utf8')) as { review: { claims: { evidence: Record<string, unknown>[] }[] } };
    expect(JSON.stringify(file)).not.toContain('"copy"');
    expect(JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'))).not.toHaveProperty('allowPrivateAddresses');

    const reopened = await open(dataDir, 'read');
    expect(reopened.store.getReview(id).claims[0]?.evidence).toEqual(fullClaim(CLAIM_A).evidence);
    expect(await reopened.handlers['evidence:verify']({ reviewId: id })).toEqual({ files: [], intact: true, counts: { intact: 0, missing: 0, altered: 0 } });
    expect(await reopened.handlers['settings:getEvidence']({})).toEqual(DEFAULT_SETTINGS);
    await reopened.close();
  });

  it('remembers the evidence preferences in library.json, each changed on its own', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    expect(await services.handlers['settings:setEvidence']({ allowPrivateAddresses: true })).toEqual({ ...DEFAULT_SETTINGS, allowPrivateAddresses: true });
    const chosen = { allowPrivateAddresses: true, keepWhenAdded: true, sendToWayback: true, waybackAddress: 'http://archive.example.test/' };
    expect(await services.handlers['settings:setEvidence']({ keepWhenAdded: true, sendToWayback: true, waybackAddress: chosen.waybackAddress })).toEqual(chosen);
    await services.close();
    const reopened = await open(dataDir, 'read');
    expect(await reopened.handlers['settings:getEvidence']({})).toEqual(chosen);
    await reopened.close();
  });

  it('does not write library.json when a preference is set to what it already is, nor the default archive address', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const before = await readFile(join(dataDir, 'library.json'));
    expect(await services.handlers['settings:setEvidence']({ waybackAddress: DEFAULT_WAYBACK_ADDRESS, keepWhenAdded: false })).toEqual(DEFAULT_SETTINGS);
    expect(await readFile(join(dataDir, 'library.json'))).toEqual(before);
    await services.handlers['settings:setEvidence']({ waybackAddress: 'https://archive.example.test/' });
    await services.handlers['settings:setEvidence']({ waybackAddress: DEFAULT_WAYBACK_ADDRESS });
    expect(JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'))).not.toHaveProperty('waybackAddress');
    await services.close();
  });

  it('refuses an archive address that is not a web address', async () => {
    expect(contract['settings:setEvidence'].input.safeParse({ waybackAddress: 'file:///etc/passwd' }).success).toBe(false);
    expect(contract['settings:setEvidence'].input.safeParse({ waybackAddress: 'https://web.archive.org/', extra: 1 }).success).toBe(false);
  });

  it('lets a window save sources with the copies the review has, and refuses a copy it never kept', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services);
    const { evidence } = await attach(services, id, 'kept.pdf');
    const stored = services.store.getReview(id);
    const claim = stored.claims.find((candidate) => candidate.id === CLAIM_A);
    if (!claim || !evidence.copy) throw new Error('no copy');
    const noted = { ...claim, evidence: claim.evidence.map((item) => (item.id === evidence.id ? { ...item, note: 'page 4' } : item)) };
    const saved = await services.handlers['review:save']({ id, baseRevision: stored.revision, claimChanges: { changed: [noted], removed: [] } });
    const forged = { ...noted, evidence: noted.evidence.map((item) => (item.id === 'evidence-0001' ? { ...item, copy: { ...evidence.copy, id: 'copy-forged-1' } } : item)) } as typeof noted;
    await services.store.flush();
    const before = await folderSnapshot(dataDir);
    await expect(services.handlers['review:save']({ id, baseRevision: saved.revision, claimChanges: { changed: [forged], removed: [] } })).rejects.toThrow('did not keep for this review');
    const altered = {
      ...noted,
      evidence: noted.evidence.map((item) => (item.id === evidence.id && item.copy ? { ...item, copy: { ...item.copy, attachedAt: '2020-01-01T00:00:00.000Z' } } : item)),
    } as typeof noted;
    await expect(
      services.handlers['review:save']({ id, baseRevision: saved.revision, claims: services.store.getReview(id).claims.map((candidate) => (candidate.id === CLAIM_A ? altered : candidate)) }),
    ).rejects.toThrow('did not keep for this review');
    expect(await folderSnapshot(dataDir)).toEqual(before);
    await services.close();
  });

  it('refuses a save that keeps a page copy on a source moved to another address, and leaves every file as it was', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services);
    const { evidence, review } = await keepT3(services, id, PDF_BYTES);
    const claim = review.claims.find((candidate) => candidate.id === CLAIM_A);
    if (!claim) throw new Error('no claim');
    const moved = { ...claim, evidence: claim.evidence.map((item) => (item.id === evidence.id ? { ...item, url: 'https://stats.example.gov/t4' } : item)) };
    await services.store.flush();
    const before = await folderSnapshot(dataDir);
    await expect(services.handlers['review:save']({ id, baseRevision: review.revision, claimChanges: { changed: [moved], removed: [] } })).rejects.toThrow(
      'A source now at https://stats.example.gov/t4 still carries the copy kept of https://stats.example.gov/t3',
    );
    expect(await folderSnapshot(dataDir)).toEqual(before);
    // Dropped as the window drops it (evidenceAtAddress), the move saves.
    const dropped = { ...claim, evidence: claim.evidence.map((item) => (item.id === evidence.id ? evidenceAtAddress(item, 'https://stats.example.gov/t4') : item)) };
    await services.handlers['review:save']({ id, baseRevision: review.revision, claimChanges: { changed: [dropped], removed: [] } });
    expect(
      services.store
        .getReview(id)
        .claims.find((candidate) => candidate.id === CLAIM_A)
        ?.evidence.find((item) => item.id === evidence.id),
    ).not.toHaveProperty('copy');
    await services.close();
  });

  it('clears a copy a crash left half written when the folder next opens to write, and leaves kept copies and a reading command alone', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services);
    const { evidence } = await attach(services, id, 'kept.pdf');
    await services.close();
    // What writeCopyFolder leaves when the process dies before its rename.
    const staging = join(dataDir, 'evidence', id, '.copy-crashed-1.partial');
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, 'half.pdf'), PDF_BYTES.subarray(0, 100));
    const before = await folderSnapshot(dataDir);

    const reading = await open(dataDir, 'read');
    await reading.close();
    expect(await folderSnapshot(dataDir)).toEqual(before);

    const reopened = await open(dataDir);
    expect(await readdir(join(dataDir, 'evidence', id))).toEqual([evidence.copy?.id]);
    expect((await reopened.handlers['evidence:verify']({ reviewId: id })).intact).toBe(true);
    await reopened.close();
  });

  it('names an attached file, with its hash, in a Web Annotation that still validates, and in the HTML report', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const id = await addReview(services);
    const { evidence } = await attach(services, id, 'تقرير.pdf');
    const annotation = await services.handlers['review:export']({ id, format: 'webannotation', mode: 'draft' });
    const json = Buffer.from(annotation.base64, 'base64').toString('utf8');
    expect(json).toContain(`Attached file: تقرير.pdf (SHA-256 ${evidence.copy?.files[0]?.sha256})`);
    expect((await services.handlers['export:validate']({ json })).problems.filter((problem) => problem.level === 'required')).toEqual([]);
    const html = Buffer.from((await services.handlers['review:export']({ id, format: 'html', mode: 'draft' })).base64, 'base64').toString('utf8');
    expect(html).toContain('<span dir="auto">تقرير.pdf</span>');
    await services.close();
  });

  it('takes an attached file’s copy along when its claim’s sources are copied into another review', async () => {
    const dataDir = await tempDir();
    const services = await open(dataDir);
    const source = await addReview(services, 'Source');
    const target = await addReview(services, 'Target');
    await services.store.updateReview(target, (review) => ({ doc: review.doc, claims: review.claims.map((claim) => ({ ...claim, verdictId: null, rationale: '', evidence: [] })) }));
    const { evidence } = await attach(services, source, 'kept.pdf');
    const { claim } = await services.handlers['review:copyFromClaim']({ id: target, claimId: CLAIM_A, from: { reviewId: source, claimId: CLAIM_A } });
    expect(claim.evidence.find((item) => item.url === '')?.copy).toEqual(evidence.copy);
    expect(await services.handlers['evidence:verify']({ reviewId: target })).toMatchObject({ intact: true, counts: { intact: 1 } });
    await services.close();
  });
});

describe('stored file names', () => {
  it('gives a user’s file name a safe stored form that keeps its extension', () => {
    expect(storedFileName('report final (2).PDF')).toBe('report_final_2.PDF');
    expect(storedFileName('تقرير.pdf')).toBe('file.pdf');
    expect(storedFileName('C:\\Users\\me\\con.txt')).toBe('file-con.txt');
    expect(storedFileName('../../etc/passwd')).toBe('passwd');
    expect(storedFileName('...')).toBe('file');
  });
});
