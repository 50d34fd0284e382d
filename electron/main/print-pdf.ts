/**
 * Prints report HTML to PDF with Electron's own Chromium: a hidden, sandboxed window in a
 * session of its own, with JavaScript off and every request but the report file refused.
 */
import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PRINT_FOOTER_TEMPLATE, PRINT_HEADER_TEMPLATE, PRINT_MARGINS_MM } from '../../shared/report/print-page';

const INCHES = (millimetres: number): number => millimetres / 25.4;

/** PDF bytes of `html` on A4 with backgrounds kept, the title and page numbers on every page. */
export async function printPdfWithElectron(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'factmark-print-'));
  const file = join(folder, 'report.html');
  await writeFile(file, html, 'utf8');
  const reportUrl = pathToFileURL(file).toString();
  const printSession = session.fromPartition('factmark-print');
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== reportUrl }));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { session: printSession, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await window.loadURL(reportUrl);
    const { top, bottom, left, right } = PRINT_MARGINS_MM;
    return await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      margins: { top: INCHES(top), bottom: INCHES(bottom), left: INCHES(left), right: INCHES(right) },
      displayHeaderFooter: true,
      headerTemplate: PRINT_HEADER_TEMPLATE,
      footerTemplate: PRINT_FOOTER_TEMPLATE,
    });
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
