/**
 * A search snippet cut into plain and highlighted runs, for React to render as text and <mark>
 * (never as HTML: the stored text is whatever an article or a reviewer wrote).
 */
import type { Snippet } from '../../shared/search/search-schema';

/** One run of the snippet's text, highlighted or not. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** A letter, a combining mark (Arabic diacritics), a digit or a tatweel: what a word is made of. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}\u0640]/u;

function isWordChar(text: string, index: number): boolean {
  const char = text[index];
  return char !== undefined && WORD_CHAR.test(char);
}

/**
 * The highlight ranges of `snippet`, kept inside the text, widened to whole words and joined where
 * they touch. Whole words because an inline element around part of an Arabic word breaks the
 * joining of its letters (a range on "أذربيجان" inside "لأذربيجان" marks the whole word).
 */
export function wordRanges(snippet: Snippet): [number, number][] {
  const { text } = snippet;
  const ranges = snippet.highlights
    .map(([from, to]): [number, number] => [Math.max(0, Math.min(from, text.length)), Math.max(0, Math.min(to, text.length))])
    .filter(([from, to]) => to > from)
    .map(([from, to]): [number, number] => {
      let start = from;
      let end = to;
      while (start > 0 && isWordChar(text, start - 1) && isWordChar(text, start)) start--;
      while (end < text.length && isWordChar(text, end - 1) && isWordChar(text, end)) end++;
      return [start, end];
    })
    .sort((left, right) => left[0] - right[0]);
  const joined: [number, number][] = [];
  for (const range of ranges) {
    const last = joined.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else joined.push([range[0], range[1]]);
  }
  return joined;
}

/** The snippet's text as runs, in order; together they are exactly `snippet.text`. */
export function snippetParts(snippet: Snippet): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [from, to] of wordRanges(snippet)) {
    if (from > at) parts.push({ text: snippet.text.slice(at, from), marked: false });
    parts.push({ text: snippet.text.slice(from, to), marked: true });
    at = to;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), marked: false });
  return parts;
}
