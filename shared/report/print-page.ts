/**
 * The printed report's page: A4 margins and the running header and footer that Chromium draws in
 * them (page.pdf in Playwright, webContents.printToPDF in Electron take the same templates).
 */

/** Page margins in millimetres; the header and footer are drawn inside the top and bottom ones. */
export const PRINT_MARGINS_MM = { top: 20, bottom: 18, left: 16, right: 16 } as const;

// Chromium renders the templates on their own, with no stylesheet and a tiny default font, so
// each states its style inline; it fills the spans of class title, pageNumber and totalPages.
const FURNITURE_STYLE = [
  `margin: 0 ${PRINT_MARGINS_MM.right}mm 0 ${PRINT_MARGINS_MM.left}mm`,
  'width: 100%',
  'display: flex',
  'justify-content: space-between',
  'gap: 8mm',
  "font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Arial, sans-serif",
  'font-size: 8pt',
  'color: #5f6776',
].join('; ');

/** The running header: the report's title (the HTML `<title>`, "Fact-check: …"), cut short when long. */
export const PRINT_HEADER_TEMPLATE = `<div style="${FURNITURE_STYLE}; border-bottom: 0.5pt solid #d9dde4; padding-bottom: 1.5mm"><span class="title" dir="auto" style="overflow: hidden; white-space: nowrap; text-overflow: ellipsis"></span></div>`;

/** The running footer: "Page N of M" at the outer edge. */
export const PRINT_FOOTER_TEMPLATE = `<div style="${FURNITURE_STYLE}"><span>Made with Factmark</span><span style="white-space: nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
