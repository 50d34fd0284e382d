/**
 * The headline of a plain-text article: its first line, when that line reads as a title rather
 * than as the start of the text. Journalists save articles as "Headline", a blank line, the text.
 */

/** Longest first line taken for a headline, in characters and in words. */
const MAX_HEADLINE_CHARS = 150;
const MAX_HEADLINE_WORDS = 25;
// A line that ends a sentence (or breaks off mid-sentence) is text, not a title; "?" and "!" end headlines too.
const ENDS_LIKE_TEXT = /[.,;:…،؛]$/;
const CLOSING = /["'”’»)\]]+$/;
const LIST_ITEM = /^([-*•–]\s|\d{1,3}[.)]\s)/;

/**
 * The first line of `text` when it looks like a headline: short (at most 150 characters and 25
 * words), with a letter in it, not ending like a sentence or a clause (a full stop, comma, colon,
 * semicolon or ellipsis, also inside closing quotes), not a list item, and standing alone, either
 * followed by a blank line or in a file of one paragraph a line, with more text after it.
 * Otherwise undefined (the review is then named after the file).
 */
export function headlineOfText(text: string): string | undefined {
  const normalized = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/^\s*\n/, "");
  const match = /^[ \t]*([^\n]*?)[ \t]*(\n|$)/.exec(normalized);
  const first = match?.[1] ?? "";
  const after = normalized.slice(match?.[0].length ?? 0);
  const blankLines = /\n[ \t]*\n/.test(normalized.trim());
  const standsAlone = blankLines ? /^[ \t]*\n/.test(after) : true;
  if (!standsAlone || !after.trim()) return undefined;
  const headline = first.replace(/\s+/g, " ");
  if (
    headline.length > MAX_HEADLINE_CHARS ||
    headline.split(" ").length > MAX_HEADLINE_WORDS
  )
    return undefined;
  if (
    !/\p{L}/u.test(headline) ||
    LIST_ITEM.test(headline) ||
    ENDS_LIKE_TEXT.test(headline.replace(CLOSING, ""))
  )
    return undefined;
  return headline;
}
