/** Reads where every claim mark sits in a ProseMirror document. */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { CLAIM_MARK } from '../../shared/article/claim-spans';
import type { ClaimPlacement } from '../review/review-store';

interface Found {
  from: number;
  to: number;
  /** The text block holding the whole claim and where its content starts, while it has one. */
  block: ProseMirrorNode | null;
  blockStart: number;
}

/**
 * Every claim in `doc`, in document order (by start, then end); one range per claim id. One walk
 * of the document: a claim's words are read from its own paragraph, since `doc.textBetween` walks
 * from the first paragraph each time (claims × paragraphs, seconds on a long transcript).
 */
export function readClaimPlacements(doc: ProseMirrorNode): ClaimPlacement[] {
  const found = new Map<string, Found>();
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const blockStart = pos + 1;
    node.forEach((child, offset) => {
      if (!child.isText) return;
      const from = blockStart + offset;
      const to = from + child.nodeSize;
      for (const mark of child.marks) {
        if (mark.type.name !== CLAIM_MARK) continue;
        const claimId = mark.attrs.claimId as string | null;
        if (!claimId) continue;
        const range = found.get(claimId);
        if (!range) {
          found.set(claimId, { from, to, block: node, blockStart });
          continue;
        }
        if (range.block !== node) range.block = null;
        range.from = Math.min(range.from, from);
        range.to = Math.max(range.to, to);
      }
    });
    return false;
  });
  return [...found.entries()]
    .map(([claimId, { from, to, block, blockStart }]) => ({
      claimId,
      from,
      to,
      quote: block ? block.textBetween(from - blockStart, to - blockStart, '\n', ' ') : doc.textBetween(from, to, '\n', ' '),
    }))
    .sort((left, right) => left.from - right.from || left.to - right.to);
}

/** Ids of the claims covering document position `pos`, innermost (shortest) first. */
export function claimsAt(placements: readonly ClaimPlacement[], pos: number): string[] {
  return placements
    .filter((placement) => placement.from <= pos && pos <= placement.to)
    .sort((left, right) => left.to - left.from - (right.to - right.from))
    .map((placement) => placement.claimId);
}
