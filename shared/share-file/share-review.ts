/** A review into share-file content, and share-file content into a new review of this library. */
import { readArticleText, walkArticleText } from '../article/claim-spans';
import { removeClaimMarks } from '../article/mark-text-range';
import type { ArticleDoc } from '../model/article-doc';
import { isStorableArticle } from '../editor-schema/article-extensions';
import type { Claim } from '../model/claim';
import type { RatingScale } from '../model/rating-scale';
import type { Review } from '../model/review';
import type { Reviewer } from '../model/reviewer';
import { anchorsOf, placeClaims } from './claim-anchors';
import { unionReviewers } from './merge-share';
import { SHARE_FORMAT, SHARE_VERSION, type ShareFileContent } from './share-file-schema';

/** The content of a share file for `review` (everything but the checksum). `review` must have a full history. */
export function shareContentOf(input: { review: Review; scale: RatingScale; sharedBy: Reviewer; now: Date; generator: string; sha256: (text: string) => string }): ShareFileContent {
  const { review } = input;
  const anchors = anchorsOf(review.doc);
  const text = walkArticleText(review.doc);
  return {
    format: SHARE_FORMAT,
    version: SHARE_VERSION,
    generator: input.generator,
    sharedAt: input.now.toISOString(),
    sharedBy: input.sharedBy,
    review: {
      id: review.id,
      title: review.title,
      sourceUrl: review.sourceUrl,
      byline: review.byline,
      publishedAt: review.publishedAt,
      outlet: review.outlet,
      language: review.language,
      createdAt: review.createdAt,
      updatedAt: review.updatedAt,
      origin: review.origin,
      lastClaimNumber: review.lastClaimNumber,
      ...(review.publication ? { publication: review.publication } : {}),
    },
    scale: input.scale,
    article: { text, sha256: input.sha256(text), unit: 'utf16-code-unit', normalization: 'none', doc: removeClaimMarks(review.doc) as ArticleDoc },
    claims: review.claims.map((claim) => ({ ...claim, anchor: anchors.get(claim.id) ?? null })),
    history: review.history,
    reviewers: unionReviewers(review.reviewers, [input.sharedBy]),
  };
}

/** One paragraph per line: the article when a file's formatted document does not match its text. */
function docFromText(text: string): ArticleDoc {
  return { type: 'doc', content: text.split('\n').map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })) };
}

/** A new review from a share file, with the same id and the file's scale as its own, its claims placed by their anchors. */
export function reviewFromShare(file: ShareFileContent): Review {
  const formatted = removeClaimMarks(file.article.doc) as ArticleDoc;
  // The anchors count in `article.text`; a document that reads differently cannot carry them, and
  // one this editor cannot hold safely (unknown nodes, script links) is replaced by the plain text.
  const doc = walkArticleText(formatted) === file.article.text && isStorableArticle(formatted) ? formatted : docFromText(file.article.text);
  const placed = placeClaims(doc, file.claims.map((claim) => ({ claimId: claim.id, anchor: claim.anchor, ...(claim.attention ? { attention: claim.attention } : {}) })), file.article.text);
  const claims: Claim[] = file.claims.map(({ anchor: _anchor, attention: sendersFlag, ...claim }) => {
    // A flag the sender had not cleared yet still stands where the claim sits exactly.
    const attention = placed.attention.get(claim.id) ?? sendersFlag;
    return attention ? { ...claim, attention } : claim;
  });
  return {
    ...file.review,
    lastClaimNumber: file.review.lastClaimNumber ?? 0,
    outlet: file.review.outlet ?? '',
    language: file.review.language ?? '',
    scaleId: file.scale.id,
    scale: file.scale,
    doc: placed.doc as ArticleDoc,
    claims,
    history: file.history,
    reviewers: file.reviewers,
    revision: 0,
  };
}

/** The number of claims in `review` that sit in its text. */
export function placedClaimCount(review: Review): number {
  return readArticleText(review.doc).spans.length;
}
