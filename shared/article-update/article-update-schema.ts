/**
 * What Update article answers, for a preview and for the update itself: the word diff of the two
 * texts, what happened to each claim, and the version the newer article becomes.
 */
import { z } from 'zod';
import { ArticleUpdateCounts, ArticleVersion } from '../model/article-version';
import { Id } from '../model/primitives';
import { Review } from '../model/review';
import { MAX_ARTICLE_SOURCE_CHARS } from '../model/storage-limits';

/** What became of one claim: same words in place, moved, on edited words, not placed, or without a place before the update too. */
export const CLAIM_OUTCOME_KINDS = ['unchanged', 'moved', 'changed', 'orphaned', 'unplaced'] as const;

export const ClaimOutcome = z.object({
  claimId: Id,
  number: z.number().int().positive().optional(),
  verdictId: z.string().nullable(),
  kind: z.enum(CLAIM_OUTCOME_KINDS),
  /** The claim's words in the article before the update. */
  quote: z.string(),
  /** The words it is placed on now, when the outlet edited them. */
  newQuote: z.string().optional(),
  /** True when the claim needs a reviewer's look (it is listed under Needs attention). */
  flagged: z.boolean(),
  /** Why, in a sentence; '' when nothing is flagged. */
  detail: z.string(),
});
export type ClaimOutcome = z.infer<typeof ClaimOutcome>;

/** A run of the compared text (see shared/article/text-changes). */
export const TextPartSchema = z.object({
  kind: z.enum(['same', 'inserted', 'deleted']),
  text: z.string(),
});
export const TextChangeSchema = z.object({
  before: z.string(),
  after: z.string(),
  contextBefore: z.string(),
  contextAfter: z.string(),
});

/** The newer version as the reviewer hands it over: pasted content, or a file's bytes. */
export const ArticleUpdateSource = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('pasted'),
      format: z.enum(['text', 'markdown', 'html']),
      body: z.string().min(1, 'is empty').max(MAX_ARTICLE_SOURCE_CHARS),
    })
    .strict(),
  z
    .object({
      kind: z.literal('file'),
      fileName: z.string().min(1).max(260),
      /** The file's bytes in base64; 50 MB of file at most. */
      base64: z.string().max(70_000_000, 'is larger than 50 MB; Factmark does not import files that large'),
      /** An encoding to read a text or web page file with, instead of detecting it. */
      encoding: z.string().max(40).optional(),
    })
    .strict(),
]);
export type ArticleUpdateSource = z.infer<typeof ArticleUpdateSource>;

export const ArticleUpdateResult = z.object({
  reviewId: Id,
  /** The version the newer article is (or, for a preview, would be). */
  version: ArticleVersion,
  /** The version the article was before. */
  previousVersion: z.number().int().positive(),
  counts: ArticleUpdateCounts.extend({
    unplaced: z.number().int().nonnegative(),
  }),
  claims: z.array(ClaimOutcome),
  /** The words that changed between the article as it is now and the newer version. */
  diff: z.object({
    parts: z.array(TextPartSchema),
    changes: z.array(TextChangeSchema),
  }),
  /** True when the newer version reads exactly as the article does now (an update would change nothing). */
  sameText: z.boolean(),
  /** Things the reviewer should know about reading the new version (an encoding guess, split paragraphs). */
  notes: z.array(z.string()),
  /** The stored review after the update; null for a preview. */
  review: Review.nullable(),
});
export type ArticleUpdateResult = z.infer<typeof ArticleUpdateResult>;
