/**
 * Finds a quote in an article's plain text the way a person reads it: runs of white space and
 * line breaks count as one space on both sides, and a quote of whole words is found as whole
 * words ("أذربيجان" is not counted inside "لأذربيجان", nor "fell" inside "fellow").
 */

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** True when a match from `start` to `end` neither begins nor ends inside a word of `text`. */
function onWordEdges(text: string, start: number, end: number): boolean {
  const joinsBefore = start > 0 && WORD_CHARACTER.test(text[start - 1] as string) && WORD_CHARACTER.test(text[start] as string);
  const joinsAfter = end < text.length && WORD_CHARACTER.test(text[end] as string) && WORD_CHARACTER.test(text[end - 1] as string);
  return !joinsBefore && !joinsAfter;
}

interface Normalized {
  text: string;
  /** For each character of `text`, its offset in the original. */
  origin: number[];
}

function normalize(text: string): Normalized {
  let normalized = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string;
    if (/\s/.test(character)) {
      if (!inSpace) {
        normalized += ' ';
        origin.push(index);
      }
      inSpace = true;
    } else {
      normalized += character;
      origin.push(index);
      inSpace = false;
    }
  }
  return { text: normalized, origin };
}

export interface QuoteMatch {
  start: number;
  end: number;
}

/** Every place `quote` occurs in `text` as whole words (or, when it never does, inside words), in order, as offsets into `text`. */
export function findQuote(text: string, quote: string): QuoteMatch[] {
  const haystack = normalize(text);
  const needle = normalize(quote.trim()).text;
  if (needle === '') return [];
  const matches: QuoteMatch[] = [];
  for (let found = haystack.text.indexOf(needle); found >= 0; found = haystack.text.indexOf(needle, found + 1)) {
    const start = haystack.origin[found] as number;
    const end = (haystack.origin[found + needle.length - 1] as number) + 1;
    matches.push({ start, end });
  }
  // Whole-word places when there are any; a quote that is itself part of a word is still found.
  const whole = matches.filter((match) => onWordEdges(text, match.start, match.end));
  return whole.length > 0 ? whole : matches;
}
