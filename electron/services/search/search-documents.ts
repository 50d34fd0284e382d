/**
 * What the search index holds of a review: one document per claim and one for the review itself
 * (title and article), with the facts filters and hits need. Built from a Review alone, so the
 * library, a benchmark and a test build the same documents.
 */
import { readArticleText, type ClaimSpan } from '../../../shared/article/claim-spans';
import type { Claim, ClaimStatus } from '../../../shared/model/claim';
import { DEFAULT_SCALE, findVerdict } from '../../../shared/model/rating-scale';
import type { Review } from '../../../shared/model/review';
import { SEARCH_FIELDS, type SearchField, type ShownVerdict } from '../../../shared/search/search-schema';
import { foldWord, searchTokenize } from '../../../shared/search/search-words';

/**
 * The index's fields. A claim document does not repeat its review's title: that was 15 % of all
 * the words indexed for little use (a query with words of the title finds the review itself).
 */
export const INDEX_FIELDS = SEARCH_FIELDS;
export type IndexField = SearchField;

/** Joins short parts of one field so a snippet reads them apart. */
const PART_SEPARATOR = ' · ';

/** One indexed document: its id, its fields' stored text, and what filters and hits read. */
export interface SearchDocument {
  id: string;
  fields: Partial<Record<IndexField, string>>;
  meta: DocumentMeta;
}

/** What a hit shows and the filters test, kept in memory beside the index (never persisted: rebuilt from the review). */
export interface DocumentMeta {
  reviewId: string;
  reviewTitle: string;
  /** Null for the review's own document (title and article). */
  claimId: string | null;
  claimNumber: number | null;
  verdict: ShownVerdict | null;
  /** The verdict's id and label folded, for the verdict filter. */
  verdictKeys: string[];
  status: ClaimStatus | null;
  claimant: string;
  /** The claimant folded word by word, joined by single spaces, for the claimant filter. */
  claimantKey: string;
  tags: string[];
  tagKeys: string[];
  /** YYYY-MM-DD: the claim's date, else the article's, else when the review was made. */
  date: string;
}

/** A text reduced for comparing names and labels: words folded, joined by one space. */
export function foldPhrase(text: string): string {
  return searchTokenize(text)
    .map(foldWord)
    .filter((word) => word !== '')
    .join(' ');
}

/** The id of review `reviewId`'s own document. */
export const reviewDocumentId = (reviewId: string): string => `r:${reviewId}`;
/** The id of a claim's document. */
export const claimDocumentId = (reviewId: string, claimId: string): string => `c:${reviewId}:${claimId}`;

/** The claim's words: as the article has them, else as its history first recorded them. */
function claimQuotesOf(review: Review, spans: readonly ClaimSpan[]): Map<string, string> {
  const quotes = new Map<string, string>();
  for (const event of review.history) if (event.kind === 'created' && event.quote && !quotes.has(event.claimId)) quotes.set(event.claimId, event.quote);
  for (const span of spans) quotes.set(span.claimId, span.quote);
  return quotes;
}

function claimDocument(review: Review, claim: Claim, quote: string, reviewDate: string, kept: ReadonlyMap<string, string>): SearchDocument {
  const scale = review.scale ?? DEFAULT_SCALE;
  const verdict = findVerdict(scale, claim.verdictId);
  const evidence = claim.evidence.flatMap((item) => [item.title, item.note, item.copy ? (kept.get(item.copy.id) ?? '') : '']).filter((part) => part.trim() !== '');
  return {
    id: claimDocumentId(review.id, claim.id),
    fields: {
      quote,
      summary: claim.summary,
      rationale: claim.rationale,
      claimant: claim.claimant,
      tags: claim.tags.join(PART_SEPARATOR),
      evidence: evidence.join(PART_SEPARATOR),
    },
    meta: {
      reviewId: review.id,
      reviewTitle: review.title,
      claimId: claim.id,
      claimNumber: claim.number ?? null,
      verdict: verdict ? { id: verdict.id, label: verdict.label, color: verdict.color } : null,
      verdictKeys: verdict ? [foldPhrase(verdict.id), foldPhrase(verdict.label)] : [],
      status: claim.status,
      claimant: claim.claimant,
      claimantKey: foldPhrase(claim.claimant),
      tags: claim.tags,
      tagKeys: claim.tags.map(foldPhrase),
      date: claim.claimDate || reviewDate,
    },
  };
}

/**
 * The documents of `review`: its own first, then one per claim. `kept` gives the text of each page
 * copy (by copy id), indexed with its source's title and note.
 */
export function reviewDocuments(review: Review, kept: ReadonlyMap<string, string> = new Map()): SearchDocument[] {
  const reviewDate = review.publishedAt || review.createdAt.slice(0, 10);
  const article = readArticleText(review.doc);
  const quotes = claimQuotesOf(review, article.spans);
  const own: SearchDocument = {
    id: reviewDocumentId(review.id),
    fields: {
      title: [review.title, review.outlet, review.byline].filter((part) => part.trim() !== '').join(PART_SEPARATOR),
      article: article.text,
    },
    meta: {
      reviewId: review.id,
      reviewTitle: review.title,
      claimId: null,
      claimNumber: null,
      verdict: null,
      verdictKeys: [],
      status: null,
      claimant: '',
      claimantKey: '',
      tags: [],
      tagKeys: [],
      date: reviewDate,
    },
  };
  return [own, ...review.claims.map((claim) => claimDocument(review, claim, quotes.get(claim.id) ?? '', reviewDate, kept))];
}
