/**
 * "Checked before": claims of other reviews, already given a verdict, worded close to a claim
 * being marked. The index finds candidates (any shared word form, in claim words or summaries),
 * then each is scored by wording similarity (see wording-similarity for the measure and why),
 * and only those at or above the threshold are offered.
 */
import { wordForms, wordKey } from '../../../shared/search/search-words';
import type { LibraryIndex } from './library-index';
import { queryWords } from './library-query';
import { readWording, wordingSimilarity } from './wording-similarity';
import type { DocumentMeta } from './search-documents';

/**
 * The least similarity offered. Chosen on fixtures/checked-before-pairs.json: every reworded pair
 * there scores above it and unrelated claims on the same topic below (the bench prints the
 * figures; the unit test holds the precision floor).
 */
export const CHECKED_BEFORE_THRESHOLD = 0.6;
/** Candidates re-scored: the index ranks the right one far above this when its words are there. */
const CANDIDATES = 60;
/** Words that find candidates: the rarest of the text carry its meaning... */
const MAX_QUERY_WORDS = 12;
/** ...and a word in more than this share of claims ("the", "في") finds too many to score quickly. */
const MAX_WORD_SHARE = 0.02;

/** A claim worded like the one asked about, with its similarity. */
export interface SimilarClaim {
  documentId: string;
  meta: DocumentMeta & { claimId: string };
  quote: string;
  summary: string;
  similarity: number;
}

/** Scores how close a candidate's text is to the text asked about (0–1). */
export type WordingMeasure = (candidateText: string) => number;

/** The measure "checked before" uses: IDF-weighted word Dice against `text` (see wording-similarity). */
export function wordingMeasure(index: LibraryIndex, text: string): WordingMeasure {
  const asked = readWording(text, index);
  return (candidateText) => wordingSimilarity(asked, readWording(candidateText, index));
}

/**
 * Every candidate the index finds for `text` (claims with a verdict outside `excludeReviewId`
 * sharing a word form in their words or summary), scored by `measure` on the closer of the two,
 * best first; no threshold.
 */
export function rankSimilarClaims(index: LibraryIndex, text: string, options: { excludeReviewId?: string; measure?: WordingMeasure } = {}): SimilarClaim[] {
  const measure = options.measure ?? wordingMeasure(index, text);
  // Below 500 claims every word is kept: the shares of a small library say little.
  const common = Math.max(25, index.claims() * MAX_WORD_SHARE);
  const words = queryWords(text)
    .map((word) => ({ word, frequency: index.frequency(wordKey(word)) }))
    .filter(({ frequency }) => frequency <= common)
    .sort((left, right) => left.frequency - right.frequency)
    .slice(0, MAX_QUERY_WORDS)
    .map(({ word }) => word);
  const terms = [...new Set(words.flatMap(wordForms))];
  if (terms.length === 0) return [];
  const candidates = index.mini.search(
    { combineWith: 'OR', queries: terms },
    {
      fields: ['quote', 'summary'],
      prefix: false,
      fuzzy: false,
      filter: (result) => {
        const meta = index.document(result.id as string)?.meta;
        return meta !== undefined && meta.claimId !== null && meta.verdict !== null && meta.reviewId !== options.excludeReviewId;
      },
    },
  );
  const similar: SimilarClaim[] = [];
  for (const candidate of candidates.slice(0, CANDIDATES)) {
    const document = index.document(candidate.id as string);
    if (!document || document.meta.claimId === null) continue;
    const quote = document.fields.quote ?? '';
    const summary = document.fields.summary ?? '';
    const similarity = Math.max(quote ? measure(quote) : 0, summary ? measure(summary) : 0);
    similar.push({
      documentId: candidate.id as string,
      meta: { ...document.meta, claimId: document.meta.claimId },
      quote,
      summary,
      similarity,
    });
  }
  return similar.sort((left, right) => right.similarity - left.similarity || left.documentId.localeCompare(right.documentId));
}

/**
 * Claims with a verdict, outside review `excludeReviewId`, whose quote or summary is worded like
 * `text`: best first, at most `limit`, none below `threshold` (CHECKED_BEFORE_THRESHOLD).
 */
export function findCheckedBefore(index: LibraryIndex, text: string, options: { excludeReviewId?: string; limit: number; threshold?: number }): SimilarClaim[] {
  const threshold = options.threshold ?? CHECKED_BEFORE_THRESHOLD;
  return rankSimilarClaims(index, text, options.excludeReviewId ? { excludeReviewId: options.excludeReviewId } : {})
    .filter((claim) => claim.similarity >= threshold)
    .slice(0, options.limit);
}
