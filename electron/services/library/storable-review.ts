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
import { ArticleBlock, ArticleDoc, type DocNode } from '../../../shared/model/article-doc';
import { Claim } from '../../../shared/model/claim';
import { ClaimEvent } from '../../../shared/model/claim-history';
import { Review } from '../../../shared/model/review';
import { Reviewer } from '../../../shared/model/reviewer';
import { compareById } from './changed-records';
import { MAX_CHILDREN_PER_NODE, MAX_CLAIMS, MAX_HISTORY_EVENTS, MAX_REVIEWERS } from '../../../shared/model/storage-limits';

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
function unknownItems<T extends { id: string }>(items: readonly T[], known: readonly T[] | undefined): T[] {
  return known ? compareById(known, items).added : [...items];
}

/** What assertStorable may take as already checked. */
export interface StorableOptions {
  /** The stored version: its objects were checked when written or read. */
  previous?: Review;
  /** The document and claims already went through the same schemas (the API contract parses every call). */
  contractParsed?: boolean;
  /** The article is `previous.doc` with some top-level blocks replaced by these (a save that sent only them). */
  changedBlocks?: readonly DocNode[];
}

/**
 * Refuses an article past a limit. The stored one (`previous.doc`) was checked when it was
 * written or read; of one that differs from it only in `changedBlocks`, only those are read.
 */
function assertStorableArticle(review: Review, options: StorableOptions): void {
  if (review.doc === options.previous?.doc) return;
  const blocks = options.changedBlocks;
  if (blocks) {
    // Past the top-level limit the whole-document check says so in its own words, at once.
    const tooMany = (review.doc.content?.length ?? 0) > MAX_CHILDREN_PER_NODE ? articleLimitProblem(review.doc) : null;
    const problem = tooMany ?? articleLimitProblem({ type: 'doc', content: [...blocks] });
    if (problem) refuse(problem);
    if (!options.contractParsed) {
      const parsed = z.array(ArticleBlock).safeParse(blocks);
      if (!parsed.success) refuse(describe(parsed.error, 'The article'));
    }
    return;
  }
  const docProblem = articleLimitProblem(review.doc);
  if (docProblem) refuse(docProblem);
  if (!options.contractParsed) {
    const doc = ArticleDoc.safeParse(review.doc);
    if (!doc.success) refuse(describe(doc.error, 'The article'));
  }
}

/** Throws ApiError('invalid-input') saying what goes past a limit, unless `review` can be written and read back. */
export function assertStorable(review: Review, options: StorableOptions = {}): void {
  const meta = ReviewMeta.safeParse(review);
  if (!meta.success) refuse(describe(meta.error, 'The review'));
  assertStorableArticle(review, options);
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
