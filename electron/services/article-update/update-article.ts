/**
 * Update article: brings a newer version of a review's article in (pasted, a file, a saved page),
 * shows what changed, and moves the claims onto it (see reanchor-update). A preview writes
 * nothing; the update keeps the old version and records the new one in the version list.
 */
import { compareTexts } from '../../../shared/article/text-changes';
import { reanchorUpdate } from '../../../shared/article-update/reanchor-update';
import type { ArticleUpdateResult, ArticleUpdateSource } from '../../../shared/article-update/article-update-schema';
import { ApiError } from '../../../shared/api/envelope';
import type { ArticleVersion } from '../../../shared/model/article-version';
import { MAX_ARTICLE_VERSIONS } from '../../../shared/model/storage-limits';
import type { LibraryStore } from '../library';
import { articleVersions } from './article-versions';
import { readUpdateSource } from './read-update-source';

export interface UpdateArticleInput {
  id: string;
  source: ArticleUpdateSource;
  preview: boolean;
  /** The revision the reviewer's window holds; an update prepared on an older one is refused with `conflict`. */
  baseRevision: number;
}

/** Previews or makes the update of review `input.id`'s article. */
export async function updateArticle(store: LibraryStore, input: UpdateArticleInput, now: () => Date = () => new Date()): Promise<ArticleUpdateResult> {
  const before = store.getReview(input.id);
  if (input.baseRevision !== before.revision) {
    throw new ApiError(
      'conflict',
      `This review was changed in another window or by the command line (revision ${before.revision}; this window had ${input.baseRevision}). The article was not updated; save or reload the review, then try again.`,
    );
  }
  const { versions, firstToKeep } = await articleVersions(store, input.id);
  if (versions.length >= MAX_ARTICLE_VERSIONS) {
    throw new ApiError('refused', `This article already has ${versions.length} versions, as many as one review keeps. The article was not updated; make a new review for the newer version.`);
  }
  const read = await readUpdateSource(input.source);
  // Reading may take a while (a long PDF): a save that came meanwhile wins, the update is redone.
  const review = store.getReview(input.id);
  if (review.revision !== before.revision) {
    throw new ApiError('conflict', `This review was saved while the newer version was being read (revision ${review.revision}). The article was not updated; try again.`);
  }
  const number = versions.length + 1;
  const reanchored = reanchorUpdate(review, read.doc, number);
  const { oldText, newText } = reanchored;
  const version: ArticleVersion = {
    number,
    importedAt: now().toISOString(),
    sha256: read.sha256,
    source: read.source,
    ...(read.fileName ? { fileName: read.fileName } : {}),
    characters: newText.length,
    update: reanchored.counts,
  };
  const unplaced = reanchored.outcomes.filter((outcome) => outcome.kind === 'unplaced').length;
  const result: ArticleUpdateResult = {
    reviewId: review.id,
    version,
    previousVersion: versions.length,
    counts: { ...reanchored.counts, unplaced },
    claims: reanchored.outcomes,
    diff: compareTexts(oldText, newText),
    sameText: oldText === newText,
    notes: read.notes,
    review: null,
  };
  if (input.preview) return result;
  if (result.sameText) throw new ApiError('refused', 'The newer version reads exactly as the article does now, so there is nothing to update. Nothing was changed.');
  const stored = await store.updateArticle({
    id: review.id,
    baseRevision: input.baseRevision,
    doc: reanchored.doc,
    claims: reanchored.claims,
    versions: [...versions, version],
    articles: [...(firstToKeep ? [{ number: 1, doc: firstToKeep }] : []), { number, doc: read.doc }],
    ...(read.bytes && read.fileName ? { sourceFile: { number, fileName: read.fileName, bytes: read.bytes } } : {}),
  });
  return { ...result, review: stored };
}
