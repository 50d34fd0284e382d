/**
 * The readable text of a captured page, for search and for reading offline: the article as the
 * web-page import finds it (Readability on linkedom), or the page's visible text when the page
 * has no article.
 */
import { parseHTML } from 'linkedom';
import { articleFromWebPage } from '../import/html-article';

/** Elements that end a paragraph of plain text. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dt, dd, tr, div, section, article, header, footer, aside, table, ul, ol';
/** Stand-ins for a line break and a paragraph break while HTML's own white space is folded (private-use characters). */
const LINE = '\ue000';
const PARAGRAPH = '\ue001';

/** Plain text of an HTML fragment: a blank line between blocks, white space folded as a browser does, <br> kept as a line break. */
export function plainTextOfHtml(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.querySelectorAll('script, style, noscript, template')) element.remove();
  for (const element of document.querySelectorAll('br')) element.replaceWith(document.createTextNode(LINE));
  for (const element of document.querySelectorAll(BLOCKS)) {
    element.before(document.createTextNode(PARAGRAPH));
    element.after(document.createTextNode(PARAGRAPH));
  }
  const text: string = (document.body?.textContent ?? '').replace(/[\s\ue000]+/g, (run: string) => (run.includes(LINE) ? '\n' : ' '));
  return text
    .split(PARAGRAPH)
    .map((block) => block.replace(/ *\n */g, '\n').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Visible text as the browser reports it, with runs of blank lines reduced to one. */
function tidyVisibleText(visibleText: string): string {
  return visibleText
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The article text of `html` (the page as rendered, after its scripts ran), headed by its title;
 * `visibleText` (what the browser shows) instead when Readability finds no article or only a
 * scrap of a page that shows much more (a post, a list), so search still finds the page's words.
 */
export function readableTextOfPage(html: string, address: string, visibleText: string): { title: string; text: string } {
  const visible = tidyVisibleText(visibleText);
  try {
    const article = articleFromWebPage(html, address);
    const body = plainTextOfHtml(article.html);
    if (body.length < 500 && body.length * 4 < visible.length) return { title: article.title, text: visible };
    return { title: article.title, text: article.title && !body.startsWith(article.title) ? `${article.title}\n\n${body}` : body };
  } catch {
    // No article at all (an app shell, a gallery): keep what a reader would see rather than nothing.
    return { title: '', text: visible };
  }
}
