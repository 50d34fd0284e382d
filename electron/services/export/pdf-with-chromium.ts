/**
 * Prints report HTML to PDF with an installed Chromium driven by Playwright, for the command
 * line and browser mode (the Electron app prints with its own webContents.printToPDF).
 */
import { ApiError } from '../../../shared/api/envelope';
import { PRINT_MARGINS_MM, type PrintFurniture } from '../../../shared/report/print-page';
import { findChromium } from './chromium-path';

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
    // The report references nothing outside itself; refuse any request it might make anyway.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
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
