/**
 * Sharing reviews between data folders: write a share file, open one (adding its review or
 * merging it into this copy), and settle a conflict with the reviewer's choice. Every change
 * goes through the LibraryStore, so a refused file leaves the library exactly as it was.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/envelope';
import { claimState } from '../../../shared/history/claim-state';
import { resolutionEvent } from '../../../shared/history/record-edits';
import type { Claim } from '../../../shared/model/claim';
import type { ClaimFields } from '../../../shared/model/claim-history';
import type { RatingScale } from '../../../shared/model/rating-scale';
import type { Review } from '../../../shared/model/review';
import { claimQuotes } from '../../../shared/article/claim-spans';
import { mergeShare, conflictNotes } from '../../../shared/share-file/merge-share';
import type { MergeReport } from '../../../shared/share-file/merge-report';
import { reviewFromShare, shareContentOf } from '../../../shared/share-file/share-review';
import type { ShareFile } from '../../../shared/share-file/share-file-schema';
import type { ChannelOutput } from '../../../shared/api/contract';
import type { SignatureCheck } from '../../../shared/model/reviewer';
import { explainWriteFailure } from '../library/write-failure';
import { fingerprintOf, readSigningKey, signingKeyFor } from './signing-key';
import type { LibraryStore } from '../library';
import { decodeShareFile, encodeShareFile, sha256Hex, shareFileName } from './share-file-codec';
import { MAX_SHARE_FILE_BYTES } from '../../../shared/share-file/share-file-schema';
import type { EvidenceShareSize, RefusedEvidenceCopy } from '../../../shared/share-file/shared-evidence';
import { evidenceFilesToShare, evidenceShareSize, receiveEvidenceCopies } from './share-evidence';

export interface ShareContext {
  store: LibraryStore;
  generator: string;
  now?: () => Date;
}

const clock = (context: ShareContext): Date => (context.now ?? (() => new Date()))();

/** The kept copies a share file carried: how many copies, and those left out with why. */
export interface SharedCopies {
  included: number;
  leftOut: RefusedEvidenceCopy[];
}

/**
 * A share file of review `id`; the review remembers when it was shared, so shared events are never
 * amended. With `includeEvidenceCopies`, the claims' kept copies travel in it as far as the
 * loader's size limit allows; the file written always passes that limit.
 */
export async function shareReview(
  context: ShareContext,
  id: string,
  options: { includeEvidenceCopies?: boolean } = {},
): Promise<{ fileName: string; bytes: Uint8Array; evidenceCopies?: SharedCopies }> {
  const { store } = context;
  const review = store.withFullHistory(store.getReview(id));
  const key = await signingKeyFor(store.dataDir, store.reviewer().id, clock(context)).catch((error: unknown) => {
    throw explainWriteFailure(error, store.dataDir);
  });
  const content = shareContentOf({ review, scale: store.scaleOf(review), sharedBy: store.reviewer(), now: clock(context), generator: context.generator, sha256: sha256Hex });
  let evidenceCopies: SharedCopies | undefined;
  let bytes: Uint8Array;
  if (options.includeEvidenceCopies) {
    const shared = await evidenceFilesToShare(store.dataDir, review, encodeShareFile(content).byteLength);
    const included = new Set(shared.files.map((file) => file.copyId)).size;
    evidenceCopies = { included, leftOut: shared.leftOut };
    bytes = encodeShareFile(included > 0 ? { ...content, evidenceFiles: shared.files } : content, key.sign);
    // The margin makes this unreachable; were it reached, a file its own loader refuses must still never be written.
    if (bytes.byteLength > MAX_SHARE_FILE_BYTES)
      throw new ApiError('internal', 'The share file with its evidence copies came out larger than a share file may be. Nothing was saved; share without evidence copies.');
  } else bytes = encodeShareFile(content, key.sign);
  await store.putReview({ ...review, reviewers: content.reviewers, sharedAt: content.sharedAt });
  return { fileName: shareFileName(review.title), bytes, ...(evidenceCopies ? { evidenceCopies } : {}) };
}

/** What including the kept copies of review `id` would add to its share file: for the size shown before saving. Writes nothing. */
export async function shareEvidenceSize(context: ShareContext, id: string): Promise<EvidenceShareSize> {
  const { store } = context;
  const review = store.withFullHistory(store.getReview(id));
  const content = shareContentOf({ review, scale: store.scaleOf(review), sharedBy: store.reviewer(), now: clock(context), generator: context.generator, sha256: sha256Hex });
  // The signature adds about 200 bytes; the figure is for a person deciding, and the limit keeps a margin for it.
  return evidenceShareSize(store.dataDir, review, encodeShareFile(content).byteLength);
}

/** The verdicts a shared review uses must exist on the scale it will live under here. */
function checkScale(file: ShareFile, scale: RatingScale): void {
  const known = new Set(scale.verdicts.map((verdict) => verdict.id));
  const used = [...new Set([...file.claims.map((claim) => claim.verdictId), ...file.history.map((event) => event.set.verdictId)])].filter((id): id is string => typeof id === 'string');
  const missing = used.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new ApiError('refused', `This share file rates claims as ${missing.map((id) => `"${id}"`).join(', ')}, which your rating scale "${scale.name}" does not have. Nothing was changed.`);
  }
}

function summaryReport(review: Review): MergeReport {
  const quotes = claimQuotes(review.doc);
  const note = (claim: Claim, detail: string, why = claim.attention?.why) => ({ claimId: claim.id, quote: quotes.get(claim.id) ?? claim.attention?.quote ?? '', detail, ...(why ? { why } : {}) });
  return {
    reviewId: review.id,
    title: review.title,
    textChanged: false,
    added: review.claims.filter((claim) => claim.attention?.kind !== 'orphan').map((claim) => note(claim, 'In the shared review.', undefined)),
    updated: [],
    conflicts: conflictNotes(review, quotes),
    orphaned: review.claims.filter((claim) => claim.attention?.kind === 'orphan').map((claim) => note(claim, claim.attention?.detail ?? '')),
    flagged: review.claims.filter((claim) => claim.attention && claim.attention.kind !== 'orphan').map((claim) => note(claim, claim.attention?.detail ?? '')),
    deleted: [],
    kept: [],
    unchanged: 0,
    newEvents: review.history.length,
    // A review new here has nothing of this copy's to gain, lose or agree with.
    signedOff: [],
    signOffWithdrawn: [],
    agreement: null,
  };
}

/** Who signed `file`, judged against this folder's own key and the colleagues' keys it trusts. */
async function checkSignature(store: LibraryStore, file: ShareFile): Promise<SignatureCheck> {
  const signerName = file.sharedBy.name || 'an unnamed reviewer';
  const known = store.knownKeys().find((key) => key.reviewerId === file.sharedBy.id);
  if (!file.signature) return { status: 'unsigned', signerName, fingerprint: null, knownSince: null, signedBefore: known !== undefined };
  const fingerprint = fingerprintOf(file.signature.publicKey);
  const own = await readSigningKey(store.dataDir, store.reviewer().id);
  if (own?.publicKey === file.signature.publicKey) return { status: 'own', signerName, fingerprint, knownSince: own.createdAt, signedBefore: true };
  if (!known) return { status: 'new-key', signerName, fingerprint, knownSince: null, signedBefore: false };
  if (known.publicKey === file.signature.publicKey) return { status: 'known', signerName, fingerprint, knownSince: known.firstSeen, signedBefore: true };
  return { status: 'changed-key', signerName, fingerprint, knownSince: known.firstSeen, signedBefore: true };
}

/** Refuses a merge that would delete claims the reviewer did not confirm, naming them. */
function checkDeletions(report: MergeReport, confirmed: readonly string[], fileName: string): void {
  const agreed = new Set(confirmed);
  const unconfirmed = report.deleted.filter((note) => !agreed.has(note.claimId));
  if (unconfirmed.length === 0) return;
  const quotes = unconfirmed
    .slice(0, 5)
    .map((note) => `“${note.quote.slice(0, 60) || note.claimId}”`)
    .join(', ');
  throw new ApiError(
    'refused',
    `Merging ${fileName} would delete ${unconfirmed.length} ${unconfirmed.length === 1 ? 'claim' : 'claims'} from your copy: ${quotes}${unconfirmed.length > 5 ? ', …' : ''}. Nothing was changed. Confirm the deletions in the merge preview (on the command line: --confirm-deletions) to merge.`,
  );
}

export type OpenedShare = ChannelOutput<'share:open'>;

/**
 * Opens a share file: a review new to this library is added under its own id; one already here
 * is merged into this copy. With `preview`, the outcome is computed and nothing is stored.
 */
export async function openShareFile(
  context: ShareContext,
  input: { bytes: Uint8Array; fileName: string; preview?: boolean; expectReviewId?: string; confirmDeletions?: readonly string[] },
): Promise<OpenedShare> {
  const { store } = context;
  const file = decodeShareFile(input.bytes, input.fileName);
  if (input.expectReviewId && input.expectReviewId !== file.review.id) {
    throw new ApiError('refused', `${input.fileName} holds another review ("${file.review.title}"), not this one. Nothing was changed; open it from the library to add it.`);
  }
  const signature = await checkSignature(store, file);
  // A review keeps its own scale: a new one the file's, one already here the scale it has here.
  const scale = store.hasReview(file.review.id) ? store.scaleOf(store.getReview(file.review.id)) : file.scale;
  const about = { reviewId: file.review.id, title: file.review.title, sharedBy: file.sharedBy.name || 'an unnamed reviewer', sharedAt: file.sharedAt, signature, scale };
  // Trust on first use: a key first met in a file the reviewer chose to open is theirs from now on.
  const trustKey = async (): Promise<void> => {
    if (signature.status === 'new-key' && file.signature)
      await store.rememberKey({ reviewerId: file.sharedBy.id, name: file.sharedBy.name, publicKey: file.signature.publicKey, firstSeen: clock(context).toISOString() });
  };
  if (!store.hasReview(file.review.id)) {
    const review = reviewFromShare(file);
    if (input.preview) {
      const { received } = await receiveEvidenceCopies(store.dataDir, review.id, review.claims, file.evidenceFiles ?? [], true);
      return { ...about, outcome: 'preview', inLibrary: false, report: summaryReport(review), evidenceCopies: received };
    }
    store.assertWritable();
    // Every copy is checked and its files written before the review is stored, and removed again if it cannot be.
    const { received, undo } = await receiveEvidenceCopies(store.dataDir, review.id, review.claims, file.evidenceFiles ?? []).catch((error: unknown) => {
      throw explainWriteFailure(error, store.dataDir);
    });
    try {
      // A colleague's scale new to this library is offered for new reviews too.
      if (!store.scales().some((known) => known.id === file.scale.id)) await store.adoptScale(file.scale);
      await store.putReview(review);
    } catch (error) {
      await undo();
      throw error;
    }
    await trustKey();
    return { ...about, outcome: 'added', inLibrary: false, report: summaryReport(review), evidenceCopies: received };
  }
  const local = store.withFullHistory(store.getReview(file.review.id));
  checkScale(file, store.scaleOf(local));
  const merged = mergeShare(local, file);
  const { report } = merged;
  // Numbers the other copy gave (even to claims it deleted since) are never given again here.
  const review = { ...merged.review, lastClaimNumber: Math.max(merged.review.lastClaimNumber, file.review.lastClaimNumber ?? 0) };
  const changed = report.newEvents > 0 || report.added.length + report.updated.length + report.deleted.length + report.orphaned.length > 0 || local !== store.getReview(file.review.id);
  if (!input.preview) checkDeletions(report, input.confirmDeletions ?? [], input.fileName);
  if (!input.preview) store.assertWritable();
  const { received, undo } = await receiveEvidenceCopies(store.dataDir, review.id, review.claims, file.evidenceFiles ?? [], input.preview).catch((error: unknown) => {
    throw explainWriteFailure(error, store.dataDir);
  });
  if (!input.preview && changed) {
    try {
      await store.putReview({ ...review, updatedAt: clock(context).toISOString() });
    } catch (error) {
      await undo();
      throw error;
    }
  }
  if (!input.preview) await trustKey();
  return { ...about, outcome: input.preview ? 'preview' : 'merged', inLibrary: true, report, evidenceCopies: received };
}

/** Settles conflicts of one claim with the values the reviewer chose; returns the claim as it now is. */
export async function resolveConflict(context: ShareContext, input: { id: string; claimId: string; set: Partial<ClaimFields> }): Promise<{ claim: Claim; remaining: number }> {
  const { store } = context;
  const review = store.withFullHistory(store.getReview(input.id));
  const state = claimState(review.history, input.claimId);
  const current = review.claims.find((claim) => claim.id === input.claimId);
  if (!state || !current) throw new ApiError('not-found', 'That claim is not in this review any more; reload the review.');
  const conflicted = new Set(state.conflicts.map((conflict) => conflict.field));
  const chosen = Object.keys(input.set);
  if (chosen.length === 0 || chosen.some((field) => !conflicted.has(field as keyof ClaimFields))) {
    throw new ApiError('invalid-input', 'Only fields in conflict can be chosen here; the claim changed meanwhile, so reload the review.');
  }
  const now = clock(context);
  const event = resolutionEvent({ claimId: input.claimId, heads: state.heads, set: input.set, author: store.reviewer().id, now, newId: randomUUID });
  const history = [...review.history, event];
  const resolved = claimState(history, input.claimId);
  if (!resolved) throw new ApiError('internal', 'The claim history could not be read after the choice.');
  const claim: Claim = { ...current, ...resolved.fields, updatedAt: now.toISOString() };
  await store.putReview({ ...review, history, claims: review.claims.map((candidate) => (candidate.id === claim.id ? claim : candidate)), updatedAt: now.toISOString() });
  return { claim, remaining: resolved.conflicts.length };
}
