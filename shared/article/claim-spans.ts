/**
 * Reads an article document as plain text and finds where each claim mark sits in it.
 * Offsets count UTF-16 code units of the text as produced here (no Unicode normalisation):
 * blocks are separated by one "\n", a hard break is "\n".
 */
import type { DocNode } from '../model/article-doc';

/** The name of the claim mark in the editor schema and in stored documents. */
export const CLAIM_MARK = 'claim';

/** A claim's place in the article text. */
export interface ClaimSpan {
  claimId: string;
  /** Offset of the first code unit of the quote. */
  start: number;
  /** Offset just past the last code unit of the quote. */
  end: number;
  /** The marked text; parts of one claim in separate blocks are joined by "\n". */
  quote: string;
}

export interface ArticleText {
  text: string;
  /** Claims in document order (by start, then by end). */
  spans: ClaimSpan[];
}

const BLOCK_SEPARATOR = '\n';

/** Plain text of `doc` and the span of every claim mark found in it. */
export function readArticleText(doc: DocNode): ArticleText {
  const parts: string[] = [];
  let length = 0;
  const ranges = new Map<string, { start: number; end: number }>();
  let blockOpen = false;

  const append = (value: string): void => {
    parts.push(value);
    length += value.length;
  };

  const visit = (node: DocNode): void => {
    if (node.type === 'text') {
      const text = node.text ?? '';
      for (const mark of node.marks ?? []) {
        const claimId = mark.type === CLAIM_MARK ? mark.attrs?.claimId : undefined;
        if (typeof claimId !== 'string') continue;
        const range = ranges.get(claimId);
        if (range) range.end = length + text.length;
        else ranges.set(claimId, { start: length, end: length + text.length });
      }
      append(text);
      return;
    }
    if (node.type === 'hardBreak') {
      append('\n');
      return;
    }
    const isTextBlock = node.content?.some((child) => child.type === 'text' || child.type === 'hardBreak') ?? false;
    const isLeafBlock = node.type !== 'doc' && (node.content === undefined || node.content.length === 0);
    if (isTextBlock || isLeafBlock) {
      if (blockOpen) append(BLOCK_SEPARATOR);
      blockOpen = true;
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);

  const text = parts.join('');
  const spans = [...ranges.entries()]
    .map(([claimId, { start, end }]) => ({ claimId, start, end, quote: text.slice(start, end) }))
    .sort((left, right) => left.start - right.start || left.end - right.end);
  return { text, spans };
}
