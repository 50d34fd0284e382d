/**
 * Keep a copy: captures an evidence link (through captureEvidence, the guarded fetch and page
 * capture) and stores what it made through the library store, one link or every link of a review.
 * Attaching a file stores the reviewer's own bytes the same way.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type ApiErrorCode } from '../../../shared/api/envelope';
import type { KeepOutcome } from '../../../shared/api/evidence-schema';
import type { Claim, Evidence } from '../../../shared/model/claim';
import { isHttpUrl } from '../../../shared/model/primitives';
import type { LibraryStore } from '../library';
import { storedFileName, storeEvidenceCopy, type NewCopyFile } from '../library/evidence-store';
import type { CapturedPage } from './capture-page';
import { EvidenceFetchError, type FetchRules } from './guarded-fetch';

/** The capture used to keep a copy (captureEvidence in the product). */
export type CaptureEvidence = (url: string, rules: FetchRules, onProgress?: (step: string) => void) => Promise<CapturedPage>;

/** How a keep runs: the capture, and the fetch rules the reviewer's preference gives. */
export interface KeepContext {
  store: LibraryStore;
  capture: CaptureEvidence;
  rules: FetchRules;
  onProgress?: (step: string) => void;
  /** Told before each link a keep of several links fetches: its place among the links to fetch. */
  onLink?: (link: { index: number; count: number; url: string }) => void;
}

/** How each fetch failure reaches the caller: refused by a rule, or the network not there. */
const FETCH_ERROR_CODES: Record<EvidenceFetchError['code'], ApiErrorCode> = {
  'not-http': 'invalid-input',
  'private-address': 'refused',
  'too-large': 'refused',
  timeout: 'unavailable',
  'too-many-redirects': 'refused',
  'redirect-loop': 'refused',
  offline: 'unavailable',
  cancelled: 'refused',
  'bad-response': 'refused',
};

/** A link that could not be captured, in the words the guarded fetch gave (they say that nothing was kept). */
export class CaptureFailure extends ApiError {
  constructor(
    readonly reason: EvidenceFetchError['code'],
    message: string,
  ) {
    super(FETCH_ERROR_CODES[reason], message);
  }
}

function asApiError(error: unknown): unknown {
  return error instanceof EvidenceFetchError ? new CaptureFailure(error.code, error.message) : error;
}

/** The captured files with names fit for the data folder, each once. */
function filesOf(page: CapturedPage): NewCopyFile[] {
  const used = new Set<string>();
  return page.files.map((file) => {
    let name = storedFileName(file.fileName, file.role);
    for (let count = 2; used.has(name.toLowerCase()); count++) name = storedFileName(`${file.role}-${count}-${file.fileName}`, `${file.role}-${count}`);
    used.add(name.toLowerCase());
    return { role: file.role, fileName: name, mediaType: file.mediaType || 'application/octet-stream', bytes: file.bytes };
  });
}

/** `value` when it is a web address Factmark keeps, else `fallback` (a page may report anything as its address). */
const addressOr = (value: string, fallback: string): string => (isHttpUrl(value) && value.length <= 4096 ? value : fallback);

/**
 * Keeps a copy of evidence item `evidenceId` of claim `claimId`: refuses at once what cannot be
 * kept (a closed or read-only library, a missing item, an attached file), then captures the page
 * and stores it. Nothing is kept when any step fails.
 */
export async function keepEvidence(context: KeepContext, input: { reviewId: string; claimId: string; evidenceId: string }): Promise<{ claim: Claim; evidence: Evidence }> {
  const { store } = context;
  store.assertWritable();
  const review = store.getReview(input.reviewId);
  const claim = review.claims.find((candidate) => candidate.id === input.claimId);
  if (!claim) throw new ApiError('not-found', `That claim is not in “${review.title}” any more (it may have been deleted). Nothing was kept; reload the review.`);
  const item = claim.evidence.find((candidate) => candidate.id === input.evidenceId);
  if (!item) throw new ApiError('not-found', 'That source is no longer listed on the claim (it may have been removed). Nothing was kept; reload the review.');
  if (item.url === '') throw new ApiError('invalid-input', `“${item.title || 'This source'}” is a file you attached: it is its own copy, and there is no address to fetch. Nothing was changed.`);
  let page: CapturedPage;
  try {
    page = await context.capture(item.url, context.rules, context.onProgress);
  } catch (error) {
    throw asApiError(error);
  }
  const { claim: stored, evidence } = await storeEvidenceCopy(store, {
    reviewId: input.reviewId,
    claimId: input.claimId,
    target: { evidenceId: input.evidenceId },
    copy: {
      kind: 'page',
      requestedUrl: item.url,
      finalUrl: addressOr(page.finalUrl, item.url),
      httpStatus: Number.isInteger(page.status) && page.status >= 100 && page.status <= 599 ? page.status : 200,
      contentType: page.contentType.slice(0, 200),
      retrievedAt: new Date(Number.isNaN(Date.parse(page.retrievedAt)) ? Date.now() : Date.parse(page.retrievedAt)).toISOString(),
      title: page.title.slice(0, 2_000),
    },
    files: filesOf(page),
  });
  return { claim: stored, evidence };
}

/** The reason an error gives a reviewer, as one sentence. */
const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Keeps copies of every link of review `reviewId` (of claim `claimId` only, when given), one after
 * another, each stored on its own: a failure is reported for its link and the others go on. Links
 * with a copy already are skipped unless `again`. `cancelled()` stops before the next link.
 */
export async function keepAllEvidence(context: KeepContext, input: { reviewId: string; claimId?: string; again: boolean }, cancelled: () => boolean = () => false): Promise<KeepOutcome[]> {
  context.store.assertWritable();
  const review = context.store.getReview(input.reviewId);
  const claims = input.claimId === undefined ? review.claims : review.claims.filter((claim) => claim.id === input.claimId);
  if (input.claimId !== undefined && claims.length === 0)
    throw new ApiError('not-found', `That claim is not in “${review.title}” any more (it may have been deleted). Nothing was kept; reload the review.`);
  const results: KeepOutcome[] = [];
  const toFetch = claims.reduce((count, claim) => count + claim.evidence.filter((item) => item.url !== '' && (!item.copy || input.again)).length, 0);
  let fetching = 0;
  for (const claim of [...claims].sort((left, right) => (left.number ?? Infinity) - (right.number ?? Infinity))) {
    for (const item of claim.evidence) {
      if (item.url === '') continue;
      const base = { claimId: claim.id, claimNumber: claim.number ?? null, evidenceId: item.id, url: item.url };
      if (item.copy && !input.again) {
        results.push({ ...base, outcome: 'skipped', reason: `A copy was kept already (${item.copy.kind === 'page' ? item.copy.retrievedAt : item.copy.attachedAt}).`, copy: item.copy });
        continue;
      }
      if (cancelled()) {
        results.push({ ...base, outcome: 'failed', reason: `Keeping copies was cancelled before ${item.url}. Nothing was kept of it.` });
        continue;
      }
      context.onLink?.({ index: ++fetching, count: toFetch, url: item.url });
      try {
        const kept = await keepEvidence(context, { reviewId: input.reviewId, claimId: claim.id, evidenceId: item.id });
        results.push({ ...base, outcome: 'kept', reason: '', ...(kept.evidence.copy ? { copy: kept.evidence.copy } : {}) });
      } catch (error) {
        // A library that cannot be written fails every link alike: said once, as the call's error.
        if (error instanceof ApiError && error.code === 'unavailable' && !(error instanceof CaptureFailure)) throw error;
        results.push({ ...base, outcome: 'failed', reason: reasonOf(error) });
      }
    }
  }
  return results;
}

/**
 * Attaches a file the reviewer chose as a new evidence item of the claim: its bytes stored as they
 * are, with their SHA-256 and the time attached; its title is the file's name until they change it.
 */
export async function attachEvidence(
  store: LibraryStore,
  input: { reviewId: string; claimId: string; fileName: string; mediaType: string; bytes: Uint8Array },
  now: Date = new Date(),
): Promise<{ claim: Claim; evidence: Evidence }> {
  const originalName = input.fileName.split(/[\\/]/).pop()?.trim() || input.fileName.trim();
  const { claim, evidence } = await storeEvidenceCopy(store, {
    reviewId: input.reviewId,
    claimId: input.claimId,
    target: { newItem: { id: randomUUID(), title: originalName.slice(0, 2_000), note: '', stance: 'unset', accessedAt: now.toISOString().slice(0, 10) } },
    copy: { kind: 'file', originalName: originalName.slice(0, 260), attachedAt: now.toISOString() },
    files: [{ role: 'original', fileName: storedFileName(originalName), mediaType: input.mediaType, bytes: input.bytes }],
  });
  return { claim, evidence };
}
