/**
 * An index of the pieces of a text that start after whitespace, GRAM characters long. Scanning a
 * 1 MB article with indexOf or a fuzzy matcher for each of thousands of claims takes seconds; a
 * look-up of a few pieces of each quote takes microseconds, and any exact copy of the quote, or
 * any copy-edited one, still contains some of its pieces in place.
 */

/** Long enough to be rare in prose, short enough that a one-word edit leaves some pieces whole. */
export const GRAM = 24;

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

function hash(text: string, start: number): number {
  let value = 0;
  for (let index = start; index < start + GRAM; index++) value = (Math.imul(value, 31) + text.charCodeAt(index)) | 0;
  return value;
}

/** Offsets in `text` (from `from` to before `to`) where a piece may start: the first character after whitespace. */
export function pieceStarts(text: string, from = 0, to = text.length): number[] {
  const starts: number[] = [];
  for (let index = Math.max(1, from); index < to && index + GRAM <= text.length; index++) {
    if (isSpaceCode(text.charCodeAt(index - 1)) && !isSpaceCode(text.charCodeAt(index))) starts.push(index);
  }
  return starts;
}

/** Where pieces of the text occur: a hash table in typed arrays, as a Map of 100,000s of entries is slow to build. */
export class GramIndex {
  private readonly heads: Int32Array;
  private readonly next: Int32Array;
  private readonly hashes: Int32Array;
  private readonly starts: Int32Array;
  private readonly mask: number;

  /** `ranges` limits the index to those stretches of the text (say, the ones a diff saw as new). */
  constructor(
    private readonly text: string,
    ranges: readonly (readonly [number, number])[] = [[0, text.length]],
  ) {
    const starts = ranges.flatMap(([from, to]) => pieceStarts(text, from, to));
    if (text.length >= GRAM && !isSpaceCode(text.charCodeAt(0)) && (ranges[0]?.[0] ?? 1) === 0) starts.unshift(0);
    this.starts = Int32Array.from(starts);
    let size = 1024;
    while (size < starts.length * 2) size *= 2;
    this.mask = size - 1;
    this.heads = new Int32Array(size).fill(-1);
    this.next = new Int32Array(starts.length);
    this.hashes = new Int32Array(starts.length);
    for (let entry = 0; entry < starts.length; entry++) {
      const key = hash(text, starts[entry] as number);
      const bucket = key & this.mask;
      this.hashes[entry] = key;
      this.next[entry] = this.heads[bucket] as number;
      this.heads[bucket] = entry;
    }
  }

  /** Offsets where `source.slice(at, at + GRAM)` occurs in the text; undefined when over `limit`, as the piece then says little. */
  find(source: string, at: number, limit: number): number[] | undefined {
    const key = hash(source, at);
    const piece = source.slice(at, at + GRAM);
    const found: number[] = [];
    for (let entry = this.heads[key & this.mask] as number; entry >= 0; entry = this.next[entry] as number) {
      if (this.hashes[entry] !== key) continue;
      const start = this.starts[entry] as number;
      if (!this.text.startsWith(piece, start)) continue;
      if (found.length === limit) return undefined;
      found.push(start);
    }
    // Entries were chained newest first.
    return found.reverse();
  }
}
