/**
 * Claims' anchors in and out of share files: selectors read from the claim marks of a document,
 * and claims placed back into a document (re-anchored when the text differs) or set aside as
 * orphans with the reason, never placed on a guess.
 */
import { reanchor, type Placement } from '../anchoring/re-anchor';
import { quoteContext, readArticleText, type ArticleText } from '../article/claim-spans';
import { markTextRanges, type ClaimRange } from '../article/mark-text-range';
import type { DocNode } from '../model/article-doc';
import { similarityPercent } from '../model/attention-why';
import type { ClaimAttention } from '../model/claim';
import type { ShareAnchor } from './share-file-schema';

/** Selectors for every claim marked in `doc`, by claim id (`article`: its text, when the caller has read it already). */
export function anchorsOf(doc: DocNode, article: ArticleText = readArticleText(doc)): Map<string, ShareAnchor> {
  const { text, spans } = article;
  return new Map(
    spans
      .filter((span) => span.end > span.start)
      .map((span) => [
        span.claimId,
        {
          quote: {
            type: 'TextQuoteSelector',
            exact: span.quote.slice(0, 20_000),
            ...quoteContext(text, span),
          },
          position: { type: 'TextPositionSelector', start: span.start, end: span.end },
        },
      ]),
  );
}

export interface ClaimToPlace {
  claimId: string;
  anchor: ShareAnchor | null;
  /** What the sender knew when they had no anchor either. */
  attention?: ClaimAttention;
}

export interface PlacementResult {
  doc: DocNode;
  /** Per claim: undefined when it sits exactly where the sender had it, else why it needs a look. */
  attention: Map<string, ClaimAttention | undefined>;
  /** Per claim with an anchor: where the re-anchoring engine put it, or why it could not. */
  placements: Map<string, Placement>;
  /** The plain text of `doc`, the claims were placed in. */
  text: string;
}

function attentionFor(placement: Placement, quote: string): ClaimAttention | undefined {
  switch (placement.status) {
    case 'exact':
      return undefined;
    case 'moved':
      // Text inserted or deleted before the claim shifts it; only words found elsewhere need a look.
      if (placement.mapped) return undefined;
      return { kind: 'moved', quote, detail: 'Found the same words in another place of this copy; check that it is the right passage.', why: { code: 'merge-moved' } };
    case 'changed': {
      const similarity = similarityPercent(placement.similarity);
      return {
        kind: 'changed',
        quote,
        detail: `The words were edited in this copy (${similarity} % alike); check that the claim still reads as checked.`,
        why: { code: 'merge-changed', similarity },
      };
    }
    case 'orphan':
      return { kind: 'orphan', quote, detail: `${placement.reason.charAt(0).toUpperCase()}${placement.reason.slice(1)}.`, why: { code: 'merge-not-found', miss: placement.miss } };
  }
}

/**
 * `doc` with the claims marked where their anchors lead in its text. `sourceText` is the text the
 * anchors were made on; when it differs, positions are mapped through a diff and re-checked.
 */
export function placeClaims(doc: DocNode, claims: readonly ClaimToPlace[], sourceText?: string): PlacementResult {
  const text = readArticleText(doc).text;
  const attention = new Map<string, ClaimAttention | undefined>();
  const anchored = claims.filter((claim) => claim.anchor !== null);
  for (const claim of claims) {
    if (claim.anchor === null) {
      attention.set(claim.claimId, claim.attention ?? { kind: 'orphan', quote: '', detail: 'The copy it came from had no place for it either.', why: { code: 'merge-no-place' } });
    }
  }
  const placements = reanchor(
    anchored.map(({ anchor }) => {
      const { quote, position } = anchor as ShareAnchor;
      return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
    }),
    text,
    sourceText !== undefined && sourceText !== text ? sourceText : undefined,
  );
  const ranges: ClaimRange[] = [];
  const placed = new Map<string, Placement>();
  anchored.forEach((claim, index) => {
    const placement = placements[index] as Placement;
    placed.set(claim.claimId, placement);
    attention.set(claim.claimId, attentionFor(placement, (claim.anchor as ShareAnchor).quote.exact));
    if (placement.status !== 'orphan') ranges.push({ claimId: claim.claimId, start: placement.start, end: placement.end });
  });
  return { doc: markTextRanges(doc, ranges), attention, placements: placed, text };
}
