/**
 * The check every review passes before it is written: the same schemas (and so the same limits)
 * the loader reads it with, so a write the app confirmed is never quarantined on the next start.
 * Parts already known to be valid (the stored version's unchanged claims and events, or a
 * document the API contract parsed) are not parsed twice: an autosave of a long review stays cheap.
 */
import { z } from 'zod';
import { describeIssues } from '../../../shared/api/plain-issues';
import { ApiError } from '../../../shared/api/envelope';
import { articleLimitProblem } from '../../../shared/article/article-limits';
import { ArticleDoc } from '../../../shared/model/article-doc';
import { Claim } from '../../../shared/model/claim';
import { ClaimEvent } from '../../../shared/model/claim-history';
import { Review } from '../../../shared/model/review';
import { Reviewer } from '../../../shared/model/reviewer';
import { MAX_CLAIMS, MAX_HISTORY_EVENTS, MAX_REVIEWERS } from '../../../shared/model/storage-limits';

const ReviewMeta = Review.omit({ doc: true, claims: true, history: true, reviewers: true });
const Reviewers = z.array(Reviewer).max(MAX_REVIEWERS);
const count = (value: number): string => value.toLocaleString('en-US');

function refuse(message: string): never {
  throw new ApiError('invalid-input', `${message} Nothing was saved.`);
}

function describe(error: z.ZodError, what: string): string {
  return describeIssues(error, what.toLowerCase(), 1);
}

/** Items of `items` that are not, by identity, in `known`. */
function unknownItems<T extends object>(items: readonly T[], known: readonly T[] | undefined): T[] {
  const seen = new Set<object>(known ?? []);
  return items.filter((item) => !seen.has(item));
}

/**
 * Throws ApiError('invalid-input') saying what goes past a limit, unless `review` can be written
 * and read back. `previous` is the stored version (its objects are valid); `contractParsed` says the
 * document and claims already went through the same schemas (the API contract parses every call).
 */
export function assertStorable(review: Review, options: { previous?: Review; contractParsed?: boolean } = {}): void {
  const meta = ReviewMeta.safeParse(review);
  if (!meta.success) refuse(describe(meta.error, 'The review'));
  const docProblem = articleLimitProblem(review.doc);
  if (docProblem) refuse(docProblem);
  if (!options.contractParsed && review.doc !== options.previous?.doc) {
    const doc = ArticleDoc.safeParse(review.doc);
    if (!doc.success) refuse(describe(doc.error, 'The article'));
  }
  if (review.claims.length > MAX_CLAIMS) refuse(`The review would have ${count(review.claims.length)} claims; one review holds at most ${count(MAX_CLAIMS)}.`);
  for (const claim of options.contractParsed ? [] : unknownItems(review.claims, options.previous?.claims)) {
    const parsed = Claim.safeParse(claim);
    if (!parsed.success) refuse(describe(parsed.error, 'A claim'));
  }
  if (review.history.length > MAX_HISTORY_EVENTS) {
    refuse(`The review's history would have ${count(review.history.length)} events; one review keeps at most ${count(MAX_HISTORY_EVENTS)}. Share the review and continue in a new one.`);
  }
  for (const event of unknownItems(review.history, options.previous?.history)) {
    const parsed = ClaimEvent.safeParse(event);
    if (!parsed.success) refuse(describe(parsed.error, 'A history event'));
  }
  const reviewers = Reviewers.safeParse(review.reviewers);
  if (!reviewers.success) refuse(describe(reviewers.error, 'The reviewers list'));
}
