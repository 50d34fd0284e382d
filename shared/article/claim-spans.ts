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

/**
 * Walks the text of `doc` in reading order, calling `onText` with each text node and the offset
 * where its text starts, and returns the plain text. The one definition of the offsets.
 */
export function walkArticleText(doc: DocNode, onText: (node: DocNode, start: number) => void = () => undefined): string {
  const parts: string[] = [];
  let length = 0;
  let blockOpen = false;
  const append = (value: string): void => {
    parts.push(value);
    length += value.length;
  };
  const visit = (node: DocNode): void => {
    if (node.type === 'text') {
      onText(node, length);
      append(node.text ?? '');
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
  return parts.join('');
}

/** Plain text of `doc` and the span of every claim mark found in it. */
export function readArticleText(doc: DocNode): ArticleText {
  const ranges = new Map<string, { start: number; end: number }>();
  const text = walkArticleText(doc, (node, start) => {
    const end = start + (node.text ?? '').length;
    for (const mark of node.marks ?? []) {
      const claimId = mark.type === CLAIM_MARK ? mark.attrs?.claimId : undefined;
      if (typeof claimId !== 'string') continue;
      const range = ranges.get(claimId);
      if (range) range.end = end;
      else ranges.set(claimId, { start, end });
    }
  });
  const spans = [...ranges.entries()]
    .map(([claimId, { start, end }]) => ({ claimId, start, end, quote: text.slice(start, end) }))
    .sort((left, right) => left.start - right.start || left.end - right.end);
  return { text, spans };
}

/** Code units of context kept either side of a quote in selectors, as annotation tools do (Hypothesis: 32). */
export const QUOTE_CONTEXT_LENGTH = 32;

/** The text just before and after a span, up to QUOTE_CONTEXT_LENGTH each: a TextQuoteSelector's prefix and suffix. */
export function quoteContext(text: string, span: { start: number; end: number }): { prefix: string; suffix: string } {
  return { prefix: text.slice(Math.max(0, span.start - QUOTE_CONTEXT_LENGTH), span.start), suffix: text.slice(span.end, span.end + QUOTE_CONTEXT_LENGTH) };
}

/** Each claim's marked words in `doc`, by claim id. */
export function claimQuotes(doc: DocNode): Map<string, string> {
  return new Map(readArticleText(doc).spans.map((span) => [span.claimId, span.quote]));
}
