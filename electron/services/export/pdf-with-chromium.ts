/**
 * Prints report HTML to PDF with an installed Chromium driven by Playwright, for the command
 * line and browser mode (the Electron app prints with its own webContents.printToPDF).
 */
import { ApiError } from '../../../shared/api/envelope';
import { PRINT_MARGINS_MM, type PrintFurniture } from '../../../shared/report/print-page';
import { findChromium } from './chromium-path';

/**
 * How long Chromium may take to lay out a report before it prints: a review of 5,000 claims took
 * 20–40 s on a busy two-core machine, past Playwright's default of 30 s. Printing itself has no limit.
 */
const LAYOUT_TIMEOUT_MS = 5 * 60_000;

/** Where the report is loaded from: a name that never resolves (.invalid), answered by the page's own route. */
const REPORT_URL = 'http://report.factmark.invalid/';

/** PDF bytes of `html`, printed on A4 with backgrounds (verdict colours) kept, `furniture`'s header and footer (title, page numbers) on every page. */
export async function renderPdfWithChromium(html: string, furniture: PrintFurniture): Promise<Uint8Array> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new ApiError('refused', 'No Chromium or Chrome was found to print the PDF. Install Chromium (for example `apt-get install chromium`) or set CHROMIUM_PATH to a Chrome or Chromium program, then export again.');
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // The report is served as a page's response rather than set with setContent, which writes it
    // through document.write: for a 10 MB report (5,000 claims) that took several times as long to load.
    // It references nothing outside itself; any other request it might make is refused.
    await page.route('**/*', (route) =>
      route.request().url() === REPORT_URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
    );
    await page.goto(REPORT_URL, { waitUntil: 'load', timeout: LAYOUT_TIMEOUT_MS }).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new ApiError('unavailable', `Chromium took more than ${LAYOUT_TIMEOUT_MS / 60_000} minutes to lay out the report, so no PDF was made; the review is unchanged. Try again when the computer is less busy, or export the HTML report and print it from a browser.`);
      }
      throw error;
    });
    const { top, bottom, left, right } = PRINT_MARGINS_MM;
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: `${top}mm`, bottom: `${bottom}mm`, left: `${left}mm`, right: `${right}mm` },
      displayHeaderFooter: true,
      headerTemplate: furniture.headerTemplate,
      footerTemplate: furniture.footerTemplate,
    });
  } finally {
    await browser.close();
  }
}
