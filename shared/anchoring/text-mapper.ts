/**
 * Maps offsets in an old version of an article's text to the new version, through a character
 * diff (fast-diff). Most claims then need no search at all: their text is where the diff says.
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

export class TextMapper {
  private readonly segments: Segment[] = [];
  private oldStart = 0;
  private newStart = 0;

  /**
   * A character diff of a whole long article is slow (Myers is O(N·D)); diffing lines first and
   * characters only inside changed lines keeps a 1 MB article with scattered edits fast.
   */
  constructor(oldText: string, newText: string) {
    const codes = new Map<string, string>();
    const encode = (lines: string[]): string =>
      lines
        .map((line) => {
          let code = codes.get(line);
          if (code === undefined) {
            // Skip the surrogate range so every line is one UTF-16 unit.
            const next = codes.size + 0x100;
            code = String.fromCharCode(next >= 0xd800 ? next + 0x800 : next);
            codes.set(line, code);
          }
          return code;
        })
        .join('');
    const oldLines = linesOf(oldText);
    const newLines = linesOf(newText);
    if (oldLines.length + newLines.length > 60_000) {
      this.addCharDiff(oldText, newText);
      return;
    }
    let oldLine = 0;
    let newLine = 0;
    let pendingOld = '';
    let pendingNew = '';
    const flush = (): void => {
      if (pendingOld || pendingNew) this.addCharDiff(pendingOld, pendingNew);
      pendingOld = '';
      pendingNew = '';
    };
    for (const [operation, encoded] of diff(encode(oldLines), encode(newLines))) {
      const count = encoded.length;
      if (operation === diff.EQUAL) {
        flush();
        const text = oldLines.slice(oldLine, oldLine + count).join('');
        this.push(text.length, text.length, true);
        oldLine += count;
        newLine += count;
      } else if (operation === diff.DELETE) {
        pendingOld += oldLines.slice(oldLine, oldLine + count).join('');
        oldLine += count;
      } else {
        pendingNew += newLines.slice(newLine, newLine + count).join('');
        newLine += count;
      }
    }
    flush();
  }

  private push(oldLength: number, newLength: number, equal: boolean): void {
    if (oldLength === 0 && newLength === 0) return;
    this.segments.push({ oldStart: this.oldStart, newStart: this.newStart, oldLength, newLength, equal });
    this.oldStart += oldLength;
    this.newStart += newLength;
  }

  private addCharDiff(oldText: string, newText: string): void {
    for (const [operation, text] of diff(oldText, newText)) {
      if (operation === diff.EQUAL) this.push(text.length, text.length, true);
      else if (operation === diff.DELETE) this.push(text.length, 0, false);
      else this.push(0, text.length, false);
    }
  }

  /** Where old offset `offset` is in the new text; inside a changed stretch, its start (or end). */
  map(offset: number, bias: 'start' | 'end' = 'start'): number {
    // Binary search: the last segment starting at or before `offset` in the old text.
    let low = 0;
    let high = this.segments.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const segment = this.segments[middle] as Segment;
      if (segment.oldStart <= offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    // Insertions have no old length; step back to the segment that covers the offset.
    while (found > 0 && (this.segments[found] as Segment).oldLength === 0) found--;
    const segment = this.segments[found];
    if (!segment) return 0;
    if (offset >= segment.oldStart + segment.oldLength) return segment.newStart + segment.newLength;
    if (segment.equal) return segment.newStart + (offset - segment.oldStart);
    return bias === 'start' ? segment.newStart : segment.newStart + segment.newLength;
  }
}
