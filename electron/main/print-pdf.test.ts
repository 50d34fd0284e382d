/** Printing a report to PDF in a hidden window that runs no script and loads nothing but the report. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { printFurniture } from '../../shared/report/print-page';
import { reportWords } from '../../shared/report/report-words';
import { printPdfWithElectron } from './print-pdf';
import { electronStandIn } from './test-support/electron-stand-in';

vi.mock('electron', async () => (await import('./test-support/electron-stand-in')).electronModule);

beforeEach(() => electronStandIn.reset());

const FURNITURE = printFurniture({ words: reportWords('en'), mode: 'publish' });

describe('printing a report to PDF', () => {
  test('uses a hidden, sandboxed window without JavaScript in a session of its own, then destroys it', async () => {
    const pdf = await printPdfWithElectron('<h1>Report</h1>', FURNITURE);
    expect(new TextDecoder().decode(pdf)).toMatch(/^%PDF/);
    const window = electronStandIn.appWindow();
    expect(window.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    expect(window.options.webPreferences?.session).toBe(electronStandIn.state.sessions.get('factmark-print'));
    expect(window.options.webPreferences?.session).not.toBe(electronStandIn.state.defaultSession);
    expect(window.webContents.printed).toEqual([expect.objectContaining({ pageSize: 'A4', printBackground: true })]);
    expect(window.destroyed).toBe(true);
  });

  test('prints the report’s title and page numbers in a running header and footer, inside the margins', async () => {
    await printPdfWithElectron('<title>Fact-check: Budget</title><h1>Report</h1>', FURNITURE);
    const [options] = electronStandIn.appWindow().webContents.printed as Record<string, unknown>[];
    expect(options).toMatchObject({ displayHeaderFooter: true, headerTemplate: FURNITURE.headerTemplate, footerTemplate: FURNITURE.footerTemplate });
    expect(FURNITURE.headerTemplate).toContain('class="title"');
    expect(FURNITURE.footerTemplate).toMatch(/class="pageNumber".*class="totalPages"/);
    // printToPDF takes inches: the same 20 mm and 18 mm the command line's page.pdf is given.
    expect(options?.margins).toEqual({ top: 20 / 25.4, bottom: 18 / 25.4, left: 16 / 25.4, right: 16 / 25.4 });
  });

  test('lets the print session load the report file and nothing else, and removes the file afterwards', async () => {
    await printPdfWithElectron('<img src="https://tracker.example/pixel.png">', FURNITURE);
    const reportUrl = electronStandIn.appWindow().webContents.mainFrame.url;
    const printSession = electronStandIn.state.sessions.get('factmark-print');
    expect(printSession?.wouldLoad(reportUrl)).toBe(true);
    for (const url of ['https://tracker.example/pixel.png', 'file:///etc/passwd', 'app://factmark/index.html']) {
      expect(printSession?.wouldLoad(url), url).toBe(false);
    }
    expect(existsSync(fileURLToPath(reportUrl))).toBe(false);
  });
});
