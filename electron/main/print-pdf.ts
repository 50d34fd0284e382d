/**
 * Prints report HTML to PDF with Electron's own Chromium: a hidden, sandboxed window in a
 * session of its own, with JavaScript off and every request but the report file refused.
 */
import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PRINT_MARGINS_MM, type PrintFurniture } from '../../shared/report/print-page';

const INCHES = (millimetres: number): number => millimetres / 25.4;

/** PDF bytes of `html` on A4 with backgrounds kept, `furniture`'s header and footer (title, page numbers) on every page. */
export async function printPdfWithElectron(html: string, furniture: PrintFurniture): Promise<Uint8Array> {
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
      headerTemplate: furniture.headerTemplate,
      footerTemplate: furniture.footerTemplate,
    });
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
