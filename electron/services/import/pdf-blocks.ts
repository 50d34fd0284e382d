/**
 * A PDF's lines grouped into the blocks of an article: headings (all lines of one headline),
 * paragraphs (also across page breaks), list items and quotes. The signals, in the order a reader
 * uses them: font size, the gap to the line above (against the document's own line spacing for
 * that size), indentation, a line ending early, a change of font, and bullets.
 */
import { lineEnd, measurePdf, sameSize, sizeKey, type PdfMetrics } from './pdf-page-metrics';
import type { PdfLine } from './pdf-text-lines';

/** One block of the article, with its reading direction. */
export interface PdfBlock {
  kind: 'heading' | 'paragraph' | 'list-item' | 'quote';
  text: string;
  /** 1 for the largest heading size, 2 and 3 for smaller ones; 0 for other blocks. */
  level: number;
  /** List items only: numbered rather than bulleted. */
  ordered: boolean;
  rtl: boolean;
}

interface OpenBlock {
  lines: PdfLine[];
  text: string;
  marker?: 'bullet' | 'ordered';
}

/** Larger than body text by a quarter: a headline or a subheading (or a pull quote). */
const HEADING_RATIO = 1.25;
const BULLET = /^[•◦▪▫●○■□‣⁃]\s*/;
// Dashes open dialogue in French and Spanish news; only a hyphen or an asterisk is taken for a bullet.
const WEAK_MARKER = /^(?:[-*]|(\d{1,3}|[\u0660-\u0669]{1,3})[.)])\s+/;
const OPENING_QUOTE = /^["“„«‘‹]/;

const LINE_END_HYPHEN = /\p{L}-$/u;
const wordsIn = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);

/**
 * The words of the document outside line-end hyphenation, to tell "infor-" + "mation" (one word
 * split by the typesetter) from "deep-" + "water" (a compound that broke at its own hyphen).
 */
function wordsOfDocument(pages: PdfLine[][]): Set<string> {
  const words = new Set<string>();
  let afterHyphen = false;
  for (const line of pages.flat()) {
    const lineWords = wordsIn(line.text);
    const endsHyphenated = LINE_END_HYPHEN.test(line.text);
    lineWords.slice(afterHyphen ? 1 : 0, endsHyphenated ? -1 : undefined).forEach((word) => words.add(word));
    afterHyphen = endsHyphenated;
  }
  return words;
}

function joinLines(previous: string, next: string, words: Set<string>): string {
  // A hyphen before a capital or digit stays ("Anglo-Saxon", "COVID-19"). Before a small letter it
  // goes when the whole word is used elsewhere or its halves are not words ("infor-mation"), and
  // stays when both halves are ("deep-water").
  if (LINE_END_HYPHEN.test(previous) && /^\p{Ll}/u.test(next)) {
    const left = wordsIn(previous).pop() ?? '';
    const right = wordsIn(next)[0] ?? '';
    const compound = !words.has(left + right) && words.has(left) && words.has(right);
    return compound ? previous + next : previous.slice(0, -1) + next;
  }
  return `${previous} ${next}`;
}

/** How far a line starts inside the text column, in points (negative: outside it). */
function offset(line: PdfLine, metrics: PdfMetrics): number {
  const { start } = metrics.column(line.rtl);
  return line.rtl ? start - line.right : line.left - start;
}

/** The estimated width of the first word of `line`, from the line's own average letter width. */
function firstWordWidth(line: PdfLine): number {
  const word = line.text.split(' ')[0] ?? '';
  return (word.length * Math.abs(line.right - line.left)) / Math.max(1, line.text.length);
}

/**
 * True when `line` ended before the text had to wrap: the next line's first word would have fitted
 * in the room left, measured against `reference`, the end of a neighbouring line of the same block.
 */
function endsEarly(line: PdfLine, next: PdfLine, reference: number, metrics: PdfMetrics): boolean {
  const room = line.rtl ? line.left - reference : reference - line.right;
  if (room > firstWordWidth(next) * 1.3 + line.size * 0.5) return true;
  // A bold byline over a regular date line: a whole change of font with room left.
  if (room > line.size && !line.fonts.some((font) => next.fonts.includes(font))) return true;
  // An indented line (a related-stories list) that stops well short of the column ends there.
  const column = metrics.column(line.rtl);
  const width = Math.abs(column.end - column.start);
  const roomInColumn = line.rtl ? line.left - column.end : column.end - line.right;
  return offset(line, metrics) >= metrics.bodySize * 0.8 && roomInColumn > width * 0.25;
}

function isHeadingSize(line: PdfLine, metrics: PdfMetrics): boolean {
  return line.size >= metrics.bodySize * HEADING_RATIO;
}

/** Whether `line` goes on with the open block whose last line is `previous`. */
function continues(open: OpenBlock, line: PdfLine, samePage: boolean, metrics: PdfMetrics): boolean {
  const previous = open.lines[open.lines.length - 1] as PdfLine;
  if (previous.rtl !== line.rtl) return false;
  const gap = previous.y - line.y;
  if (isHeadingSize(previous, metrics) || isHeadingSize(line, metrics)) {
    // The lines of one headline: one size, set closer than any paragraph gap.
    return isHeadingSize(previous, metrics) && isHeadingSize(line, metrics) && samePage && sameSize(previous.size, line.size, 0.04) && gap > 0 && gap <= line.size * 1.8;
  }
  if (!sameSize(previous.size, line.size) || BULLET.test(line.text)) return false;
  if (open.marker && WEAK_MARKER.test(line.text)) return false;
  if (samePage) {
    if (gap <= 0 || gap > metrics.lineSpacing(line.size) * 1.25) return false;
    const shift = offset(line, metrics) - offset(previous, metrics);
    // A list item's wrapped lines hang under its text, right of the bullet.
    const hanging = open.marker !== undefined && open.lines.length === 1 && shift > 0 && shift < line.size * 3;
    if (shift > line.size * 0.8 && !hanging) return false;
    // Back out of an indent: only a paragraph's indented first line comes before that.
    if (shift < -line.size * 0.8 && open.lines.length > 1) return false;
  } else {
    // A page that starts with an indented line starts a paragraph (unless the block was indented too).
    const indent = offset(line, metrics);
    if (indent > line.size * 0.8 && Math.abs(indent - offset(previous, metrics)) > line.size * 0.8) return false;
  }
  if (LINE_END_HYPHEN.test(previous.text) && /^\p{Ll}/u.test(line.text)) return true;
  const before = open.lines[open.lines.length - 2];
  const reference = before ? lineEnd(before) : samePage ? lineEnd(line) : metrics.column(line.rtl).end;
  return !endsEarly(previous, line, reference, metrics);
}

function startBlock(line: PdfLine): OpenBlock {
  const bullet = BULLET.exec(line.text) ?? /^[-*]\s+/.exec(line.text);
  if (bullet)
    return {
      lines: [line],
      text: line.text.slice(bullet[0].length),
      marker: 'bullet',
    };
  const number = WEAK_MARKER.exec(line.text);
  if (number)
    return {
      lines: [line],
      text: line.text.slice(number[0].length),
      marker: 'ordered',
    };
  return { lines: [line], text: line.text };
}

/** The indent of a paragraph's first line, when the document marks paragraphs that way (as books and troff do). */
function firstLineIndent(blocks: OpenBlock[], metrics: PdfMetrics): number | undefined {
  const indents = blocks
    .filter((block) => block.lines.length >= 2)
    .map((block) => offset(block.lines[0] as PdfLine, metrics) - offset(block.lines[1] as PdfLine, metrics))
    .filter((indent) => indent >= metrics.bodySize * 0.8 && indent <= metrics.bodySize * 4)
    .sort((left, right) => left - right);
  return indents.length >= 2 ? indents[Math.floor(indents.length / 2)] : undefined;
}

/** Headings, paragraphs, list items and quotes of the article, in reading order. */
function classify(blocks: OpenBlock[], metrics: PdfMetrics): PdfBlock[] {
  const headingSizes = [...new Set(blocks.filter((block) => isHeadingSize(block.lines[0] as PdfLine, metrics)).map((block) => sizeKey((block.lines[0] as PdfLine).size)))].sort(
    (left, right) => right - left,
  );
  const indentStyle = firstLineIndent(blocks, metrics);
  let bodyStarted = false;
  const classified = blocks.map((block): PdfBlock & { indent: number } => {
    const first = block.lines[0] as PdfLine;
    const base = {
      text: block.text,
      level: 0,
      ordered: false,
      rtl: first.rtl,
      indent: Math.min(...block.lines.map((line) => offset(line, metrics))),
    };
    if (isHeadingSize(first, metrics)) {
      // A pull quote is set large too; within the article it opens with a quotation mark.
      if (bodyStarted && OPENING_QUOTE.test(block.text)) return { ...base, kind: 'quote' };
      if (block.text.length <= 200)
        return {
          ...base,
          kind: 'heading',
          level: Math.min(3, headingSizes.indexOf(sizeKey(first.size)) + 1),
        };
    }
    if (block.marker)
      return {
        ...base,
        kind: 'list-item',
        ordered: block.marker === 'ordered',
      };
    const setOff = bodyStarted && base.indent >= metrics.bodySize * 0.8 && !(indentStyle !== undefined && block.lines.length === 1 && Math.abs(base.indent - indentStyle) < 2);
    if (sameSize(first.size, metrics.bodySize) && base.indent < metrics.bodySize * 0.8) bodyStarted = true;
    return { ...base, kind: setOff ? 'quote' : 'paragraph' };
  });
  // Indented blocks one under another, each ended early, are a list whose bullets were drawn, not written.
  return classified
    .map((block, index) => {
      if (block.kind !== 'quote' || isHeadingSize(blocks[index]?.lines[0] as PdfLine, metrics)) return block;
      const sameIndent = (other: (typeof classified)[number] | undefined): boolean => other?.kind === 'quote' && Math.abs(other.indent - block.indent) < 2;
      const inList = sameIndent(classified[index - 1]) || sameIndent(classified[index + 1]);
      return inList ? { ...block, kind: 'list-item' as const } : block;
    })
    .map(({ indent: _indent, ...block }) => block);
}

/** The blocks of `pages` (lines per page, page furniture removed). */
export function blocksOfPdf(pages: PdfLine[][]): PdfBlock[] {
  const metrics = measurePdf(pages);
  const words = wordsOfDocument(pages);
  const blocks: OpenBlock[] = [];
  let open: OpenBlock | undefined;
  pages.forEach((lines, page) => {
    lines.forEach((line, index) => {
      if (open && continues(open, line, index > 0 || page === 0, metrics)) {
        open.lines.push(line);
        open.text = joinLines(open.text, line.text, words);
        return;
      }
      if (open) blocks.push(open);
      open = startBlock(line);
    });
  });
  if (open) blocks.push(open);
  return classify(blocks, metrics);
}
