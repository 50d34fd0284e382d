/**
 * The printed report's page: A4 margins and the running header and footer that Chromium draws in
 * them (page.pdf in Playwright, webContents.printToPDF in Electron take the same templates), in
 * the report's language and direction.
 */
import { escapeHtml } from './escape';
import { message } from './html-text';
import type { ReportModel } from './report-model';

/** Page margins in millimetres; the header and footer are drawn inside the top and bottom ones. */
export const PRINT_MARGINS_MM = { top: 20, bottom: 18, left: 16, right: 16 } as const;

/** The templates Chromium draws on every printed page. */
export interface PrintFurniture {
  headerTemplate: string;
  footerTemplate: string;
}

// Chromium renders the templates on their own, with no stylesheet and a tiny default font, so
// each states its style inline; it fills the spans of class title, pageNumber and totalPages.
const furnitureStyle = (dir: 'ltr' | 'rtl'): string =>
  [
    `margin: 0 ${PRINT_MARGINS_MM.right}mm 0 ${PRINT_MARGINS_MM.left}mm`,
    'width: 100%',
    `direction: ${dir}`,
    'display: flex',
    'justify-content: space-between',
    'gap: 8mm',
    "font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Arial, sans-serif",
    'font-size: 8pt',
    'color: #5f6776',
  ].join('; ');

/**
 * The running header and footer of `model`'s report: its title (the HTML `<title>`, cut short
 * when long) and, for a draft, "Draft — not for publication" at the top; "Page N of M" below.
 */
export function printFurniture(model: Pick<ReportModel, 'words' | 'mode'>): PrintFurniture {
  const { words } = model;
  const style = furnitureStyle(words.dir);
  const draft = model.mode === 'draft' ? `<span style="color: #b42318; font-weight: 700; white-space: nowrap">${escapeHtml(words.t('report.draft'))}</span>` : '';
  const page = message(words, 'print.page', { page: '<span class="pageNumber"></span>', pages: '<span class="totalPages"></span>' });
  return {
    headerTemplate: `<div style="${style}; border-bottom: 0.5pt solid #d9dde4; padding-bottom: 1.5mm"><span class="title" dir="auto" style="overflow: hidden; white-space: nowrap; text-overflow: ellipsis"></span>${draft}</div>`,
    footerTemplate: `<div style="${style}"><span>${escapeHtml(words.t('print.made'))}</span><span style="white-space: nowrap">${page}</span></div>`,
  };
}
