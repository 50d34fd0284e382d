/**
 * Answers a library search over a LibraryIndex: the query's words through the word rule, the
 * filters, ranking, and a snippet for each hit shown.
 */
import type { Query, SearchResult } from 'minisearch';
import type { SearchFilters, SearchHit, SearchQuery, SearchResults } from '../../../shared/search/search-schema';
import { SearchQuery as SearchQuerySchema } from '../../../shared/search/search-schema';
import { matchRanges, searchTokenize, wordForms } from '../../../shared/search/search-words';
import { FIELD_BOOSTS, type IndexedDocument, type LibraryIndex } from './library-index';
import { foldPhrase, INDEX_FIELDS, type IndexField } from './search-documents';
import { makeSnippet, SNIPPET_LENGTH } from './search-snippet';
import { isStopWord } from '../../../shared/search/stop-words';

/** The article text of a review, for snippets from the article (read only for hits shown). */
export type ArticleTextOf = (reviewId: string) => string;

/** Partial words: a word of at least this many letters also finds longer words it starts. */
const PREFIX_FROM = 3;
/** ...or, for a word before the last (already typed in full, most likely), of at least this many. */
const PREFIX_FROM_EARLIER_WORD = 5;
/** Typos: a word of at least this many letters also finds words one letter away... */
const FUZZY_FROM = 5;
/** ...unless the query is longer than this, when its many words narrow it enough (and fuzzy costs most). */
const FUZZY_UP_TO_WORDS = 4;
/**
 * Typos are looked for only when the words as typed find fewer hits than this: a fuzzy search
 * walks the whole dictionary and was most of a query's time, for hits that rank below the exact ones anyway.
 */
const FUZZY_BELOW_HITS = 5;
/** Exact matches weigh 1; these keep fuzzy and prefix matches from drowning them. */
const WEIGHTS = { fuzzy: 0.25, prefix: 0.4 };

/** The query tree of `text`: every word must match, each through any of its forms; `fuzzy` also finds words one letter away. */
export function queryTree(words: readonly string[], fuzzy = true): Query {
  const fuzzyAllowed = fuzzy && words.length <= FUZZY_UP_TO_WORDS;
  return {
    combineWith: 'AND',
    queries: words.map((word, position): Query => {
      const [whole = '', ...stems] = wordForms(word);
      const digits = /^\d+$/.test(whole);
      const prefixFrom = position === words.length - 1 ? PREFIX_FROM : PREFIX_FROM_EARLIER_WORD;
      const exactWhole: Query = {
        queries: [whole],
        prefix: !digits && whole.length >= prefixFrom,
        fuzzy: fuzzyAllowed && !digits && whole.length >= FUZZY_FROM ? 1 : false,
      };
      // A form without its prefix is matched exactly: its stem is already a guess.
      return stems.length === 0
        ? exactWhole
        : {
            combineWith: 'OR',
            queries: [exactWhole, { queries: stems, prefix: false, fuzzy: false }],
          };
    }),
  };
}

/**
 * The distinct words of a query, by their folded form, without the words too common to be
 * indexed (a query of nothing but those keeps them, and finds nothing rather than everything).
 */
export function queryWords(text: string): string[] {
  const seen = new Set<string>();
  const words = searchTokenize(text).filter((word) => {
    const folded = wordForms(word)[0];
    if (folded === undefined || seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
  const meaningful = words.filter((word) => !isStopWord(wordForms(word)[0] ?? ''));
  return meaningful.length > 0 ? meaningful : words;
}

const claimOnly = (filters: SearchFilters): boolean => filters.verdicts.length > 0 || filters.statuses.length > 0 || filters.tags.length > 0 || filters.claimant !== '';

/** A test of a document's meta against `filters`. */
export function filterTest(filters: SearchFilters): (document: IndexedDocument) => boolean {
  const verdicts = new Set(filters.verdicts.map(foldPhrase));
  const statuses = new Set(filters.statuses);
  const tags = new Set(filters.tags.map(foldPhrase));
  const claimant = foldPhrase(filters.claimant);
  const onlyClaims = claimOnly(filters);
  return ({ meta }) => {
    if (onlyClaims && meta.claimId === null) return false;
    if (verdicts.size > 0 && !meta.verdictKeys.some((key) => verdicts.has(key))) return false;
    if (statuses.size > 0 && (meta.status === null || !statuses.has(meta.status))) return false;
    if (tags.size > 0 && !meta.tagKeys.some((key) => tags.has(key))) return false;
    if (claimant !== '' && !` ${meta.claimantKey} `.includes(` ${claimant}`)) return false;
    if (filters.from !== '' && meta.date < filters.from) return false;
    if (filters.to !== '' && meta.date > filters.to) return false;
    return true;
  };
}

/** The field whose matches weigh most, by the boosts of the fields each matched term was found in. */
function bestField(result: SearchResult): IndexField {
  const weights = new Map<IndexField, number>();
  for (const fields of Object.values(result.match)) for (const field of fields as IndexField[]) weights.set(field, (weights.get(field) ?? 0) + FIELD_BOOSTS[field]);
  let best: IndexField = 'quote';
  let bestWeight = -1;
  for (const [field, weight] of weights) {
    if (weight > bestWeight || (weight === bestWeight && INDEX_FIELDS.indexOf(field) < INDEX_FIELDS.indexOf(best))) {
      best = field;
      bestWeight = weight;
    }
  }
  return best;
}

function hitOf(
  index: LibraryIndex,
  documentId: string,
  score: number,
  fields: IndexField[],
  snippetField: IndexField | null,
  terms: ReadonlySet<string>,
  articleText: ArticleTextOf,
): SearchHit | undefined {
  const document = index.document(documentId);
  if (!document) return undefined;
  const { meta } = document;
  const text =
    snippetField === 'article' ? articleText(meta.reviewId) : snippetField ? (document.fields[snippetField] ?? '') : document.fields.quote || document.fields.summary || document.fields.title || '';
  // Past a few thousand matched words the densest cluster is surely among them; an article may be megabytes.
  const snippet = makeSnippet(text, matchRanges(text, terms, 2_000), SNIPPET_LENGTH);
  return {
    reviewId: meta.reviewId,
    reviewTitle: meta.reviewTitle,
    claimId: meta.claimId,
    claimNumber: meta.claimNumber,
    fields: [...new Set(fields)],
    snippet,
    verdict: meta.verdict,
    status: meta.status,
    claimant: meta.claimant,
    tags: meta.tags,
    date: meta.date,
    score,
  };
}

/** Runs `input` (as the contract gives it) against `index`. */
export function searchLibrary(index: LibraryIndex, input: SearchQuery, articleText: ArticleTextOf): SearchResults {
  const { query, filters, limit, offset } = SearchQuerySchema.parse(input);
  const passes = filterTest(filters);
  const words = queryWords(query);
  if (words.length === 0) {
    // No words: the claims the filters leave, newest first.
    const listed = [...index.entries()].filter(([, document]) => document.meta.claimId !== null && passes(document));
    listed.sort(
      ([leftId, left], [rightId, right]) =>
        right.meta.date.localeCompare(left.meta.date) ||
        left.meta.reviewId.localeCompare(right.meta.reviewId) ||
        (left.meta.claimNumber ?? 0) - (right.meta.claimNumber ?? 0) ||
        leftId.localeCompare(rightId),
    );
    const hits = listed.slice(offset, offset + limit).flatMap(([id]) => hitOf(index, id, 0, [], null, new Set(), articleText) ?? []);
    return { total: listed.length, hits };
  }
  const filtered = claimOnly(filters) || filters.from !== '' || filters.to !== '';
  const searchOptions = {
    weights: WEIGHTS,
    // Looking up every hit's facts was a tenth of a query's time: only done when a filter needs them.
    ...(filtered
      ? {
          filter: (result: SearchResult) => {
            const document = index.document(result.id as string);
            return document !== undefined && passes(document);
          },
        }
      : {}),
  };
  const asTyped = index.mini.search(queryTree(words, false), searchOptions);
  const results = asTyped.length >= FUZZY_BELOW_HITS ? asTyped : index.mini.search(queryTree(words, true), searchOptions);
  const hits = results.slice(offset, offset + limit).flatMap((result) => {
    const fields = [...new Set(Object.values(result.match).flat())] as IndexField[];
    return hitOf(index, result.id as string, result.score, fields, bestField(result), new Set(result.terms), articleText) ?? [];
  });
  return { total: results.length, hits };
}
