/**
 * What a PDF's typography says about its paragraphs, measured over the whole document: the body
 * font size, the line spacing of each font size, and where the text column starts and ends.
 * A single page cannot say this: on a page of one-sentence paragraphs the usual gap between
 * lines *is* the paragraph gap.
 */
import type { PdfLine } from './pdf-text-lines';

/** Typography measured over every page of one document. */
export interface PdfMetrics {
  /** The font size most letters are set in. */
  bodySize: number;
  /** The baseline-to-baseline distance of lines of one paragraph at `size`. */
  lineSpacing(size: number): number;
  /** Where the text column starts and ends for lines of this direction (x in points). */
  column(rtl: boolean): { start: number; end: number };
}

/** Sizes within half a point are one size: producers round positions and scales differently. */
export const sizeKey = (size: number): number => Math.round(size * 2) / 2;

/** Same size for layout purposes (within `tolerance` of the larger). */
export function sameSize(first: number, second: number, tolerance = 0.08): boolean {
  return Math.abs(first - second) <= Math.max(first, second) * tolerance;
}

/** Where a line starts in its reading direction. */
export const lineStart = (line: PdfLine): number => (line.rtl ? line.right : line.left);
/** Where a line ends in its reading direction. */
export const lineEnd = (line: PdfLine): number => (line.rtl ? line.left : line.right);

function mostCommon(values: Map<number, number>): number | undefined {
  let best: number | undefined;
  let bestCount = -1;
  for (const [value, count] of values) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

/**
 * The smallest gap that recurs: gaps inside paragraphs are the smallest that occur more than
 * once; paragraph, heading and list gaps are larger.
 */
function smallestRecurringGap(gaps: number[]): number | undefined {
  const sorted = [...gaps].sort((left, right) => left - right);
  const needed = Math.min(2, sorted.length);
  for (const [index, gap] of sorted.entries()) {
    if (sorted.slice(index).filter((other) => other <= gap * 1.1).length >= needed) return gap;
  }
  return undefined;
}

/** Measures `pages` (page furniture already removed). */
export function measurePdf(pages: PdfLine[][]): PdfMetrics {
  const letters = new Map<number, number>();
  for (const line of pages.flat()) letters.set(sizeKey(line.size), (letters.get(sizeKey(line.size)) ?? 0) + line.text.length);
  const bodySize = mostCommon(letters) ?? 10;

  const gapsBySize = new Map<number, number[]>();
  for (const lines of pages) {
    lines.slice(1).forEach((line, index) => {
      const previous = lines[index] as PdfLine;
      const gap = previous.y - line.y;
      if (sizeKey(previous.size) !== sizeKey(line.size) || previous.rtl !== line.rtl || gap <= 0 || gap > line.size * 4) return;
      const gaps = gapsBySize.get(sizeKey(line.size)) ?? [];
      gaps.push(gap);
      gapsBySize.set(sizeKey(line.size), gaps);
    });
  }
  const spacing = new Map<number, number>();
  for (const [size, gaps] of gapsBySize) {
    const gap = smallestRecurringGap(gaps);
    // Wider than 2.3 times the font size is no line spacing a text is set in: those were all paragraph gaps.
    if (gap !== undefined && gap <= size * 2.3) spacing.set(size, gap);
  }
  const bodyRatio = (spacing.get(sizeKey(bodySize)) ?? bodySize * 1.2) / bodySize;

  const columns = new Map<boolean, { start: number; end: number }>();
  for (const rtl of [false, true]) {
    const body = pages.flat().filter((line) => line.rtl === rtl && sameSize(line.size, bodySize));
    const starts = new Map<number, number>();
    for (const line of body) starts.set(Math.round(lineStart(line)), (starts.get(Math.round(lineStart(line))) ?? 0) + 1);
    const start = mostCommon(starts);
    if (start === undefined) continue;
    // Not the farthest end: a few lines that overflow the column (a wide code line, a long address)
    // would make every full line of an indented list look short. One line in ten may stick out.
    const ends = body.map(lineEnd).sort((left, right) => (rtl ? right - left : left - right));
    columns.set(rtl, {
      start,
      end: ends[Math.min(ends.length - 1, Math.floor(ends.length * 0.9))] as number,
    });
  }
  const fallback = columns.get(false) ?? columns.get(true) ?? { start: 0, end: 0 };

  return {
    bodySize,
    lineSpacing: (size) => spacing.get(sizeKey(size)) ?? size * bodyRatio,
    column: (rtl) => columns.get(rtl) ?? fallback,
  };
}
