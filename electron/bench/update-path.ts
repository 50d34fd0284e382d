/**
 * The update path of `npm run bench:reanchor`: the same edited article brought in as Update
 * article brings it (claim marks in the old document, read back as anchors, placed in the new
 * document by reanchorUpdate, read back as marks), so its placements can be judged like the
 * re-anchoring engine's own.
 */
import { performance } from 'node:perf_hooks';
import type { Placement, TextAnchor } from '../../shared/anchoring/re-anchor';
import { readArticleText } from '../../shared/article/claim-spans';
import { markTextRanges } from '../../shared/article/mark-text-range';
import { reanchorUpdate } from '../../shared/article-update/reanchor-update';
import type { ArticleDoc } from '../../shared/model/article-doc';
import { newClaim } from '../../shared/model/claim';

/** One paragraph a line, as an imported plain-text article reads. */
function docOf(text: string): ArticleDoc {
  return {
    type: 'doc',
    content: text.split('\n').map((line) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: line }],
    })),
  };
}

/** Where the update path puts each anchor's claim in `newText`, and how long the update took. */
export function placementsThroughUpdate(anchors: readonly TextAnchor[], oldText: string, newText: string): { placements: Placement[]; ms: number } {
  const ids = anchors.map((_, index) => `bench-claim-${index.toString().padStart(6, '0')}`);
  const doc = markTextRanges(
    docOf(oldText),
    anchors.map((anchor, index) => ({
      claimId: ids[index] as string,
      start: anchor.start,
      end: anchor.end,
    })),
  ) as ArticleDoc;
  const claims = ids.map((id) => ({
    ...newClaim(id, '2026-01-01T00:00:00.000Z'),
    verdictId: 'false',
  }));
  const started = performance.now();
  const updated = reanchorUpdate({ doc, claims }, docOf(newText), 2);
  const ms = performance.now() - started;
  const spans = new Map(readArticleText(updated.doc).spans.map((span) => [span.claimId, span]));
  const placements = ids.map((id): Placement => {
    const span = spans.get(id);
    return span
      ? {
          status: 'changed',
          start: span.start,
          end: span.end,
          similarity: 1,
          text: span.quote,
        }
      : { status: 'orphan', reason: 'not placed by the update', miss: { code: 'gone' } };
  });
  return { placements, ms };
}
