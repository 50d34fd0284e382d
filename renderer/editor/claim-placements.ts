/** Reads where every claim mark sits in a ProseMirror document. */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { CLAIM_MARK } from '../../shared/article/claim-spans';
import type { ClaimPlacement } from '../review/review-store';

/** Every claim in `doc`, in document order (by start, then end); one range per claim id. */
export function readClaimPlacements(doc: ProseMirrorNode): ClaimPlacement[] {
  const ranges = new Map<string, { from: number; to: number }>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== CLAIM_MARK) continue;
      const claimId = mark.attrs.claimId as string | null;
      if (!claimId) continue;
      const range = ranges.get(claimId);
      const end = pos + node.nodeSize;
      if (range) {
        range.from = Math.min(range.from, pos);
        range.to = Math.max(range.to, end);
      } else ranges.set(claimId, { from: pos, to: end });
    }
    return false;
  });
  return [...ranges.entries()]
    .map(([claimId, { from, to }]) => ({ claimId, from, to, quote: doc.textBetween(from, to, '\n', ' ') }))
    .sort((left, right) => left.from - right.from || left.to - right.to);
}

/** Ids of the claims covering document position `pos`, innermost (shortest) first. */
export function claimsAt(placements: readonly ClaimPlacement[], pos: number): string[] {
  return placements
    .filter((placement) => placement.from <= pos && pos <= placement.to)
    .sort((left, right) => left.to - left.from - (right.to - right.from))
    .map((placement) => placement.claimId);
}
