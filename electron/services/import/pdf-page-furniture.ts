/**
 * Running headers, footers and page numbers of a PDF: what a reader skips and a claim must never
 * be anchored in. Found at the top and bottom edges of the page (by height, not by the order the
 * producer wrote them: Chromium writes its print header and footer last).
 */
import type { PdfLine } from './pdf-text-lines';

/** Lines from each edge of a page that can be furniture. */
const EDGE_LINES = 2;
const PAGE_NUMBER = /^(page\s*|p\.\s*|-\s*)?\d{1,4}(\s*(of|\/|-)\s*\d{1,4})?$/i;
const PAGE_COUNTER = /(^|\s)(page\s*)?(\d{1,4})\s*(\/|of)\s*(\d{1,4})$/i;
// Browsers print the date and time at the top left and the address at the bottom left.
const PRINT_STAMP = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?\b/i;
const ADDRESS = /^(https?:\/\/|www\.)\S+/i;

/** A line's shape with digits blurred, to spot running headers whose page number changes. */
function furnitureKey(line: PdfLine): string {
  return `${line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()}@${Math.round(line.y / 4)}`;
}

function edgeLines(lines: PdfLine[]): Set<PdfLine> {
  const byHeight = [...lines].sort((upper, lower) => lower.y - upper.y);
  return new Set([...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)]);
}

/**
 * True for small print that only a browser's print header or footer holds: a "3/4" page counter
 * of this document, a date-and-time stamp, a web address. Needed for one-page PDFs, where nothing
 * can repeat.
 */
function isPrintFurniture(line: PdfLine, bodySize: number, pageCount: number): boolean {
  if (line.size > bodySize * 0.8) return false;
  const counter = PAGE_COUNTER.exec(line.text);
  if (counter && Number(counter[5]) === pageCount && Number(counter[3]) <= pageCount) return true;
  return PRINT_STAMP.test(line.text) || ADDRESS.test(line.text);
}

/**
 * The pages without their furniture: edge lines that repeat at the same height on at least half
 * the pages, bare page numbers, and browser print headers and footers. `bodySize` is the font
 * size most of the text is set in.
 */
export function removePageFurniture(pages: PdfLine[][], bodySize: number): PdfLine[][] {
  const edges = pages.map(edgeLines);
  const counts = new Map<string, number>();
  for (const edge of edges) {
    for (const key of new Set([...edge].map(furnitureKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = (line: PdfLine): boolean => pages.length >= 2 && (counts.get(furnitureKey(line)) ?? 0) >= Math.max(2, Math.ceil(pages.length * 0.5));
  return pages.map((lines, index) =>
    lines.filter((line) => {
      if (!(edges[index] as Set<PdfLine>).has(line)) return true;
      return !(repeated(line) || PAGE_NUMBER.test(line.text) || isPrintFurniture(line, bodySize, pages.length));
    }),
  );
}
