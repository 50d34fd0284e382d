/**
 * The limits of what one review file may hold: the one definition used by the zod schemas that
 * read stored files and by the checks that run before anything is written, so a save the app
 * confirmed is never one the loader later refuses.
 */

/** Nesting of the article document: deeper is no article, and recursive code stays off the stack limit. */
export const MAX_DOC_DEPTH = 64;
/** Children of one document node (paragraphs of an article, items of a list). */
export const MAX_CHILDREN_PER_NODE = 200_000;
/** Marks on one run of text: claims overlapping the same words, plus bold, italic and links. */
export const MAX_MARKS_PER_TEXT = 200;
/** Characters (UTF-16 code units) in one run of text. */
export const MAX_TEXT_RUN_CHARS = 10_000_000;
/** Characters in one attribute value of a document node (a link's address, a claim id). */
export const MAX_ATTR_CHARS = 100_000;
/** Claim records in one review. */
export const MAX_CLAIMS = 50_000;
/** Events in one review's claim history. */
export const MAX_HISTORY_EVENTS = 1_000_000;
/** Reviewers named in one review's history. */
export const MAX_REVIEWERS = 10_000;
/** Colleagues' signing keys one library trusts. */
export const MAX_KNOWN_KEYS = 10_000;
/** Versions of one review's article (the first import and each update); far above any real story's edits. */
export const MAX_ARTICLE_VERSIONS = 1_000;
/** Pasted or imported article text, in characters, before it becomes a document (~20 MB). */
export const MAX_ARTICLE_SOURCE_CHARS = 20_000_000;

/**
 * Paragraphs longer than this are split at sentence ends when an article is imported: far above
 * any real paragraph (a long one is ~3,000 characters), far below MAX_TEXT_RUN_CHARS, and short
 * enough for the editor to lay out.
 */
export const SPLIT_PARAGRAPH_CHARS = 100_000;
