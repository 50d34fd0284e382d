/**
 * The versions of a review's article: the one first imported, then each newer version the outlet
 * published and the reviewer brought in with Update article. The list lives in the review; each
 * version's article is kept in the data folder (originals/<review id>/).
 */
import { z } from 'zod';
import { Timestamp } from './primitives';
import { MAX_ARTICLE_VERSIONS } from './storage-limits';

/** How a version came in: a pasted text, a document file, or a saved web page (.html). */
export const ARTICLE_VERSION_SOURCES = ['paste', 'file', 'page'] as const;
export const ArticleVersionSource = z.enum(ARTICLE_VERSION_SOURCES);
export type ArticleVersionSource = z.infer<typeof ArticleVersionSource>;

/** What an update did to the claims, counted when it was made. */
export const ArticleUpdateCounts = z
  .object({
    /** Same words in the same place. */
    unchanged: z.number().int().nonnegative(),
    /** Same words, at another place (text before them changed, or found elsewhere). */
    moved: z.number().int().nonnegative(),
    /** Placed on words the outlet edited. */
    changed: z.number().int().nonnegative(),
    /** Not placed: their words are gone, or the evidence for a place was too weak. */
    orphaned: z.number().int().nonnegative(),
    /** Claims flagged by the update for a reviewer's look (changed, orphaned, or found elsewhere): the claims affected. */
    affected: z.number().int().nonnegative(),
    /** Some claim had a verdict before the update: the article changed after the check (reports say so). */
    afterCheck: z.boolean(),
  })
  .strict();
export type ArticleUpdateCounts = z.infer<typeof ArticleUpdateCounts>;

export const ArticleVersion = z
  .object({
    /** 1 for the article as first imported, then 2, 3, … */
    number: z.number().int().positive().max(MAX_ARTICLE_VERSIONS),
    importedAt: Timestamp,
    /** SHA-256 (lowercase hex) of the file's bytes, or of a pasted text's UTF-8 bytes. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    source: ArticleVersionSource,
    /** The file's name, without its folder (a file or a saved page). */
    fileName: z.string().max(260).optional(),
    /** Characters of the article's plain text (UTF-16 code units, no normalisation, blocks joined by one "\n"). */
    characters: z.number().int().nonnegative(),
    /** For versions 2 and up: what bringing this version in did to the claims. */
    update: ArticleUpdateCounts.optional(),
  })
  .strict();
export type ArticleVersion = z.infer<typeof ArticleVersion>;

/** The versions, numbered from 1 in order, without gaps: what a stored list must be. */
export const ArticleVersions = z
  .array(ArticleVersion)
  .max(MAX_ARTICLE_VERSIONS)
  .refine((versions) => versions.every((version, index) => version.number === index + 1), 'must be numbered 1, 2, 3… in order');

/** The latest update made after claims had been checked, if any: what reports mention. */
export function updateAfterCheck(versions: readonly ArticleVersion[] | undefined): ArticleVersion | undefined {
  return [...(versions ?? [])].reverse().find((version) => version.update?.afterCheck);
}
