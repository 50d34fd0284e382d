/**
 * Maps offsets in an old version of an article's text to the new version, through a character
 * diff (fast-diff). Most claims then need no search at all: their text is where the diff says.
 * It also tells which new text the diff saw as already there, so a search elsewhere does not
 * mistake another, older copy of a passage for a claim whose own passage was deleted.
 */
import diff from 'fast-diff';

interface Segment {
  /** Start of the segment in the old and the new text. */
  oldStart: number;
  newStart: number;
  /** Length in the old text (0 for an insertion) and in the new one (0 for a deletion). */
  oldLength: number;
  newLength: number;
  equal: boolean;
}

/** Lines of `text`, each with its line break. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** . ! ? and their CJK and Arabic forms. */
const SENTENCE_END = new Set([0x2e, 0x21, 0x3f, 0x3002, 0xff01, 0xff1f, 0x061f]);
const SPACE = /\s/;

/** Sentences, each with the whitespace after it: a paragraph's untouched sentences then need no word diff. */
function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    if (!SENTENCE_END.has(text.charCodeAt(index))) continue;
    let next = index + 1;
    while (next < text.length && SPACE.test(text[next] as string)) next++;
    // "3.4" is not a sentence end: only punctuation followed by whitespace is.
    if (next === index + 1) continue;
    sentences.push(text.slice(start, next));
    start = next;
    index = next - 1;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

/** Words and the whitespace between them. */
function tokensOf(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

/** Pairs of indexes of lines that occur exactly once in each text, the longest run of them in the same order in both. */
function uniqueMatches(oldLines: string[], newLines: string[]): (readonly [number, number])[] {
  const seen = new Map<string, { old: number; new: number; oldCount: number; newCount: number }>();
  oldLines.forEach((line, index) => {
    const entry = seen.get(line);
    if (entry) entry.oldCount++;
    else seen.set(line, { old: index, new: -1, oldCount: 1, newCount: 0 });
  });
  newLines.forEach((line, index) => {
    const entry = seen.get(line);
    if (entry && entry.newCount++ === 0) entry.new = index;
  });
  const pairs = [...seen.values()].filter((entry) => entry.oldCount === 1 && entry.newCount === 1).sort((left, right) => left.old - right.old);
  // Longest increasing subsequence of the new indexes (patience sorting with back links).
  const tails: number[] = [];
  const back = new Int32Array(pairs.length).fill(-1);
  pairs.forEach((pair, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((pairs[tails[middle] as number] as { new: number }).new < pair.new) low = middle + 1;
      else high = middle;
    }
    if (low > 0) back[index] = tails[low - 1] as number;
    tails[low] = index;
  });
  const matches: [number, number][] = [];
  for (let index = tails.at(-1) ?? -1; index >= 0; index = back[index] as number) {
    const pair = pairs[index] as { old: number; new: number };
    matches.push([pair.old, pair.new]);
  }
  return matches.reverse();
}

/** Each distinct unit as one UTF-16 code unit (not a surrogate), so fast-diff can diff units; undefined when there are too many. */
function encode(oldUnits: string[], newUnits: string[]): [string, string] | undefined {
  const codes = new Map<string, string>();
  const encodeAll = (units: string[]): string | undefined => {
    let encoded = '';
    for (const unit of units) {
      let code = codes.get(unit);
      if (code === undefined) {
        const next = codes.size + 0x100;
        if (next >= 0xf000) return undefined;
        code = String.fromCharCode(next >= 0xd800 ? next + 0x800 : next);
        codes.set(unit, code);
      }
      encoded += code;
    }
    return encoded;
  };
  const encodedOld = encodeAll(oldUnits);
  const encodedNew = encodedOld === undefined ? undefined : encodeAll(newUnits);
  return encodedOld === undefined || encodedNew === undefined ? undefined : [encodedOld, encodedNew];
}

/** Offsets of an old article text in its new version, from a line, sentence, word, then character diff. */
export class TextMapper {
  private readonly segments: Segment[] = [];
  private oldStart = 0;
  private newStart = 0;

  /**
   * A character diff of a whole long article is slow (Myers is O(N·D)); diffing lines first, then
   * sentences and words inside changed ones, then characters inside changed words keeps a 1 MB article with
   * scattered edits fast, and maps a reworded passage as replaced rather than threaded through
   * letters it happens to share with the old one.
   */
  constructor(oldText: string, newText: string) {
    const oldLines = linesOf(oldText);
    const newLines = linesOf(newText);
    const byWords = (oldPart: string, newPart: string): void =>
      this.diffUnits(tokensOf(oldPart), tokensOf(newPart), true, (oldWords, newWords) => this.addCharDiff(oldWords, newWords));
    const bySentences = (oldPart: string, newPart: string): void => this.diffUnits(sentencesOf(oldPart), sentencesOf(newPart), false, byWords);
    // Myers over lines is O(N·D) too, and D is large when many paragraphs got a small edit: lines
    // found once in each text, in the same order, are matched first (as patience diff does), and
    // only the short runs between them are diffed.
    let oldAt = 0;
    let newAt = 0;
    for (const [oldLine, newLine] of [...uniqueMatches(oldLines, newLines), [oldLines.length, newLines.length] as const]) {
      this.diffUnits(oldLines.slice(oldAt, oldLine), newLines.slice(newAt, newLine), false, bySentences);
      const line = oldLines[oldLine];
      if (line !== undefined) this.push(line.length, line.length, true);
      oldAt = oldLine + 1;
      newAt = newLine + 1;
    }
  }

  /** Diffs two lists of units; unchanged runs become segments, each changed run goes to `changed`. */
  private diffUnits(allOld: string[], allNew: string[], cleanup: boolean, changed: (oldText: string, newText: string) => void): void {
    // Common units at both ends, and a one-for-one change between them, need no diff (most
    // changed runs are one paragraph, sentence or word): thousands of small diffs cost more than their work.
    let head = 0;
    while (head < allOld.length && head < allNew.length && allOld[head] === allNew[head]) head++;
    let tail = 0;
    while (tail < allOld.length - head && tail < allNew.length - head && allOld[allOld.length - 1 - tail] === allNew[allNew.length - 1 - tail]) tail++;
    const same = (units: string[]): void => {
      const text = units.join('');
      this.push(text.length, text.length, true);
    };
    same(allOld.slice(0, head));
    const oldUnits = allOld.slice(head, allOld.length - tail);
    const newUnits = allNew.slice(head, allNew.length - tail);
    const encoded = oldUnits.length <= 1 || newUnits.length <= 1 ? undefined : encode(oldUnits, newUnits);
    if (!encoded) {
      if (oldUnits.length > 0 || newUnits.length > 0) changed(oldUnits.join(''), newUnits.join(''));
      same(allOld.slice(allOld.length - tail));
      return;
    }
    let oldUnit = 0;
    let newUnit = 0;
    let pendingOld = '';
    let pendingNew = '';
    const flush = (): void => {
      if (pendingOld || pendingNew) changed(pendingOld, pendingNew);
      pendingOld = '';
      pendingNew = '';
    };
    for (const [operation, run] of diff(encoded[0], encoded[1], undefined, cleanup)) {
      const count = run.length;
      if (operation === diff.EQUAL) {
        flush();
        const text = oldUnits.slice(oldUnit, oldUnit + count).join('');
        this.push(text.length, text.length, true);
        oldUnit += count;
        newUnit += count;
      } else if (operation === diff.DELETE) {
        pendingOld += oldUnits.slice(oldUnit, oldUnit + count).join('');
        oldUnit += count;
      } else {
        pendingNew += newUnits.slice(newUnit, newUnit + count).join('');
        newUnit += count;
      }
    }
    flush();
    same(allOld.slice(allOld.length - tail));
  }

  private push(oldLength: number, newLength: number, equal: boolean): void {
    if (oldLength === 0 && newLength === 0) return;
    this.segments.push({ oldStart: this.oldStart, newStart: this.newStart, oldLength, newLength, equal });
    this.oldStart += oldLength;
    this.newStart += newLength;
  }

  /**
   * Inside a changed run of words only the letters they share at both ends are kept: that is all
   * an edited word needs (a claim starting or ending inside it), and a character diff of longer
   * runs would thread new words through letters they happen to share with the old ones.
   */
  private addCharDiff(oldText: string, newText: string): void {
    let head = 0;
    while (head < oldText.length && head < newText.length && oldText[head] === newText[head]) head++;
    let tail = 0;
    while (tail < oldText.length - head && tail < newText.length - head && oldText[oldText.length - 1 - tail] === newText[newText.length - 1 - tail]) tail++;
    this.push(head, head, true);
    this.push(oldText.length - head - tail, 0, false);
    this.push(0, newText.length - head - tail, false);
    this.push(tail, tail, true);
  }

  /** Where old offset `offset` is in the new text; inside a changed stretch, its start (or end). */
  map(offset: number, bias: 'start' | 'end' = 'start'): number {
    let found = this.segmentAt(offset, 'oldStart');
    // Insertions have no old length; step back to the segment that covers the offset.
    while (found > 0 && (this.segments[found] as Segment).oldLength === 0) found--;
    const segment = this.segments[found];
    if (!segment) return 0;
    if (offset >= segment.oldStart + segment.oldLength) return segment.newStart + segment.newLength;
    if (segment.equal) return segment.newStart + (offset - segment.oldStart);
    if (bias === 'start') return segment.newStart;
    // A deletion followed by an insertion is a replacement: the old text's end is the new text's end.
    const next = this.segments[found + 1];
    if (next && !next.equal && next.oldLength === 0) return next.newStart + next.newLength;
    return segment.newStart + segment.newLength;
  }

  /** The index of the last segment whose `key` start is at or before `offset`. */
  private segmentAt(offset: number, key: 'oldStart' | 'newStart'): number {
    let low = 0;
    let high = this.segments.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.segments[middle] as Segment)[key] <= offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  /**
   * The share of new text [newStart, newEnd) that the diff kept unchanged from old text outside
   * [oldStart, oldEnd): text that was there before, somewhere else, so it is not that old passage.
   */
  foreignShare(newStart: number, newEnd: number, oldStart: number, oldEnd: number): number {
    if (newEnd <= newStart) return 0;
    let foreign = 0;
    for (let index = Math.max(0, this.segmentAt(newStart, 'newStart')); index < this.segments.length; index++) {
      const segment = this.segments[index] as Segment;
      if (segment.newStart >= newEnd) break;
      if (!segment.equal) continue;
      const from = Math.max(newStart, segment.newStart);
      const to = Math.min(newEnd, segment.newStart + segment.newLength);
      if (to <= from) continue;
      // The same stretch in old offsets; only the part outside the old passage is foreign.
      const shift = segment.oldStart - segment.newStart;
      const inside = Math.max(0, Math.min(to + shift, oldEnd) - Math.max(from + shift, oldStart));
      foreign += to - from - inside;
    }
    return foreign / (newEnd - newStart);
  }

  /** Stretches of the new text that the diff saw as new (inserted or replacing old text), as [start, end). */
  newRanges(): [number, number][] {
    const ranges: [number, number][] = [];
    for (const segment of this.segments) {
      if (segment.equal || segment.newLength === 0) continue;
      const last = ranges.at(-1);
      const end = segment.newStart + segment.newLength;
      if (last && last[1] >= segment.newStart) last[1] = end;
      else ranges.push([segment.newStart, end]);
    }
    return ranges;
  }
}
