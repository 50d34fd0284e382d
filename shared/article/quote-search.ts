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

/**
 * Whether a UTF-16 code unit is white space as the regular expression `\s` defines it
 * (ECMAScript WhiteSpace and LineTerminator), without running a regular expression per character.
 */
function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * An article's text made ready to search many quotes in: white-space runs folded to one space
 * once, so a command adding thousands of claims reads the article once, not once per claim.
 */
export interface PreparedText {
  /** The text as given; match offsets count its UTF-16 code units. */
  text: string;
  /** The text with each run of white space folded to one space. */
  folded: string;
  /** For each code unit of `folded`, its offset in `text`. */
  origin: Uint32Array;
}

/** `text` with its white space folded, for findQuoteIn. */
export function prepareText(text: string): PreparedText {
  const origin = new Uint32Array(text.length);
  const parts: string[] = [];
  let length = 0;
  let runStart = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length && !isWhiteSpace(text.charCodeAt(index))) continue;
    // The word characters since the last space, copied in one piece, then one space for the run.
    parts.push(text.slice(runStart, index));
    for (let offset = runStart; offset < index; offset++) origin[length++] = offset;
    if (index === text.length) break;
    parts.push(' ');
    origin[length++] = index;
    while (index + 1 < text.length && isWhiteSpace(text.charCodeAt(index + 1))) index++;
    runStart = index + 1;
  }
  return { text, folded: parts.join(''), origin: origin.subarray(0, length) };
}

export interface QuoteMatch {
  start: number;
  end: number;
}

/** Every place `quote` occurs in `text` as whole words (or, when it never does, inside words), in order, as offsets into `text`. */
export function findQuote(text: string, quote: string): QuoteMatch[] {
  return findQuoteIn(prepareText(text), quote);
}

/** findQuote on a text prepared once with prepareText: the same matches, without folding the text again. */
export function findQuoteIn(prepared: PreparedText, quote: string): QuoteMatch[] {
  const needle = foldQuote(quote);
  return needle === '' ? [] : matchesAt(prepared, needle, placesOf(prepared.folded, needle));
}

/**
 * findQuoteIn for each of `quotes`, reading the text once for all of them: thousands of quotes
 * cost one pass over a long article, not one search each. The answer for each quote is the same.
 */
export function findQuotesIn(prepared: PreparedText, quotes: readonly string[]): QuoteMatch[][] {
  const needles = quotes.map(foldQuote);
  const places = needles.map((): number[] => []);
  const scanned: number[] = [];
  needles.forEach((needle, index) => {
    if (needle.length >= KEY_LENGTH && quotes.length >= SCAN_FROM) scanned.push(index);
    else if (needle !== '') places[index] = placesOf(prepared.folded, needle);
  });
  if (scanned.length > 0) scanForQuotes(prepared.folded, needles, scanned, places);
  return needles.map((needle, index) => (needle === '' ? [] : matchesAt(prepared, needle, places[index] as number[])));
}

/** How a quote is searched for: trimmed, its white space folded as the text's is. */
function foldQuote(quote: string): string {
  return prepareText(quote.trim()).folded;
}

/** Every offset of `folded` where `needle` starts, overlapping ones included, in order. */
function placesOf(folded: string, needle: string): number[] {
  const places: number[] = [];
  for (let found = folded.indexOf(needle); found >= 0; found = folded.indexOf(needle, found + 1)) places.push(found);
  return places;
}

/** The matches of `needle` at `places` (offsets in the folded text), as offsets into the text: the whole-word ones when there are any. */
function matchesAt(prepared: PreparedText, needle: string, places: readonly number[]): QuoteMatch[] {
  const { text, origin } = prepared;
  const matches = places.map((found) => ({ start: origin[found] as number, end: (origin[found + needle.length - 1] as number) + 1 }));
  // Whole-word places when there are any; a quote that is itself part of a word is still found.
  const whole = matches.filter((match) => onWordEdges(text, match.start, match.end));
  return whole.length > 0 ? whole : matches;
}

/** Code units hashed to pick the candidate quotes at an offset; shorter quotes are searched one by one. */
const KEY_LENGTH = 16;
/** Below this many quotes, one search each is quicker than a pass over the text. */
const SCAN_FROM = 8;
const HASH_BASE = 31;
/** HASH_BASE to the power KEY_LENGTH - 1, modulo 2^32: what the code unit leaving the window weighed. */
const LEAVING_WEIGHT = Array.from({ length: KEY_LENGTH - 1 }).reduce<number>((weight) => Math.imul(weight, HASH_BASE), 1);

/** Calls `onKey` with the hash of every KEY_LENGTH-long window of `text` (at least that long) and its offset, in order. */
function forEachWindow(text: string, onKey: (key: number, offset: number) => void): void {
  let hash = 0;
  for (let index = 0; index < KEY_LENGTH; index++) hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(index)) | 0;
  for (let offset = 0; ; offset++) {
    // 30 bits: a small integer keys a Map quickly.
    onKey(hash & 0x3fffffff, offset);
    if (offset + KEY_LENGTH >= text.length) return;
    hash = (Math.imul(hash - Math.imul(text.charCodeAt(offset), LEAVING_WEIGHT), HASH_BASE) + text.charCodeAt(offset + KEY_LENGTH)) | 0;
  }
}

/**
 * Rabin–Karp with many patterns: each quote is keyed by the one window of its own that the fewest
 * other quotes share (quotes often begin alike: "The minister said…"), then one rolling-hash pass
 * over `folded` compares in full only the quotes whose window hashes like the text at that offset.
 * Each place found is added to its quote's `places`, in order.
 */
function scanForQuotes(folded: string, needles: readonly string[], scanned: readonly number[], places: number[][]): void {
  const shared = new Map<number, number>();
  for (const index of scanned) forEachWindow(needles[index] as string, (key) => shared.set(key, (shared.get(key) ?? 0) + 1));
  const byKey = new Map<number, number[]>();
  const keyOffset = new Map<number, number>();
  for (const index of scanned) {
    let best = { key: 0, offset: 0, sharedBy: Infinity };
    forEachWindow(needles[index] as string, (key, offset) => {
      const sharedBy = shared.get(key) as number;
      if (sharedBy < best.sharedBy) best = { key, offset, sharedBy };
    });
    keyOffset.set(index, best.offset);
    const alike = byKey.get(best.key);
    if (alike) alike.push(index);
    else byKey.set(best.key, [index]);
  }
  if (folded.length < KEY_LENGTH) return;
  forEachWindow(folded, (key, offset) => {
    const candidates = byKey.get(key);
    if (!candidates) return;
    for (const index of candidates) {
      const start = offset - (keyOffset.get(index) as number);
      if (start >= 0 && folded.startsWith(needles[index] as string, start)) places[index]?.push(start);
    }
  });
}
