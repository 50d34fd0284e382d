/**
 * Edit distance and boundary helpers for re-anchoring: how alike an old quote and a new passage
 * are, and where a fuzzy match should start and end so it covers whole words and characters.
 */

let rowBuffer = new Uint32Array(256);

/** Levenshtein distance; gives up (returns `limit + 1`) once it cannot be `limit` or less. */
export function levenshtein(left: string, right: string, limit = Infinity): number {
  if (left === right) return 0;
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  if (rowBuffer.length <= right.length) rowBuffer = new Uint32Array(right.length * 2 + 1);
  const row = rowBuffer;
  for (let column = 0; column <= right.length; column++) row[column] = column;
  for (let index = 1; index <= left.length; index++) {
    const char = left.charCodeAt(index - 1);
    let diagonal = row[0] as number;
    let best = index;
    row[0] = index;
    for (let column = 1; column <= right.length; column++) {
      const above = row[column] as number;
      const value = Math.min(above + 1, (row[column - 1] as number) + 1, diagonal + (char === right.charCodeAt(column - 1) ? 0 : 1));
      row[column] = value;
      diagonal = above;
      if (value < best) best = value;
    }
    // Every path to the end passes through this row, so its minimum bounds the distance.
    if (best > limit) return limit + 1;
  }
  return row[right.length] as number;
}

/** 1 when `actual` is `expected`, falling towards 0 as they differ; an empty `expected` agrees with anything. */
export function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  return Math.max(0, 1 - levenshtein(expected, actual, expected.length) / expected.length);
}

const SPACE = /\s/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Combining marks, including emoji variation selectors. */
const MARK = /\p{M}/u;

type Boundary = 'token' | 'word' | 'none';

function isSpace(char: string | undefined): boolean {
  return char === undefined || SPACE.test(char);
}

function isWord(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

/** What kind of edge the old quote had at one end: between whitespace and text, between a word and punctuation, or inside a word. */
function boundaryKind(outside: string | undefined, inside: string | undefined): Boundary {
  if (isSpace(outside) !== isSpace(inside)) return 'token';
  if (isWord(outside) !== isWord(inside)) return 'word';
  return 'none';
}

function isBoundary(text: string, offset: number, kind: Boundary): boolean {
  const before = text[offset - 1];
  const after = text[offset];
  if (kind === 'token') return isSpace(before) !== isSpace(after);
  return isWord(before) !== isWord(after) || isSpace(before) !== isSpace(after);
}

/**
 * Moves `offset` off the middle of a character: not between the halves of a surrogate pair, not
 * before a combining mark or inside an emoji joined by ZWJ, so a placement never cuts a glyph.
 */
export function wholeCharacter(text: string, offset: number, direction: -1 | 1): number {
  let at = Math.max(0, Math.min(text.length, offset));
  const inside = (position: number): boolean => {
    const code = text.charCodeAt(position);
    if (code >= 0xdc00 && code <= 0xdfff) return true;
    return MARK.test(text[position] ?? '') || text[position] === '\u200d' || text[position - 1] === '\u200d';
  };
  while (at > 0 && at < text.length && inside(at)) at += direction;
  return at;
}

/**
 * Where a span end near `offset` may go: the two nearest edges of `kind` on either side, and
 * `offset` itself only when it already is one (or nothing is near), so an end never stays inside a word.
 */
function endsNear(text: string, offset: number, kind: Boundary, side: 'start' | 'end', reach: number, trusted: boolean): number[] {
  if (kind === 'none') return [offset];
  const isEdge = (at: number): boolean => isBoundary(text, at, kind) && !isSpace(side === 'start' ? text[at] : text[at - 1]);
  if (trusted && isEdge(offset)) return [offset];
  const found = isEdge(offset) ? [offset] : [];
  for (const step of [-1, 1]) {
    let seen = 0;
    for (let at = offset + step; seen < 2 && at >= 0 && at <= text.length && Math.abs(at - offset) <= reach; at += step) {
      if (isEdge(at)) {
        found.push(at);
        seen++;
      }
    }
  }
  return found.length > 0 ? found : [offset];
}

/** Where a fuzzy or diff-mapped span should really start and end, and how alike it is to the quote. */
export interface Fitted {
  start: number;
  end: number;
  similarity: number;
}

let columnBuffer = new Uint32Array(256);

/**
 * Edit distance between `quote` and the text from `fixed` to each of `targets`: forwards (targets
 * after `fixed`) or backwards (targets before it). One dynamic-programming pass serves every
 * target, since each column holds the distance to the text read so far. Targets whose distance
 * exceeds `limit` are left out.
 */
function distancesFrom(quote: string, text: string, fixed: number, targets: number[], direction: 1 | -1, limit: number): Map<number, number> {
  const length = quote.length;
  const reach = Math.max(0, ...targets.map((target) => (target - fixed) * direction));
  const outside = limit + 1;
  if (columnBuffer.length <= length) columnBuffer = new Uint32Array(length * 2 + 1);
  const column = columnBuffer;
  for (let row = 0; row <= length; row++) column[row] = Math.min(row, outside);
  const found = new Map<number, number>();
  const record = (read: number, low: number): void => {
    const at = fixed + read * direction;
    const value = low <= length ? (column[length] as number) : outside;
    if (value <= limit && targets.includes(at)) found.set(at, value);
  };
  record(0, 0);
  for (let read = 1; read <= reach; read++) {
    // Only a band of rows can be within the limit: a distance is at least the difference in lengths.
    const low = Math.max(1, read - limit);
    const high = Math.min(length, read + limit);
    if (low > high) break;
    const char = text.charCodeAt(direction === 1 ? fixed + read - 1 : fixed - read);
    let diagonal = column[low - 1] as number;
    let above = low === 1 ? read : outside;
    column[low - 1] = above;
    let lowest = above;
    for (let row = low; row <= high; row++) {
      const quoteChar = quote.charCodeAt(direction === 1 ? row - 1 : length - row);
      const left = column[row] as number;
      const value = Math.min(left + 1, above + 1, diagonal + (quoteChar === char ? 0 : 1), outside);
      column[row] = value;
      diagonal = left;
      above = value;
      if (value < lowest) lowest = value;
    }
    // Every alignment with more text passes through this column: none can come back under the limit.
    if (lowest > limit) break;
    record(read, low);
  }
  return found;
}

/**
 * Snaps the ends of a candidate span to the kind of edge the quote had in the old text (a word or
 * a whitespace boundary). Each end goes where quote and context together differ least from the
 * new text: when a last word was replaced, dropping it costs the quote as much as keeping it, and
 * only the context after it tells that it belongs to the sentence. Fuzzy matchers stop a few
 * letters short or run into a neighbour's digits; a reviewer wants words. Spans less alike than
 * `minSimilarity` are not worth measuring exactly: they come back with similarity 0. A `trusted`
 * end (mapped through a diff, with the quote's own letters beside it) stays where it is if on an edge.
 */
export function fit(quote: string, prefix: string, suffix: string, text: string, start: number, end: number, minSimilarity = 0, trusted = { start: false, end: false }): Fitted {
  const reach = 16;
  const limit = Math.floor(quote.length * (1 - minSimilarity));
  const from = wholeCharacter(text, start, -1);
  const to = Math.max(from, wholeCharacter(text, end, 1));
  const before = (at: number): number => levenshtein(prefix, text.slice(Math.max(0, at - prefix.length), at));
  const after = (at: number): number => levenshtein(suffix, text.slice(at, at + suffix.length));
  // Among equally good ends: the span as long as the quote (a word replaced rather than dropped),
  // then the one nearer the matcher's own guess.
  const pick = (candidates: number[], origin: number, costs: Map<number, number>, context: (at: number) => number, length: (at: number) => number): number =>
    candidates
      .map((at) => ({ at, cost: (costs.get(at) ?? quote.length) + (candidates.length > 1 ? context(at) : 0), length: Math.abs(length(at) - quote.length), distance: Math.abs(at - origin) }))
      .sort((left, right) => left.cost - right.cost || left.length - right.length || left.distance - right.distance)[0]?.at ?? origin;
  const starts = endsNear(text, from, boundaryKind(prefix.at(-1), quote[0]), 'start', reach, trusted.start).filter((at) => at <= to);
  // One candidate needs no measuring here: the pass over the ends measures the span.
  const bestStart = starts.length === 1 ? (starts[0] as number) : pick(starts, from, distancesFrom(quote, text, to, starts, -1, limit), before, (at) => to - at);
  const ends = endsNear(text, Math.max(to, bestStart), boundaryKind(quote.at(-1), suffix[0]), 'end', reach, trusted.end).filter((at) => at >= bestStart);
  const endCosts = distancesFrom(quote, text, bestStart, ends, 1, limit);
  const bestEnd = pick(ends, to, endCosts, after, (at) => at - bestStart);
  const distance = endCosts.get(bestEnd) ?? quote.length;
  return { start: bestStart, end: bestEnd, similarity: quote.length === 0 ? 1 : Math.max(0, 1 - distance / quote.length) };
}
