/**
 * Finds a quote in an article's plain text the way a person reads it: runs of white space and
 * line breaks count as one space on both sides.
 */

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

/** Every place `quote` occurs in `text`, in order, as offsets into `text`. */
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
  return matches;
}
