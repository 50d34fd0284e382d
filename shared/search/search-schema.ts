/**
 * What a search of the library asks and answers, and what "checked before" offers for a new
 * claim: the shapes the renderer, the command line and the search service agree on.
 */
import { z } from 'zod';
import { ClaimStatus } from '../model/claim';
import { Id, OptionalDate } from '../model/primitives';

/** The parts of a review a search looks in, as a hit names the ones that matched. */
export const SEARCH_FIELDS = ['title', 'article', 'quote', 'summary', 'rationale', 'claimant', 'tags', 'evidence'] as const;
export const SearchField = z.enum(SEARCH_FIELDS);
export type SearchField = z.infer<typeof SearchField>;

/** Narrows a search; every filter given must hold (an empty list or '' leaves that one open). */
export const SearchFilters = z
  .object({
    /** Verdicts by label or id, as each review's own scale names them (case and accents ignored). */
    verdicts: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
    statuses: z.array(ClaimStatus).max(10).default([]),
    tags: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
    /** Part of the claimant's name (case, accents and Arabic diacritics ignored). */
    claimant: z.string().trim().max(200).default(''),
    /** A hit's date (the claim's date, else the article's, else when the review was made) from, to: inclusive. */
    from: OptionalDate.default(''),
    to: OptionalDate.default(''),
  })
  .strict();
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchQuery = z
  .object({
    /** Words as a person types them; prefixes, diacritics, case and accents do not matter. May be empty when filters are given. */
    query: z.string().max(500),
    filters: SearchFilters.default({ verdicts: [], statuses: [], tags: [], claimant: '', from: '', to: '' }),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type SearchQuery = z.input<typeof SearchQuery>;

/** A verdict as a hit shows it: its label and colour on the review's own scale. */
export const ShownVerdict = z.object({ id: z.string(), label: z.string(), color: z.string() });
export type ShownVerdict = z.infer<typeof ShownVerdict>;

/** A piece of stored text with the parts that matched, as [start, end) offsets in UTF-16 code units of `text`. */
export const Snippet = z.object({ text: z.string(), highlights: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])) });
export type Snippet = z.infer<typeof Snippet>;

/** One result: a claim (claimId set), or a review whose title or article text matched (claimId null). */
export const SearchHit = z.object({
  reviewId: Id,
  reviewTitle: z.string(),
  claimId: Id.nullable(),
  claimNumber: z.number().int().positive().nullable(),
  fields: z.array(SearchField),
  snippet: Snippet,
  verdict: ShownVerdict.nullable(),
  status: ClaimStatus.nullable(),
  claimant: z.string(),
  tags: z.array(z.string()),
  /** The hit's date as the date filters read it (YYYY-MM-DD). */
  date: z.string(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResults = z.object({ total: z.number().int().nonnegative(), hits: z.array(SearchHit) });
export type SearchResults = z.infer<typeof SearchResults>;

/** A claim already checked in another review whose wording is close to the one being marked. */
export const CheckedBefore = z.object({
  reviewId: Id,
  reviewTitle: z.string(),
  claimId: Id,
  claimNumber: z.number().int().positive().nullable(),
  quote: z.string(),
  summary: z.string(),
  verdict: ShownVerdict,
  /** When that claim's verdict was last set (ISO time). */
  checkedAt: z.string(),
  /** 0–1: how close the wording is, after the search normalisation (1 = the same words). */
  similarity: z.number().min(0).max(1),
});
export type CheckedBefore = z.infer<typeof CheckedBefore>;
