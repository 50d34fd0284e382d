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

export class TextMapper {
  private readonly segments: Segment[] = [];

  constructor(oldText: string, newText: string) {
    let oldStart = 0;
    let newStart = 0;
    for (const [operation, text] of diff(oldText, newText)) {
      const length = text.length;
      this.segments.push({
        oldStart,
        newStart,
        oldLength: operation === diff.INSERT ? 0 : length,
        newLength: operation === diff.DELETE ? 0 : length,
        equal: operation === diff.EQUAL,
      });
      if (operation !== diff.INSERT) oldStart += length;
      if (operation !== diff.DELETE) newStart += length;
    }
  }

  /** Where old offset `offset` is in the new text; inside a changed stretch, its start (or end). */
  map(offset: number, bias: 'start' | 'end' = 'start'): number {
    for (const segment of this.segments) {
      if (segment.oldLength === 0) continue;
      if (offset < segment.oldStart + segment.oldLength || (bias === 'end' && offset === segment.oldStart + segment.oldLength && !segment.equal)) {
        if (offset < segment.oldStart) break;
        return segment.equal ? segment.newStart + (offset - segment.oldStart) : bias === 'start' ? segment.newStart : segment.newStart + segment.newLength;
      }
    }
    const last = this.segments[this.segments.length - 1];
    return last ? last.newStart + last.newLength : 0;
  }
}
