/**
 * The printed report, read back with poppler's pdftotext: every page carries the title and its
 * page number, evidence addresses are printed, and no page is left half empty by a claim pushed on.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHtmlReport } from '../../../shared/report/html-report';
import { LONG_REVIEW, longModel } from '../../../shared/report/long-report-fixture';
import { PRINT_MARGINS_MM, printFurniture } from '../../../shared/report/print-page';
import { findChromium } from './chromium-path';
import { renderPdfWithChromium } from './pdf-with-chromium';

const run = promisify(execFile);

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = !findChromium() ? 'no Chromium or Chrome is installed (set CHROMIUM_PATH)' : !hasPdftotext() ? "poppler's pdftotext is not installed (apt-get install poppler-utils)" : null;

interface PrintedPage {
  text: string;
  /** How far down the printable area (between the margins) the last line of the body reaches, 0–1. */
  filled: number;
  /** Words printed between the margins (not counting the running header and footer). */
  bodyWords: number;
}

/** Each page's text and how full it is, from pdftotext's word boxes (in points, from the top). */
async function readPages(file: string): Promise<PrintedPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const points = (millimetres: number): number => (millimetres / 25.4) * 72;
  return [...stdout.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, height, body = '']) => {
    const top = points(PRINT_MARGINS_MM.top);
    const bottom = Number(height) - points(PRINT_MARGINS_MM.bottom);
    const words = [...body.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map(([, yMin, yMax, word]) => ({ yMin: Number(yMin), yMax: Number(yMax), word: word ?? '' }));
    const inBody = words.filter((word) => word.yMin >= top && word.yMax <= bottom);
    const lowest = Math.max(top, ...inBody.map((word) => word.yMax));
    return { text: words.map((word) => word.word).join(' '), filled: (lowest - top) / (bottom - top), bodyWords: inBody.length };
  });
}

describe.skipIf(missing !== null)(`the printed report${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let folder = '';
  let pages: PrintedPage[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'factmark-pdf-'));
    const file = join(folder, 'report.pdf');
    const model = longModel();
    await writeFile(file, await renderPdfWithChromium(buildHtmlReport(model), printFurniture(model)));
    pages = await readPages(file);
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('prints the review’s title and “Page N of M” on every page', () => {
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => {
      expect(page.text).toContain(`Fact-check: ${LONG_REVIEW.title}`);
      expect(page.text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
  });

  it('prints the address of each evidence link (shown on screen by its title only)', () => {
    // Long addresses wrap over lines; joined up again they must read as they were.
    const printed = pages.map((page) => page.text).join(' ').replace(/\s+/g, '');
    const evidence = LONG_REVIEW.claims.flatMap((claim) => claim.evidence);
    expect(evidence.length).toBeGreaterThan(10);
    for (const item of evidence) expect(printed).toContain(item.url);
  });

  it('fills every page but the last, and ends on more than a stray line', () => {
    // Before long claims could break between paragraphs, a card pushed whole to the next page left a third of a page blank.
    expect(pages.slice(0, -1).map((page) => Math.round(page.filled * 100))).toEqual(pages.slice(0, -1).map(() => expect.toSatisfy((percent: number) => percent >= 85)));
    expect(pages.at(-1)?.bodyWords).toBeGreaterThan(20);
  });
});

describe.skipIf(missing !== null)(`a printed draft in Arabic${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('says on every page that it is a draft, numbers the pages in Arabic, and keeps the Arabic words', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'factmark-pdf-ar-'));
    try {
      const file = join(folder, 'draft.pdf');
      const model = longModel({ mode: 'draft', language: 'ar' });
      await writeFile(file, await renderPdfWithChromium(buildHtmlReport(model), printFurniture(model)));
      // pdftotext writes right-to-left runs between bidi marks and in the order they show, left to right:
      // without the marks, words are compared, and the footer is read either way round.
      const { stdout } = await run('pdftotext', ['-raw', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
      const printed = stdout.replace(/[\u202a-\u202e]/g, '').split('\f').filter((page) => page.trim() !== '');
      expect(printed.length).toBeGreaterThan(2);
      printed.forEach((page, index) => {
        const [number, total] = [index + 1, printed.length];
        expect(page).toMatch(/للنشر ليست — مسودة|مسودة — ليست للنشر/);
        expect(page).toMatch(new RegExp(`الصفحة ${number} من ${total}|${total} من ${number} الصفحة`));
      });
      expect(printed[0]).toMatch(/المقال الذي جرى التحقق منه|منه التحقق جرى الذي المقال/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
