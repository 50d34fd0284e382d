/**
 * "Checked before": takes the verdict, rationale and evidence of a claim already checked in
 * another review into a claim being checked now, as one save of that review whose history says
 * where the values came from.
 */
import { randomUUID } from 'node:crypto';
import equal from 'fast-deep-equal';
import { ApiError } from '../../../shared/api/envelope';
import { MAX_EVIDENCE_ITEMS, type Claim, type Evidence } from '../../../shared/model/claim';
import type { CopiedFrom } from '../../../shared/model/claim-history';
import { LongText } from '../../../shared/model/primitives';
import { findVerdict, type RatingScale } from '../../../shared/model/rating-scale';
import type { Review } from '../../../shared/model/review';
import type { LibraryStore } from '../library';

/** Which claim to copy into which. */
export interface CopyFromClaimInput {
  id: string;
  claimId: string;
  from: { reviewId: string; claimId: string };
}

/** The longest rationale a claim holds (the Claim schema's bound). */
const MAX_RATIONALE = LongText.maxLength ?? 200_000;

/** The same words for a verdict label whatever their case or Unicode form. */
function labelKey(label: string): string {
  return label.normalize('NFC').trim().toLocaleLowerCase();
}

/**
 * The verdict of `target` meaning what `verdictId` means on `source`: the same id, else the same
 * label (case ignored); a refusal naming both when the target's scale has neither.
 */
export function matchingVerdictId(verdictId: string, source: RatingScale, target: RatingScale, sourceTitle: string): string {
  if (findVerdict(target, verdictId)) return verdictId;
  const label = findVerdict(source, verdictId)?.label ?? verdictId;
  const sameLabel = target.verdicts.find((verdict) => labelKey(verdict.label) === labelKey(label));
  if (sameLabel) return sameLabel.id;
  throw new ApiError(
    'refused',
    `The verdict “${label}” of “${sourceTitle}” is not on this review’s scale (${target.name}: ${target.verdicts.map((verdict) => verdict.label).join(', ')}). Nothing was changed; choose the verdict yourself.`,
  );
}

/**
 * The reviewer's own words, then the earlier rationale below them: a journalist who has started
 * notes on the claim keeps every word and edits the two into one, rather than being refused and
 * copying by hand. An earlier rationale already there is not added twice.
 */
export function joinedRationale(own: string, copied: string): string {
  if (copied.trim() === '') return own;
  if (own.trim() === '') return copied;
  if (own.includes(copied.trim())) return own;
  return `${own.trimEnd()}\n\n${copied}`;
}

/** What makes two sources the same: the address, or for an attached file its contents. */
const sourceKey = (item: Evidence): string => (item.url !== '' ? item.url : `file:${item.copy?.files.map((file) => file.sha256).join(',') ?? item.id}`);

/** The target's evidence with the source's items whose address (or attached file) it does not list yet, each under a new id. */
export function joinedEvidence(own: readonly Evidence[], copied: readonly Evidence[]): Evidence[] {
  const addresses = new Set(own.map(sourceKey));
  const added: Evidence[] = [];
  for (const item of copied) {
    if (addresses.has(sourceKey(item))) continue;
    addresses.add(sourceKey(item));
    // A new id: evidence merges item by item across copies, and the item now lives in another claim.
    added.push({ ...item, id: randomUUID() });
  }
  return [...own, ...added];
}

function claimIn(review: Review, claimId: string): Claim | undefined {
  return review.claims.find((claim) => claim.id === claimId);
}

/** `target` with the source claim's values, or the reason it cannot take them. */
function copiedClaim(target: Claim, source: Claim, verdictId: string, sourceTitle: string, now: string): Claim {
  if (target.verdictId !== null && target.verdictId !== verdictId) {
    throw new ApiError('refused', `This claim already has another verdict. Nothing was changed; clear its verdict first if the verdict of “${sourceTitle}” should replace it.`);
  }
  const rationale = joinedRationale(target.rationale, source.rationale);
  if (rationale.length > MAX_RATIONALE) {
    throw new ApiError('refused', `This claim’s rationale and the one of “${sourceTitle}” together are longer than a rationale can be (${MAX_RATIONALE.toLocaleString('en')} characters). Nothing was changed; shorten this claim’s rationale first.`);
  }
  const evidence = joinedEvidence(target.evidence, source.evidence);
  if (evidence.length > MAX_EVIDENCE_ITEMS) {
    throw new ApiError('refused', `This claim’s sources and those of “${sourceTitle}” together are more than a claim can list (${MAX_EVIDENCE_ITEMS}). Nothing was changed; remove some sources first.`);
  }
  return { ...target, verdictId, rationale, evidence, updatedAt: now };
}

/**
 * Copies claim `from` into claim `claimId` of review `id` and returns the claim as stored. One
 * write through the library store; a refusal writes nothing, and values already there write nothing.
 */
export async function copyFromClaim(store: LibraryStore, input: CopyFromClaimInput, now = new Date()): Promise<{ claim: Claim }> {
  if (input.id === input.from.reviewId && input.claimId === input.from.claimId) {
    throw new ApiError('invalid-input', 'A claim cannot be copied onto itself; nothing was changed.');
  }
  const sourceReview = store.getReview(input.from.reviewId);
  const source = claimIn(sourceReview, input.from.claimId);
  if (!source) throw new ApiError('not-found', `That claim is no longer in “${sourceReview.title}” (it may have been deleted). Nothing was changed.`);
  const sourceVerdictId = source.verdictId;
  if (sourceVerdictId === null) {
    const name = source.number === undefined ? 'That claim' : `Claim #${source.number}`;
    throw new ApiError('refused', `${name} of “${sourceReview.title}” has no verdict to copy. Nothing was changed.`);
  }
  const copiedFrom: CopiedFrom = { reviewId: sourceReview.id, reviewTitle: sourceReview.title, claimId: source.id, ...(source.number !== undefined ? { claimNumber: source.number } : {}) };
  const sourceScale = store.scaleOf(sourceReview);
  // Decided on the review as stored at the moment of writing: nothing awaits between reading and the write.
  const change = (review: Review): { doc: Review['doc']; claims: Claim[]; target: Claim; copied: Claim } => {
    const target = claimIn(review, input.claimId);
    if (!target) throw new ApiError('not-found', 'That claim is not in this review any more; reload the review. Nothing was changed.');
    const verdictId = matchingVerdictId(sourceVerdictId, sourceScale, store.scaleOf(review), sourceReview.title);
    const copied = copiedClaim(target, source, verdictId, sourceReview.title, now.toISOString());
    return { doc: review.doc, claims: review.claims.map((claim) => (claim.id === target.id ? copied : claim)), target, copied };
  };
  const planned = change(store.getReview(input.id));
  const { updatedAt: _was, ...before } = planned.target;
  const { updatedAt: _now, ...after } = planned.copied;
  if (equal(before, after)) return { claim: planned.target };
  // Kept copies of the sources taken from another review go with them into this review's evidence folder.
  const copyIds = planned.copied.evidence.flatMap((item) => (item.copy && !planned.target.evidence.some((own) => own.copy?.id === item.copy?.id) ? [item.copy.id] : []));
  const undo = input.id === sourceReview.id || copyIds.length === 0 ? async () => undefined : await store.copyEvidenceFolders(sourceReview.id, input.id, copyIds);
  const stored = await store.updateReview(input.id, change, { copiedFrom: new Map([[input.claimId, copiedFrom]]) }).catch(async (error: unknown) => {
    await undo();
    throw error;
  });
  const claim = claimIn(stored, input.claimId);
  if (!claim) throw new ApiError('not-found', 'That claim is not in this review any more; reload the review.');
  return { claim };
}
