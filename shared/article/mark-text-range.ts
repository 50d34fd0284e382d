/** Adds or removes claim marks over ranges of an article's plain text, splitting text nodes as needed. */
import type { DocMark, DocNode } from '../model/article-doc';
import { CLAIM_MARK, walkArticleText } from './claim-spans';

/** A claim's range in the article's plain text (offsets as walkArticleText counts them). */
export interface ClaimRange {
  claimId: string;
  start: number;
  end: number;
}

function withoutEmptyMarks(node: DocNode): DocNode {
  if (node.marks === undefined || node.marks.length > 0) return node;
  const { marks: _marks, ...rest } = node;
  return rest;
}

/**
 * A copy of `doc` in which the text of every range carries its claim's mark, all in one walk
 * (a merge or an annotate command may place thousands of claims). Text outside the ranges and
 * other marks are unchanged. Where ranges overlap, their marks follow the text's own marks in the
 * order the ranges were given, as if each had been marked in turn.
 */
export function markTextRanges(doc: DocNode, ranges: readonly ClaimRange[]): DocNode {
  const order = new Map<ClaimRange, number>();
  ranges.forEach((range, index) => order.set(range, index));
  const usable = ranges.filter((range) => range.end > range.start);
  if (usable.length === 0) return doc;
  const starts = new Map<DocNode, number>();
  walkArticleText(doc, (node, offset) => starts.set(node, offset));
  const sorted = [...usable].sort((left, right) => left.start - right.start);
  const byOrder = (left: ClaimRange, right: ClaimRange): number => (order.get(left) as number) - (order.get(right) as number);
  let firstOpen = 0;

  const rebuild = (node: DocNode): DocNode[] => {
    const offset = starts.get(node);
    if (offset === undefined) return node.content ? [{ ...node, content: node.content.flatMap(rebuild) }] : [node];
    const text = node.text ?? '';
    const nodeEnd = offset + text.length;
    // Text nodes come in offset order, so ranges ending before this node never matter again.
    while (firstOpen < sorted.length && (sorted[firstOpen] as ClaimRange).end <= offset && (sorted[firstOpen] as ClaimRange).start < offset) firstOpen++;
    const overlapping: ClaimRange[] = [];
    for (let index = firstOpen; index < sorted.length && (sorted[index] as ClaimRange).start < nodeEnd; index++) {
      const range = sorted[index] as ClaimRange;
      if (range.end > offset) overlapping.push(range);
    }
    overlapping.sort(byOrder);
    if (overlapping.length === 0) return [node];
    const cuts = new Set([0, text.length]);
    for (const range of overlapping) {
      cuts.add(Math.max(0, range.start - offset));
      cuts.add(Math.min(text.length, range.end - offset));
    }
    const points = [...cuts].sort((left, right) => left - right);
    const pieces: DocNode[] = [];
    for (let index = 0; index + 1 < points.length; index++) {
      const from = points[index] as number;
      const to = points[index + 1] as number;
      const claimMarks: DocMark[] = overlapping
        .filter((range) => range.start - offset <= from && range.end - offset >= to)
        .map((range) => ({ type: CLAIM_MARK, attrs: { claimId: range.claimId } }));
      pieces.push(withoutEmptyMarks({ ...node, text: text.slice(from, to), marks: [...(node.marks ?? []), ...claimMarks] }));
    }
    return pieces;
  };
  return rebuild(doc)[0] as DocNode;
}

/** A copy of `doc` in which the text at `[start, end)` carries claim `claimId`. */
export function markTextRange(doc: DocNode, start: number, end: number, claimId: string): DocNode {
  return markTextRanges(doc, [{ claimId, start, end }]);
}

/** A copy of `doc` without the marks of the claims `keep` refuses (all claim marks by default). */
export function removeClaimMarks(doc: DocNode, keep: (claimId: string) => boolean = () => false): DocNode {
  const strip = (node: DocNode): DocNode => {
    const marks = node.marks?.filter((mark) => mark.type !== CLAIM_MARK || (typeof mark.attrs?.claimId === 'string' && keep(mark.attrs.claimId)));
    const next: DocNode = { ...node, ...(node.marks ? { marks } : {}), ...(node.content ? { content: node.content.map(strip) } : {}) };
    return withoutEmptyMarks(next);
  };
  return strip(doc);
}
