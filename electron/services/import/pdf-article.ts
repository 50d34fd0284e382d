/**
 * A PDF's text as an article, with pdfjs-dist (5.6.x: its legacy build runs on Node 20): lines
 * rebuilt from positioned text (right-to-left lines in reading order), running headers, footers
 * and page numbers removed, lines grouped into headings, paragraphs (also across page breaks),
 * lists and quotes by the document's own typography, and the headline taken as the title.
 * Runs only in the PDF reader's worker thread (pdf-worker.ts; callers use pdf-article-in-worker):
 * pdf.js's legacy build replaces JSON.stringify, 13× slower on Node 20, in whatever loads it.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ApiError } from '../../../shared/api/envelope';
import { escapeHtml } from '../../../shared/report/escape';
import { blocksOfPdf, type PdfBlock } from './pdf-blocks';
import { measurePdf } from './pdf-page-metrics';
import { removePageFurniture } from './pdf-page-furniture';
import { linesOfPage, type PdfLine, type PdfTextRun } from './pdf-text-lines';
import { titleOfPdf } from './pdf-title';

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

interface PositionedText {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

async function pageLines(pdf: PdfDocument, number: number): Promise<PdfLine[]> {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  const runs: PdfTextRun[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const item = raw as unknown as PositionedText;
    const [, , skewY = 0, scaleY = 0, x = 0, y = 0] = item.transform;
    runs.push({
      str: item.str,
      x,
      y,
      width: item.width ?? 0,
      size: Math.hypot(skewY, scaleY) || Math.abs(item.height) || 10,
      font: item.fontName,
    });
  }
  return linesOfPage(runs);
}

function htmlOf(blocks: PdfBlock[]): string {
  const html: string[] = [];
  blocks.forEach((block, index) => {
    const text = escapeHtml(block.text);
    if (block.kind === 'heading') html.push(`<h${block.level}>${text}</h${block.level}>`);
    else if (block.kind === 'quote') html.push(`<blockquote><p>${text}</p></blockquote>`);
    else if (block.kind === 'paragraph') html.push(`<p>${text}</p>`);
    else {
      const tag = block.ordered ? 'ol' : 'ul';
      const previous = blocks[index - 1];
      const next = blocks[index + 1];
      const sameList = (other: PdfBlock | undefined): boolean => other?.kind === 'list-item' && other.ordered === block.ordered;
      html.push(`${sameList(previous) ? '' : `<${tag}>`}<li><p>${text}</p></li>${sameList(next) ? '' : `</${tag}>`}`);
    }
  });
  return html.join('\n');
}

/** What a PDF gives: its article as HTML, the title found in it, and its number of pages. */
export interface PdfArticle {
  html: string;
  title: string;
  pageCount: number;
}

/** The article HTML of a PDF; refuses scans (no text), password-protected and unreadable files. */
export async function articleFromPdf(bytes: Uint8Array, fileName: string): Promise<PdfArticle> {
  const loading = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await loading.promise;
  } catch (error) {
    // The worker that runs this reads the next PDF too: let go of what the failed load holds.
    await loading.destroy().catch(() => undefined);
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new ApiError('invalid-input', `${fileName} is protected by a password. Open it in a PDF reader, save a copy without the password, and import that.`);
    throw new ApiError('invalid-input', `${fileName} is not a readable PDF file (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    const pages: PdfLine[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) pages.push(await pageLines(pdf, number));
    const letters = pages.flat().reduce((sum, line) => sum + line.text.replace(/[^\p{L}\p{N}]/gu, '').length, 0);
    if (letters < 20) {
      throw new ApiError('invalid-input', `${fileName} has no text layer: it looks like a scan. Run it through OCR (text recognition) first, then import the result.`);
    }
    const blocks = blocksOfPdf(removePageFurniture(pages, measurePdf(pages).bodySize));
    const metadata = await pdf.getMetadata().catch(() => undefined);
    const metadataTitle = (metadata?.info as { Title?: unknown } | undefined)?.Title;
    return {
      html: htmlOf(blocks),
      title: titleOfPdf(blocks, typeof metadataTitle === 'string' ? metadataTitle : undefined),
      pageCount: pdf.numPages,
    };
  } finally {
    await pdf.destroy();
  }
}
