/**
 * Kept evidence copies in share files. Writing: each copy a review's claims list is read back,
 * checked against its hashes and carried in base64 while the share file stays within the size its
 * loader accepts; what is left out is named. Receiving: every file's bytes are hashed and compared
 * with the copy's description before the copy is kept; a copy that fails is refused on its own,
 * and the rest of the share is accepted.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Claim } from '../../../shared/model/claim';
import type { EvidenceCopy } from '../../../shared/model/evidence-copy';
import type { Review } from '../../../shared/model/review';
import { MAX_SHARE_FILE_BYTES } from '../../../shared/share-file/share-file-schema';
import { base64Length, type EvidenceShareSize, type ReceivedEvidenceCopies, type RefusedEvidenceCopy, type SharedEvidenceFile } from '../../../shared/share-file/shared-evidence';
import { sha256Hex } from '../evidence/sha256';
import { evidenceFilePath, readEvidenceFile, reviewEvidenceFolder, writeCopyFolder } from '../library/evidence-files';
import { megabytes } from '../megabytes';

/**
 * Room kept free under the loader's limit: the signature, and JSON's spacing and field names
 * around each file (measured at under 300 bytes a file; FILE_OVERHEAD counts 512).
 */
const SHARE_MARGIN_BYTES = 64 * 1024;
const FILE_OVERHEAD_BYTES = 512;

/** A copy on one of a review's claims, with how the reviewer knows its source. */
interface ListedCopy {
  claimNumber: number | null;
  source: string;
  copy: EvidenceCopy;
}

/** Every copy the review's claims list now, once each, in claim order. */
function listedCopies(claims: readonly Claim[]): ListedCopy[] {
  const seen = new Set<string>();
  const listed: ListedCopy[] = [];
  for (const claim of claims) {
    for (const item of claim.evidence) {
      if (!item.copy || seen.has(item.copy.id)) continue;
      seen.add(item.copy.id);
      listed.push({ claimNumber: claim.number ?? null, source: item.url || (item.copy.kind === 'file' ? item.copy.originalName : ''), copy: item.copy });
    }
  }
  return listed;
}

/** "the source https://… of claim 3", as messages name a copy. */
export function describeSource(copy: Pick<RefusedEvidenceCopy, 'claimNumber' | 'source'>): string {
  return `${copy.source ? `“${copy.source}”` : 'a source'}${copy.claimNumber === null ? '' : ` of claim ${copy.claimNumber}`}`;
}

/** What one copy adds to a share file's size. */
function sharedSize(copy: EvidenceCopy): number {
  return copy.files.reduce((sum, file) => sum + base64Length(file.size) + FILE_OVERHEAD_BYTES, 0);
}

const leftOut = (listed: ListedCopy, code: RefusedEvidenceCopy['code'], reason: string): RefusedEvidenceCopy => ({ claimNumber: listed.claimNumber, source: listed.source, copyId: listed.copy.id, code, reason });


/** Why a copy too large for the share file is left out. */
const tooLarge = (listed: ListedCopy): string =>
  `its ${megabytes(listed.copy.files.reduce((sum, file) => sum + file.size, 0))} do not fit in a share file (at most ${megabytes(MAX_SHARE_FILE_BYTES)} in all); its description travels, and the colleague can keep a copy of the source themselves.`;

/** The copies that fit within the loader's limit when the share file without copies takes `baseBytes`, in claim order. */
function fitting(listed: readonly ListedCopy[], baseBytes: number): { fit: ListedCopy[]; tooLarge: ListedCopy[] } {
  let room = MAX_SHARE_FILE_BYTES - SHARE_MARGIN_BYTES - baseBytes;
  const fit: ListedCopy[] = [];
  const large: ListedCopy[] = [];
  for (const entry of listed) {
    const size = sharedSize(entry.copy);
    if (size <= room) {
      fit.push(entry);
      room -= size;
    } else large.push(entry);
  }
  return { fit, tooLarge: large };
}

/** Whether every file of the copy is in the data folder with its recorded size (a cheap check; the hash is checked when the file is read). */
async function filesPresent(dataDir: string, reviewId: string, copy: EvidenceCopy): Promise<boolean> {
  for (const file of copy.files) {
    const info = await stat(evidenceFilePath(dataDir, reviewId, copy.id, file.fileName)).catch(() => null);
    if (!info?.isFile() || info.size !== file.size) return false;
  }
  return true;
}

/** The kept copies of `review` as a share file of `withoutCopiesBytes` would carry them: for the size shown before saving. */
export async function evidenceShareSize(dataDir: string, review: Review, withoutCopiesBytes: number): Promise<EvidenceShareSize> {
  const listed = listedCopies(review.claims);
  const { fit, tooLarge: large } = fitting(listed, withoutCopiesBytes);
  const left = large.map((entry) => leftOut(entry, 'too-large', tooLarge(entry)));
  let added = 0;
  for (const entry of fit) {
    if (await filesPresent(dataDir, review.id, entry.copy)) added += sharedSize(entry.copy);
    else left.push(leftOut(entry, 'not-intact', 'its files are missing or changed in this data folder (Verify says which); keep a copy of the source again to share it.'));
  }
  return {
    copies: listed.length,
    bytes: listed.reduce((sum, entry) => sum + entry.copy.files.reduce((total, file) => total + file.size, 0), 0),
    shareFileBytes: withoutCopiesBytes + added,
    withoutCopiesBytes,
    leftOut: left,
  };
}

/**
 * The files of `review`'s kept copies to put in a share file of `withoutCopiesBytes`, each read and
 * checked against its hash: a copy that is missing or altered here, or that would take the file
 * over the loader's limit, is left out and named.
 */
export async function evidenceFilesToShare(dataDir: string, review: Review, withoutCopiesBytes: number): Promise<{ files: SharedEvidenceFile[]; leftOut: RefusedEvidenceCopy[] }> {
  const { fit, tooLarge: large } = fitting(listedCopies(review.claims), withoutCopiesBytes);
  const left = large.map((entry) => leftOut(entry, 'too-large', tooLarge(entry)));
  const files: SharedEvidenceFile[] = [];
  for (const entry of fit) {
    const read: SharedEvidenceFile[] = [];
    for (const file of entry.copy.files) {
      const bytes = await readEvidenceFile(dataDir, review.id, entry.copy.id, file.fileName);
      if (!bytes || bytes.byteLength !== file.size || sha256Hex(bytes) !== file.sha256) break;
      read.push({ copyId: entry.copy.id, ...file, base64: bytes.toString('base64') });
    }
    if (read.length === entry.copy.files.length) files.push(...read);
    else left.push(leftOut(entry, 'not-intact', 'its files are missing or no longer match their SHA-256 in this data folder (Verify says which); it was not shared.'));
  }
  return { files, leftOut: left };
}

/** Why `shared` cannot be kept as `copy`, or its files' bytes when every file is there and matches its hash. */
function refusal(copy: EvidenceCopy, shared: readonly SharedEvidenceFile[]): { reason: string } | { files: { fileName: string; bytes: Buffer }[] } {
  if (shared.length !== copy.files.length || new Set(shared.map((file) => file.fileName)).size !== shared.length) return { reason: 'the share file does not carry exactly the files the copy lists.' };
  const files: { fileName: string; bytes: Buffer }[] = [];
  for (const file of copy.files) {
    const sent = shared.find((candidate) => candidate.fileName === file.fileName);
    if (!sent || sent.role !== file.role || sent.mediaType !== file.mediaType) return { reason: `the share file does not carry its file ${file.fileName} as the copy describes it.` };
    const bytes = Buffer.from(sent.base64, 'base64');
    // The bytes are judged against the description on the claim, not against the figures beside them.
    if (bytes.byteLength !== file.size || sha256Hex(bytes) !== file.sha256)
      return { reason: `its file ${file.fileName} does not match its SHA-256: it was changed or damaged after the copy was kept.` };
    files.push({ fileName: file.fileName, bytes });
  }
  return { files };
}

/** The sentence that tells the reviewer what happened to the copies; '' when all were kept. */
function receivedMessage(notIncluded: number, refused: readonly RefusedEvidenceCopy[]): string {
  const parts: string[] = [];
  if (refused.length > 0) {
    const named = refused.map((copy) => `${describeSource(copy)} (${copy.reason})`).join('; ');
    parts.push(
      `${refused.length === 1 ? 'One kept copy was' : `${refused.length} kept copies were`} refused and not kept: ${named}. The rest of the share was accepted and those sources are still listed; ask the sender to keep the ${refused.length === 1 ? 'copy' : 'copies'} again and share again.`,
    );
  }
  if (notIncluded > 0) {
    parts.push(
      `${notIncluded === 1 ? 'One source has a kept copy' : `${notIncluded} sources have kept copies`} whose files were not included in this share file; Verify lists ${notIncluded === 1 ? 'it' : 'them'} as missing. Ask the sender to share with “include evidence copies” to receive ${notIncluded === 1 ? 'it' : 'them'}.`,
    );
  }
  return parts.join(' ');
}

/**
 * Keeps the copies `claims` (of review `reviewId`, as it will be stored) list from `shared`: each
 * copy is checked in full before any of its files is written; a copy already in this data folder is
 * left as it is. With `dryRun`, only checks. Returns what happened and a function that removes
 * what was written (for when the review cannot then be stored).
 */
export async function receiveEvidenceCopies(
  dataDir: string,
  reviewId: string,
  claims: readonly Claim[],
  shared: readonly SharedEvidenceFile[],
  dryRun = false,
): Promise<{ received: ReceivedEvidenceCopies; undo: () => Promise<void> }> {
  const byCopy = new Map<string, SharedEvidenceFile[]>();
  for (const file of shared) byCopy.set(file.copyId, [...(byCopy.get(file.copyId) ?? []), file]);
  const undos: (() => Promise<void>)[] = [];
  const undo = async (): Promise<void> => {
    for (const step of undos.reverse()) await step();
  };
  const refused: RefusedEvidenceCopy[] = [];
  let kept = 0;
  let notIncluded = 0;
  try {
    for (const entry of listedCopies(claims)) {
      const here = await stat(join(reviewEvidenceFolder(dataDir, reviewId), entry.copy.id)).then(
        () => true,
        () => false,
      );
      // A copy this folder holds already (shared back to its keeper, or merged again) stays as it is.
      if (here) {
        kept += 1;
        continue;
      }
      const sent = byCopy.get(entry.copy.id);
      if (!sent) {
        notIncluded += 1;
        continue;
      }
      const checked = refusal(entry.copy, sent);
      if ('reason' in checked) refused.push(leftOut(entry, 'not-intact', checked.reason));
      else {
        kept += 1;
        if (!dryRun) undos.push(await writeCopyFolder(dataDir, reviewId, entry.copy.id, checked.files));
      }
    }
  } catch (error) {
    await undo();
    throw error;
  }
  return { received: { kept, notIncluded, refused, message: receivedMessage(notIncluded, refused) }, undo };
}
