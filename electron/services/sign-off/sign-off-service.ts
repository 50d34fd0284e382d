/**
 * Signing a claim off, and taking a sign-off back, as this data folder's reviewer: each is one
 * history event, so it travels in share files and merges like any other change.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/envelope';
import { signOffHistory, withdrawalHistory } from '../../../shared/history/sign-offs';
import type { Claim } from '../../../shared/model/claim';
import { unionReviewers } from '../../../shared/share-file/merge-share';
import type { LibraryStore } from '../library';

/** Records the change `kind` on claim `claimId` of review `id`; returns the claim as stored. A refusal changes nothing. */
export async function changeSignOff(store: LibraryStore, input: { id: string; claimId: string }, kind: 'sign' | 'withdraw', now = new Date()): Promise<{ claim: Claim }> {
  const stored = store.getReview(input.id);
  const review = store.withFullHistory(stored);
  const reviewer = store.reviewer();
  const change = { review, claimId: input.claimId, reviewerId: reviewer.id, now, newId: randomUUID };
  const result = kind === 'sign' ? signOffHistory(change) : withdrawalHistory(change);
  if ('refusal' in result) throw new ApiError('refused', result.refusal);
  const unchanged = result.history.length === stored.history.length;
  // The signer is named in the review's reviewers, so every copy shows who signed.
  const next = unchanged ? stored : await store.putReview({ ...review, history: result.history, reviewers: unionReviewers([reviewer], review.reviewers), updatedAt: now.toISOString() });
  const claim = next.claims.find((candidate) => candidate.id === input.claimId);
  if (!claim) throw new ApiError('not-found', 'That claim is not in this review any more; reload the review.');
  return { claim };
}
