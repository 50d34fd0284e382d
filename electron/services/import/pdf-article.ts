/**
 * A PDF's text as an article, with pdfjs-dist (5.6.x: its legacy build runs on Node 20):
 * lines rebuilt from positioned text, running headers, footers and page numbers that repeat
 * across pages removed, lines joined into paragraphs (also across page breaks), and words
 * hyphenated at a line end joined again.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ApiError } from '../../../shared/api/envelope';
import { escapeHtml } from '../../../shared/report/escape';

interface Line {
  text: string;
  /** Baseline height from the bottom of the page. */
  y: number;
  size: number;
}

interface PositionedText {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}

/** A line's shape with digits blurred, to spot running headers whose page number changes. */
function furnitureKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

const PAGE_NUMBER = /^(page\s*|p\.\s*|-\s*)?\d{1,4}(\s*(of|\/|-)\s*\d{1,4})?$/i;
const SENTENCE_END = /[.!?:;"”’»)\]…؟。]$/;

async function pageLines(pdf: Awaited<ReturnType<typeof getDocument>['promise']>, number: number): Promise<Line[]> {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  const lines: Line[] = [];
  let current: Line | undefined;
  let lastRight = 0;
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const item = raw as unknown as PositionedText & { width: number };
    const [, , , scaleY = 0, x = 0, y = 0] = item.transform;
    const size = Math.abs(item.height || scaleY) || 10;
    if (!current || Math.abs(current.y - y) > size * 0.5) {
      if (current && current.text.trim()) lines.push(current);
      current = { text: '', y, size };
      lastRight = x;
    }
    if (item.str) {
      // A gap wider than a fifth of the font size between two runs is a space the PDF did not write.
      const gap = x - lastRight;
      if (current.text && !/\s$/.test(current.text) && !/^\s/.test(item.str) && gap > size * 0.2) current.text += ' ';
      current.text += item.str;
      current.size = Math.max(current.size, size);
      lastRight = x + (item.width ?? 0);
    }
    if (item.hasEOL) {
      if (current.text.trim()) lines.push(current);
      current = undefined;
    }
  }
  if (current && current.text.trim()) lines.push(current);
  return lines.map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }));
}

/**
 * Lines that repeat at the top or bottom of most pages, at the same height on the page, and bare
 * page numbers there. The height matters: body text can repeat, but not always at the page edge.
 */
function removePageFurniture(pages: Line[][]): Line[][] {
  const edge = 2;
  const keyOf = (line: Line): string => `${furnitureKey(line.text)}@${Math.round(line.y / 4)}`;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set([...lines.slice(0, edge), ...lines.slice(-edge)].map(keyOf));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = (line: Line): boolean => pages.length >= 2 && (counts.get(keyOf(line)) ?? 0) >= Math.max(2, Math.ceil(pages.length * 0.5));
  return pages.map((lines) =>
    lines.filter((line, index) => {
      const atEdge = index < edge || index >= lines.length - edge;
      return !(atEdge && (repeated(line) || PAGE_NUMBER.test(line.text)));
    }),
  );
}

function joinLines(previous: string, next: string): string {
  // "infor-" + "mation" → "information"; a hyphen before a capital or digit stays ("Anglo-Saxon", "COVID-19").
  if (/\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(next)) return previous.slice(0, -1) + next;
  return `${previous} ${next}`;
}

interface Block {
  text: string;
  heading: boolean;
}

function blocksOf(pages: Line[][]): Block[] {
  const sizes = pages.flat().map((line) => line.size).sort((left, right) => left - right);
  const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 10;
  const blocks: Block[] = [];
  let open: Block | undefined;
  for (const lines of pages) {
    const gaps = lines.slice(1).map((line, index) => (lines[index] as Line).y - line.y).filter((gap) => gap > 0).sort((left, right) => left - right);
    const usualGap = gaps[Math.floor(gaps.length / 2)] ?? bodySize * 1.2;
    lines.forEach((line, index) => {
      const heading = line.size > bodySize * 1.25 && line.text.length < 200;
      const gap = index === 0 ? 0 : (lines[index - 1] as Line).y - line.y;
      const startsNew =
        !open ||
        heading ||
        open.heading ||
        (index > 0 && gap > usualGap * 1.45) ||
        // At a page break, a paragraph goes on unless its last line ended a sentence.
        (index === 0 && SENTENCE_END.test(open.text));
      if (startsNew) {
        if (open) blocks.push(open);
        open = { text: line.text, heading };
      } else if (open) open.text = joinLines(open.text, line.text);
    });
  }
  if (open) blocks.push(open);
  return blocks;
}

/** The article HTML of a PDF; refuses scans (no text), password-protected and unreadable files. */
export async function articleFromPdf(bytes: Uint8Array, fileName: string): Promise<{ html: string; title: string; pageCount: number }> {
  let pdf;
  try {
    pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new ApiError('invalid-input', `${fileName} is protected by a password. Open it in a PDF reader, save a copy without the password, and import that.`);
    throw new ApiError('invalid-input', `${fileName} is not a readable PDF file (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    const pages: Line[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) pages.push(await pageLines(pdf, number));
    const letters = pages.flat().reduce((sum, line) => sum + line.text.replace(/\W/g, '').length, 0);
    if (letters < 20) {
      throw new ApiError('invalid-input', `${fileName} has no text layer: it looks like a scan. Run it through OCR (text recognition) first, then import the result.`);
    }
    const blocks = blocksOf(removePageFurniture(pages));
    const html = blocks.map((block) => (block.heading ? `<h2>${escapeHtml(block.text)}</h2>` : `<p>${escapeHtml(block.text)}</p>`)).join('\n');
    return { html, title: blocks.find((block) => block.heading)?.text ?? '', pageCount: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}
