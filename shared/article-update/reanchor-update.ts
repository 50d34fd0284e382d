/**
 * Moving a review's claims onto a newer version of its article, with the engine share-file merges
 * use (claim-anchors → re-anchor): each claim's quote, context and offset in the text it was
 * marked on are found again in the new text. A claim whose place is not certain is flagged for the
 * reviewer (Needs attention), never placed on a guess; its verdict and the rest are kept.
 */
import { readArticleText } from '../article/claim-spans';
import { removeClaimMarks } from '../article/mark-text-range';
import type { Placement } from '../anchoring/re-anchor';
import type { ArticleDoc } from '../model/article-doc';
import type { ArticleUpdateCounts } from '../model/article-version';
import { similarityPercent } from '../model/attention-why';
import type { Claim, ClaimAttention } from '../model/claim';
import type { Review } from '../model/review';
import { anchorsOf, placeClaims } from '../share-file/claim-anchors';
import type { ClaimOutcome } from './article-update-schema';

/** The new article with the claims placed, each claim's outcome, and the counts a version records. */
export interface ReanchoredUpdate {
  doc: ArticleDoc;
  claims: Claim[];
  outcomes: ClaimOutcome[];
  counts: ArticleUpdateCounts;
  /** The plain text of the article before and after, as read for re-anchoring. */
  oldText: string;
  newText: string;
}

/** Characters of the new words a flag quotes; the rest is in the article. */
const SHOWN_WORDS = 300;

const clip = (text: string): string => (text.length > SHOWN_WORDS ? `${text.slice(0, SHOWN_WORDS - 1)}…` : text);

/** What happened to one placed claim, and the flag it needs (undefined: none from this update). */
function outcomeOf(
  placement: Placement,
  quote: string,
  version: number,
): {
  kind: Exclude<ClaimOutcome['kind'], 'unplaced'>;
  newQuote?: string;
  attention?: ClaimAttention;
} {
  switch (placement.status) {
    case 'exact':
      return { kind: 'unchanged' };
    case 'moved':
      // Text added or removed before the claim shifts it and needs no look; words found elsewhere do.
      return placement.mapped
        ? { kind: 'moved' }
        : {
            kind: 'moved',
            attention: {
              kind: 'moved',
              quote,
              detail: `Version ${version} of the article has these words in another place; check that the claim sits in the right passage.`,
              why: { code: 'update-moved', version },
            },
          };
    case 'changed': {
      const similarity = similarityPercent(placement.similarity);
      const words = clip(placement.text);
      return {
        kind: 'changed',
        newQuote: placement.text,
        attention: {
          kind: 'changed',
          quote,
          detail: `The outlet edited these words in version ${version} of the article (${similarity} % alike); they now read “${words}”. Check that the claim still reads as checked.`,
          why: { code: 'update-changed', version, similarity, words },
        },
      };
    }
    case 'orphan':
      return {
        kind: 'orphaned',
        attention: {
          kind: 'orphan',
          quote,
          detail: `Not found in version ${version} of the article: ${placement.reason}. Select its words in the article and place it again, or delete it.`,
          why: { code: 'update-not-found', version, miss: placement.miss },
        },
      };
  }
}

/**
 * `review`'s claims placed in `newDoc` (version `version` of the article). Claims that had no place
 * before stay as they were; a claim placed exactly keeps any flag it had.
 */
export function reanchorUpdate(review: Pick<Review, 'doc' | 'claims'>, newDoc: ArticleDoc, version: number): ReanchoredUpdate {
  const article = readArticleText(review.doc);
  const anchors = anchorsOf(review.doc, article);
  const oldText = article.text;
  const clean = removeClaimMarks(newDoc) as ArticleDoc;
  const placed = placeClaims(
    clean,
    review.claims
      .filter((claim) => anchors.has(claim.id))
      .map((claim) => ({
        claimId: claim.id,
        anchor: anchors.get(claim.id) ?? null,
      })),
    oldText,
  );
  const counts: ArticleUpdateCounts = {
    unchanged: 0,
    moved: 0,
    changed: 0,
    orphaned: 0,
    affected: 0,
    afterCheck: review.claims.some((claim) => claim.verdictId !== null),
  };
  const outcomes: ClaimOutcome[] = [];
  const claims = review.claims.map((claim): Claim => {
    const anchor = anchors.get(claim.id);
    const placement = placed.placements.get(claim.id);
    const base = {
      claimId: claim.id,
      ...(claim.number !== undefined ? { number: claim.number } : {}),
      verdictId: claim.verdictId,
    };
    if (!anchor || !placement) {
      outcomes.push({
        ...base,
        kind: 'unplaced',
        quote: claim.attention?.quote ?? '',
        flagged: claim.attention !== undefined,
        detail: claim.attention?.detail ?? '',
      });
      return claim;
    }
    const quote = anchor.quote.exact;
    const outcome = outcomeOf(placement, quote, version);
    counts[outcome.kind]++;
    if (outcome.attention) counts.affected++;
    outcomes.push({
      ...base,
      kind: outcome.kind,
      quote,
      ...(outcome.newQuote !== undefined ? { newQuote: outcome.newQuote } : {}),
      flagged: outcome.attention !== undefined,
      detail: outcome.attention?.detail ?? '',
    });
    return outcome.attention ? { ...claim, attention: outcome.attention } : claim;
  });
  return { doc: placed.doc as ArticleDoc, claims, outcomes, counts, oldText, newText: placed.text };
}
