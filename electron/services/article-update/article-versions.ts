/**
 * The version list of a review's article: as stored once the article has been updated, else the
 * one version there is, described from what the review kept of its first import.
 */
import { createHash } from 'node:crypto';
import { walkArticleText } from '../../../shared/article/claim-spans';
import { removeClaimMarks } from '../../../shared/article/mark-text-range';
import { ApiError } from '../../../shared/api/envelope';
import type { ArticleDoc } from '../../../shared/model/article-doc';
import type { ArticleVersion } from '../../../shared/model/article-version';
import type { LibraryStore } from '../library';

/** The versions and, when the review has no list yet, version 1's article (to keep when it was not kept at import). */
export interface VersionList {
  versions: ArticleVersion[];
  /** Set when version 1's article is not in the data folder yet: the update must keep it. */
  firstToKeep?: ArticleDoc;
}

/** Version 1 described from the review's origin; its article is the first import's, or (older reviews) the article as it is now. */
async function firstVersion(store: LibraryStore, id: string): Promise<VersionList> {
  const review = store.getReview(id);
  const kept = await store.versionArticle(id, 1);
  const doc = kept ?? (removeClaimMarks(review.doc) as ArticleDoc);
  const text = walkArticleText(doc);
  const { origin } = review;
  const fileName = origin.kind === 'file' ? origin.fileName : undefined;
  const version: ArticleVersion = {
    number: 1,
    importedAt: origin.importedAt ?? review.createdAt,
    // A paste kept no bytes: its fingerprint is of the article's text as imported.
    sha256: origin.sha256 ?? createHash('sha256').update(text, 'utf8').digest('hex'),
    source: origin.kind === 'paste' ? 'paste' : /\.html?$/i.test(fileName ?? '') ? 'page' : 'file',
    ...(fileName ? { fileName } : {}),
    characters: text.length,
  };
  return { versions: [version], ...(kept ? {} : { firstToKeep: doc }) };
}

/** The versions of review `id`'s article, oldest first. */
export async function articleVersions(store: LibraryStore, id: string): Promise<VersionList> {
  const stored = store.getReview(id).articleVersions;
  return stored && stored.length > 0 ? { versions: stored } : firstVersion(store, id);
}

/** The plain text of version `number` (blocks joined by "\n", as claims count in). */
export async function versionText(store: LibraryStore, id: string, number: number): Promise<{ number: number; text: string }> {
  const { versions } = await articleVersions(store, id);
  if (!versions.some((version) => version.number === number)) {
    throw new ApiError('not-found', `The article of this review has no version ${number} (it has ${versions.length}). Nothing was changed.`);
  }
  const doc = await store.versionArticle(id, number);
  if (doc) return { number, text: walkArticleText(doc) };
  // Version 1 of a review from before imports were kept is the article as it still reads.
  if (number === 1 && versions.length === 1) return { number, text: walkArticleText(store.getReview(id).doc) };
  throw new ApiError('not-found', `The article of version ${number} is missing from the data folder (originals/${id}/versions/). The review itself is unchanged.`);
}
