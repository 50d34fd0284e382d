/**
 * Kept evidence copies in the library: storing a copy (its files in the data folder, its
 * description on the claim's evidence item, in one write of the review through the store),
 * checking stored copies against their hashes, and reading a recorded file back.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/envelope';
import { describeIssues } from '../../../shared/api/plain-issues';
import { MAX_EVIDENCE_ITEMS, type Claim, type Evidence } from '../../../shared/model/claim';
import {
  EvidenceCopy,
  EvidenceFileName,
  MAX_EVIDENCE_COPY_BYTES,
  MAX_EVIDENCE_COPY_FILES,
  type EvidenceCopyFile,
  type EvidenceFileRole,
  type FileCopy,
  type PageCopy,
} from '../../../shared/model/evidence-copy';
import type { Review } from '../../../shared/model/review';
import { sha256Hex } from '../evidence/sha256';
import { checkEvidenceFile, readEvidenceFile, writeCopyFolder, type EvidenceFileState } from './evidence-files';
import type { LibraryStore } from './library-store';
import { explainWriteFailure } from './write-failure';
import { megabytes } from '../megabytes';

/** One file of a copy to store, with its bytes. */
export interface NewCopyFile {
  role: EvidenceFileRole;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** A copy as a service describes it; the store gives its id and records each file's size and hash. */
export type CopyDescription = Omit<PageCopy, 'id' | 'files'> | Omit<FileCopy, 'id' | 'files'>;

/** Where the copy goes: on an evidence item of the claim, or as a new item (an attached file). */
export type CopyTarget = { evidenceId: string } | { newItem: Omit<Evidence, 'copy' | 'url'> };

export interface StoreCopyInput {
  reviewId: string;
  claimId: string;
  target: CopyTarget;
  copy: CopyDescription;
  files: readonly NewCopyFile[];
}


/** "claim 3" or "this claim", as messages name it. */
const claimName = (claim: Claim): string => (claim.number === undefined ? 'this claim' : `claim ${claim.number}`);

function claimOf(review: Review, claimId: string): Claim {
  const claim = review.claims.find((candidate) => candidate.id === claimId);
  if (!claim) throw new ApiError('not-found', `That claim is not in “${review.title}” any more (it may have been deleted). Nothing was kept; reload the review.`);
  return claim;
}

function itemOf(review: Review, claim: Claim, evidenceId: string): Evidence {
  const item = claim.evidence.find((candidate) => candidate.id === evidenceId);
  if (!item) throw new ApiError('not-found', `That source is no longer listed on ${claimName(claim)} of “${review.title}” (it may have been removed). Nothing was kept; reload the review.`);
  return item;
}

/**
 * A user's or a page's file name as a stored name (EvidenceFileName): characters other than
 * letters, digits, `.`, `_` and `-` become `_`, and a name that would say nothing, or that Windows
 * reserves (CON, NUL…), is given a plain one. Arabic or Chinese names keep their extension.
 */
export function storedFileName(name: string, fallback = 'file'): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(last)?.[1] ?? '';
  const rawStem = extension ? last.slice(0, -extension.length - 1) : last;
  let stem = rawStem
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 100)
    .replace(/[._-]+$/, '');
  if (stem === '') stem = fallback;
  else if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem.split('.')[0] ?? '')) stem = `${fallback}-${stem}`;
  const stored = extension ? `${stem}.${extension}` : stem;
  return EvidenceFileName.safeParse(stored).success ? stored : fallback;
}

/** The copy as stored: its id, and each file's size and SHA-256 from the bytes themselves. */
function describedCopy(input: StoreCopyInput, copyId: string): EvidenceCopy {
  const what = input.copy.kind === 'page' ? `the copy of ${input.copy.requestedUrl}` : `the file “${input.copy.originalName}”`;
  if (input.files.length === 0) throw new ApiError('invalid-input', `There is nothing to keep of ${what}: no file was made. Nothing was kept.`);
  if (input.files.length > MAX_EVIDENCE_COPY_FILES) throw new ApiError('invalid-input', `${what} has ${input.files.length} files; a copy holds at most ${MAX_EVIDENCE_COPY_FILES}. Nothing was kept.`);
  const total = input.files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total > MAX_EVIDENCE_COPY_BYTES) {
    throw new ApiError(
      'refused',
      `${what.charAt(0).toUpperCase()}${what.slice(1)} would take ${megabytes(total)}; Factmark keeps at most ${megabytes(MAX_EVIDENCE_COPY_BYTES)} for one source. Nothing was kept, and the review is unchanged.`,
    );
  }
  const files: EvidenceCopyFile[] = input.files.map((file) => ({ role: file.role, fileName: file.fileName, mediaType: file.mediaType, size: file.bytes.byteLength, sha256: sha256Hex(file.bytes) }));
  const parsed = EvidenceCopy.safeParse({ ...input.copy, id: copyId, files });
  if (!parsed.success) throw new ApiError('invalid-input', `${describeIssues(parsed.error, what, 2)} Nothing was kept.`);
  return parsed.data;
}

/** `claim` with the copy on its item, or with the new item added; refuses what the claim cannot take. */
function withCopy(review: Review, claim: Claim, target: CopyTarget, copy: EvidenceCopy): { claim: Claim; evidence: Evidence } {
  if ('evidenceId' in target) {
    const item = itemOf(review, claim, target.evidenceId);
    if (copy.kind === 'page' && item.url !== copy.requestedUrl) {
      throw new ApiError('conflict', `The address of that source was changed to ${item.url} while its copy was being made (of ${copy.requestedUrl}). Nothing was kept; keep a copy again.`);
    }
    const evidence: Evidence = { ...item, copy };
    return { claim: { ...claim, evidence: claim.evidence.map((candidate) => (candidate.id === item.id ? evidence : candidate)) }, evidence };
  }
  if (claim.evidence.length >= MAX_EVIDENCE_ITEMS)
    throw new ApiError('refused', `${claimName(claim)} already lists ${MAX_EVIDENCE_ITEMS} sources, as many as a claim holds. Nothing was attached; remove a source first.`);
  if (claim.evidence.some((candidate) => candidate.id === target.newItem.id)) throw new ApiError('invalid-input', 'That source id is already used on the claim. Nothing was attached.');
  const evidence: Evidence = { ...target.newItem, url: '', copy };
  return { claim: { ...claim, evidence: [...claim.evidence, evidence] }, evidence };
}

/**
 * Stores a copy: checks everything it can first (the claim and item exist, the size and names
 * are within the limits), writes the files under evidence/<review>/<copy id>/, then records the
 * copy in one write of the review (its history says the source changed). Any failure removes the
 * files again, so the data folder and the review stay as they were.
 */
export async function storeEvidenceCopy(store: LibraryStore, input: StoreCopyInput, newId: () => string = randomUUID): Promise<{ claim: Claim; evidence: Evidence; review: Review }> {
  store.assertWritable();
  const planned = store.getReview(input.reviewId);
  const copy = describedCopy(input, newId());
  // Refused now, before any byte is written, when the claim or its item is gone already.
  withCopy(planned, claimOf(planned, input.claimId), input.target, copy);
  let undo: () => Promise<void>;
  try {
    undo = await writeCopyFolder(store.dataDir, input.reviewId, copy.id, input.files);
  } catch (error) {
    throw explainWriteFailure(error, store.dataDir);
  }
  let result: { claim: Claim; evidence: Evidence } | undefined;
  try {
    // Decided on the review as stored at the moment of writing: a window may have saved while the page loaded.
    const review = await store.updateReview(input.reviewId, (current) => {
      const changed = withCopy(current, claimOf(current, input.claimId), input.target, copy);
      result = changed;
      return { doc: current.doc, claims: current.claims.map((claim) => (claim.id === input.claimId ? changed.claim : claim)) };
    });
    const claim = review.claims.find((candidate) => candidate.id === input.claimId) ?? result?.claim;
    const evidence = claim?.evidence.find((item) => item.copy?.id === copy.id);
    if (!claim || !evidence) throw new ApiError('internal', 'The copy was stored but is not on the claim.');
    return { claim, evidence, review };
  } catch (error) {
    await undo();
    throw error;
  }
}

/** One stored file as Verify found it. */
export interface CheckedFile {
  claimId: string;
  claimNumber: number | null;
  evidenceId: string;
  /** The item's address, or '' for an attached file. */
  url: string;
  copyId: string;
  fileName: string;
  role: EvidenceFileRole;
  size: number;
  sha256: string;
  state: EvidenceFileState;
}

/**
 * Recomputes the hash of every file of every copy on review `reviewId`'s claims (on claim
 * `claimId` only, when given) and says whether each is intact, missing or altered.
 */
export async function verifyEvidence(store: LibraryStore, reviewId: string, claimId?: string): Promise<CheckedFile[]> {
  const review = store.getReview(reviewId);
  const claims = claimId === undefined ? review.claims : [claimOf(review, claimId)];
  const checked: CheckedFile[] = [];
  for (const claim of claims) {
    for (const item of claim.evidence) {
      if (!item.copy) continue;
      for (const file of item.copy.files) {
        const state = await checkEvidenceFile(store.dataDir, reviewId, item.copy.id, file);
        checked.push({
          claimId: claim.id,
          claimNumber: claim.number ?? null,
          evidenceId: item.id,
          url: item.url,
          copyId: item.copy.id,
          fileName: file.fileName,
          role: file.role,
          size: file.size,
          sha256: file.sha256,
          state,
        });
      }
    }
  }
  return checked;
}

/**
 * A stored file of review `reviewId` by its copy and name, with whether it still matches its hash.
 * Only a file a claim of the review records can be read: nothing else in the data folder.
 */
export async function readRecordedFile(store: LibraryStore, reviewId: string, copyId: string, fileName: string): Promise<{ file: EvidenceCopyFile; bytes: Buffer; intact: boolean }> {
  const review = store.getReview(reviewId);
  const file = review.claims
    .flatMap((claim) => claim.evidence)
    .map((item) => item.copy)
    .find((copy) => copy?.id === copyId)
    ?.files.find((candidate) => candidate.fileName === fileName);
  if (!file) throw new ApiError('not-found', `“${review.title}” records no kept file ${fileName} in copy ${copyId}. Nothing was read; reload the review.`);
  const bytes = await readEvidenceFile(store.dataDir, reviewId, copyId, fileName);
  if (!bytes)
    throw new ApiError(
      'not-found',
      `The kept file ${fileName} of “${review.title}” is missing from the data folder (evidence/${reviewId}/${copyId}/). Nothing else was changed; keep a copy of the source again.`,
    );
  return { file, bytes, intact: bytes.byteLength === file.size && sha256Hex(bytes) === file.sha256 };
}
