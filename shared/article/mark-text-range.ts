/** Adds a claim mark over a range of an article's plain text, splitting text nodes as needed. */
import type { DocNode } from '../model/article-doc';
import { CLAIM_MARK, walkArticleText } from './claim-spans';

/**
 * A copy of `doc` in which the text at `[start, end)` (offsets as walkArticleText counts them)
 * carries claim `claimId`. Text outside the range and the other marks are unchanged.
 */
export function markTextRange(doc: DocNode, start: number, end: number, claimId: string): DocNode {
  const starts = new Map<DocNode, number>();
  walkArticleText(doc, (node, offset) => starts.set(node, offset));
  const claimMark = { type: CLAIM_MARK, attrs: { claimId } };

  const rebuild = (node: DocNode): DocNode[] => {
    const offset = starts.get(node);
    if (offset !== undefined) {
      const text = node.text ?? '';
      const from = Math.max(start, offset) - offset;
      const to = Math.min(end, offset + text.length) - offset;
      if (from >= to) return [node];
      const piece = (value: string, marked: boolean): DocNode => ({ ...node, text: value, marks: marked ? [...(node.marks ?? []), claimMark] : node.marks });
      return [
        ...(from > 0 ? [piece(text.slice(0, from), false)] : []),
        piece(text.slice(from, to), true),
        ...(to < text.length ? [piece(text.slice(to), false)] : []),
      ].map((part) => (part.marks === undefined || part.marks.length === 0 ? (({ marks: _marks, ...rest }) => rest)(part) : part));
    }
    return node.content ? [{ ...node, content: node.content.flatMap(rebuild) }] : [node];
  };
  return rebuild(doc)[0] as DocNode;
}
