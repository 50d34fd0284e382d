/**
 * The files of kept evidence copies in the data folder: `evidence/<review id>/<copy id>/<file>`.
 * A copy's folder appears whole or not at all (its files are written and fsynced in a hidden
 * staging folder that is then renamed), and is read back only by names its review records. A
 * window's save may carry only copy descriptions the review already has (checkSavedCopies).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readFile, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import equal from 'fast-deep-equal';
import { ApiError } from '../../../shared/api/envelope';
import type { Claim } from '../../../shared/model/claim';
import type { Review } from '../../../shared/model/review';
import { EvidenceFileName, type EvidenceCopy, type EvidenceCopyFile } from '../../../shared/model/evidence-copy';
import { syncFolder, writeDurably } from './durable-json-file';

/** The data folder's folder of kept copies. */
export const EVIDENCE_FOLDER = 'evidence';

/** A stored file's state when checked against what its review recorded. */
export type EvidenceFileState = 'intact' | 'missing' | 'altered';

/** The folder holding review `reviewId`'s copies. */
export function reviewEvidenceFolder(dataDir: string, reviewId: string): string {
  return join(dataDir, EVIDENCE_FOLDER, reviewId);
}

/** The path of one stored file; the name is checked again, so no path can leave the copy's folder. */
export function evidenceFilePath(dataDir: string, reviewId: string, copyId: string, fileName: string): string {
  return join(reviewEvidenceFolder(dataDir, reviewId), copyId, EvidenceFileName.parse(fileName));
}

/** What one file of a copy is written from: its bytes, or a stored file to copy. */
export type CopySource = { fileName: string; bytes: Uint8Array } | { fileName: string; from: string };

/** Writes and fsyncs a copy of `from` at `to`. */
async function copyDurably(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const handle = await open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes copy `copyId` of review `reviewId` with `files`, all or nothing, and returns a function
 * that removes what it made (for when the review cannot then be written). Refuses a folder that
 * already exists: a copy id is never reused.
 */
export async function writeCopyFolder(dataDir: string, reviewId: string, copyId: string, files: readonly CopySource[]): Promise<() => Promise<void>> {
  const evidenceRoot = join(dataDir, EVIDENCE_FOLDER);
  const reviewFolder = reviewEvidenceFolder(dataDir, reviewId);
  const final = join(reviewFolder, copyId);
  // What this write made first, so undoing it leaves the folder as it was, empty folders included.
  const created = await mkdir(reviewFolder, { recursive: true });
  const staging = join(reviewFolder, `.${copyId}.partial`);
  const undo = async (): Promise<void> => {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    await rm(final, { recursive: true, force: true }).catch(() => undefined);
    // Only when empty: another copy may have been written into them meanwhile.
    if (created) for (const folder of [reviewFolder, evidenceRoot]) await rmdir(folder).catch(() => undefined);
  };
  try {
    if (
      await stat(final).then(
        () => true,
        () => false,
      )
    )
      throw Object.assign(new Error(`${final} already exists`), { code: 'EEXIST' });
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging);
    for (const file of files) {
      const path = join(staging, EvidenceFileName.parse(file.fileName));
      if ('bytes' in file) await writeDurably(path, file.bytes);
      else await copyDurably(file.from, path);
    }
    await syncFolder(staging);
    await rename(staging, final);
    await syncFolder(reviewFolder);
    if (created) for (const folder of [evidenceRoot, dataDir]) await syncFolder(folder);
  } catch (error) {
    await undo();
    throw error;
  }
  return undo;
}

/** SHA-256 (hex) of the file at `path`, read in pieces so a large copy never sits in memory whole. */
export function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Checks one stored file against its record: its size first (cheap), then its hash. */
export async function checkEvidenceFile(dataDir: string, reviewId: string, copyId: string, file: EvidenceCopyFile): Promise<EvidenceFileState> {
  const path = evidenceFilePath(dataDir, reviewId, copyId, file.fileName);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return 'missing';
  if (info.size !== file.size) return 'altered';
  try {
    return (await hashFile(path)) === file.sha256 ? 'intact' : 'altered';
  } catch {
    return 'missing';
  }
}

/** The bytes of one stored file, or null when it is not there. */
export async function readEvidenceFile(dataDir: string, reviewId: string, copyId: string, fileName: string): Promise<Buffer | null> {
  return readFile(evidenceFilePath(dataDir, reviewId, copyId, fileName)).catch(() => null);
}

/** Every copy `review` names, in its claims and in its history (an undo or a merge may bring one back). */
export function copiesOf(review: Review): Map<string, EvidenceCopy> {
  const copies = new Map<string, EvidenceCopy>();
  for (const claim of review.claims) for (const item of claim.evidence) if (item.copy) copies.set(item.copy.id, item.copy);
  for (const event of review.history) for (const item of event.set.evidence ?? []) if (item.copy && !copies.has(item.copy.id)) copies.set(item.copy.id, item.copy);
  return copies;
}

/**
 * Refuses a window's save whose claims carry a copy description the review does not know: copies
 * are recorded only by a keep or an attach (which write their files first), so a report never
 * says "copy kept" of something Factmark did not keep, nor of a page at another address. `replaced` (the records the saved claims
 * replace) are looked at first; the whole review and its history only when a copy is not among theirs.
 */
export function checkSavedCopies(review: Review, claims: readonly Claim[], replaced: readonly Claim[]): void {
  const sent = claims.flatMap((claim) => claim.evidence.flatMap((item) => (item.copy ? [item.copy] : [])));
  if (sent.length === 0) return;
  const moved = claims.flatMap((claim) => claim.evidence).find((item) => item.copy?.kind === 'page' && item.copy.requestedUrl !== item.url);
  if (moved?.copy?.kind === 'page') {
    throw new ApiError(
      'invalid-input',
      `A source now at ${moved.url} still carries the copy kept of ${moved.copy.requestedUrl}; that copy never showed the new address. Nothing was saved; reload the review and keep a copy of the new address.`,
    );
  }
  const copiesIn = (records: readonly Claim[]): Map<string, EvidenceCopy> =>
    new Map(records.flatMap((claim) => claim.evidence.flatMap((item) => (item.copy ? [[item.copy.id, item.copy] as const] : []))));
  let known = copiesIn(replaced);
  let wholeReview = false;
  for (const copy of sent) {
    if (equal(known.get(copy.id), copy)) continue;
    if (!wholeReview) {
      known = copiesOf(review);
      wholeReview = true;
      if (equal(known.get(copy.id), copy)) continue;
    }
    throw new ApiError(
      'invalid-input',
      'A source carries a kept copy that Factmark did not keep for this review (it may come from another review or have been edited). Nothing was saved; reload the review.',
    );
  }
}

/**
 * Copies the folders of `copyIds` from review `fromId` to review `toId` (a duplicate, a restored
 * copy, a claim's sources copied into another review); a copy whose folder is gone is skipped, as
 * Verify will say. Returns a function that removes what it wrote; on failure nothing stays.
 */
export async function copyCopyFolders(dataDir: string, fromId: string, toId: string, copyIds: Iterable<string>): Promise<() => Promise<void>> {
  const undos: (() => Promise<void>)[] = [];
  const undoAll = async (): Promise<void> => {
    for (const undo of undos.reverse()) await undo();
  };
  try {
    for (const copyId of copyIds) {
      const source = join(reviewEvidenceFolder(dataDir, fromId), copyId);
      const target = join(reviewEvidenceFolder(dataDir, toId), copyId);
      if (
        await stat(target).then(
          () => true,
          () => false,
        )
      )
        continue;
      const names = await readdir(source).catch(() => null);
      if (!names) continue;
      const files = names.filter((name) => EvidenceFileName.safeParse(name).success).map((name) => ({ fileName: name, from: join(source, name) }));
      undos.push(await writeCopyFolder(dataDir, toId, copyId, files));
    }
  } catch (error) {
    await undoAll();
    throw error;
  }
  return undoAll;
}

/** A staging folder's name: what writeCopyFolder writes before the rename that makes a copy appear. */
const STAGING_FOLDER = /^\.[A-Za-z0-9_-]{1,64}\.partial$/;

/**
 * Removes staging folders a crash left behind (a copy half written: never named by any review).
 * Run only while holding the folder's lock, so no keep of another window is writing one. Returns
 * the folders removed, relative to the data folder.
 */
export async function removeUnfinishedCopies(dataDir: string): Promise<string[]> {
  const removed: string[] = [];
  const reviews = await readdir(join(dataDir, EVIDENCE_FOLDER), { withFileTypes: true }).catch(() => []);
  for (const review of reviews) {
    if (!review.isDirectory()) continue;
    const entries = await readdir(join(dataDir, EVIDENCE_FOLDER, review.name), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory() || !STAGING_FOLDER.test(entry.name)) continue;
      await rm(join(dataDir, EVIDENCE_FOLDER, review.name, entry.name), { recursive: true, force: true });
      removed.push(`${EVIDENCE_FOLDER}/${review.name}/${entry.name}`);
    }
  }
  return removed;
}

/** Removes review `reviewId`'s copies for good (a review removed from the Trash, a cancelled import). */
export async function removeReviewEvidence(dataDir: string, reviewId: string): Promise<void> {
  await rm(reviewEvidenceFolder(dataDir, reviewId), { recursive: true, force: true });
}
