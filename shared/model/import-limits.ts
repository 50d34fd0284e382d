/** What the import service opens, shared so file pickers and the service agree. */

/** Files larger than this are no article (and would make the app crawl). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** File name endings the import service reads. */
export const IMPORTABLE_EXTENSIONS = ['.docx', '.pdf', '.html', '.htm', '.txt', '.text', '.md', '.markdown'] as const;
