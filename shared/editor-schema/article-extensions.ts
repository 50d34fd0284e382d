/**
 * The document schema of an article: what survives import, paste and storage. Anything not
 * listed (scripts, images, iframes, event handler attributes, styles) is dropped by parsing.
 */
import type { AnyExtension } from '@tiptap/core';
import { getSchema } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import type { DocNode } from '../model/article-doc';
import { readWebAddress } from '../model/web-address';
import { ClaimMarkBase } from './claim-mark-base';

/** Hosts of this computer: an article never links there (in browser mode that is Factmark itself). */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/**
 * Links an article may keep: web addresses that pass the one web address rule and point away
 * from this computer, and mail addresses; never javascript:, file: or a relative path.
 */
export function isAllowedArticleLink(href: string): boolean {
  if (/^mailto:[^\s"'<>]+$/i.test(href)) return true;
  const read = readWebAddress(href);
  return read.ok && !LOOPBACK_HOST.test(new URL(read.url).hostname);
}

/**
 * The address a link in pasted or imported HTML should keep: absolute ones as they are (if
 * allowed), relative ones resolved against the article's own address `base`; null to drop the
 * link (its words stay) when it cannot be resolved or is not allowed.
 */
export function resolveArticleLink(href: string, base: string | undefined): string | null {
  const trimmed = href.trim();
  if (isAllowedArticleLink(trimmed)) return /^mailto:/i.test(trimmed) ? trimmed : (readWebAddress(trimmed) as { url: string }).url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return null;
  // A protocol-relative link (`//cdn.example.org/x`) names its site; only the scheme comes from the page.
  const against = base ?? (trimmed.startsWith('//') ? 'https://example.invalid/' : undefined);
  if (!against) return null;
  let resolved: string;
  try {
    resolved = new URL(trimmed, against).href;
  } catch {
    return null;
  }
  return isAllowedArticleLink(resolved) ? resolved : null;
}

/** True for a link path relative to the page it came from (`/news`, `story.html`, `#part`). */
function isRelativeLink(href: string): boolean {
  return href !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !/[\s"'<>]/.test(href);
}

/**
 * StarterKit as articles need it: no code-only or editing-helper nodes are missing, links are
 * safe. `keepRelativeLinks` (the paste box of New review) keeps relative paths, to be resolved
 * against the article's source address when the review is made.
 */
export function articleStarterKit(options: { keepRelativeLinks?: boolean } = {}) {
  return StarterKit.configure({
    link: {
      openOnClick: false,
      autolink: false,
      linkOnPaste: false,
      protocols: ['http', 'https', 'mailto'],
      isAllowedUri: (url) => isAllowedArticleLink(url) || (options.keepRelativeLinks === true && isRelativeLink(url)),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    },
  });
}

/**
 * Tables from Word files and web pages keep their rows and cells; no resizing handles in an article
 * under check. No table node view either (`View: null`, the table is drawn from its HTML): with one,
 * TipTap's EditorContent hands ProseMirror a new set of node views on mount, and ProseMirror then
 * draws the whole article a second time (1.5 s of a 3.6 s open on a long transcript).
 */
export function articleTables() {
  return TableKit.configure({ table: { resizable: false, View: null, HTMLAttributes: { class: 'article-table' } } });
}

/** The extensions that define the stored article schema, shared by Node and the renderer. */
export function articleSchemaExtensions(): AnyExtension[] {
  return [articleStarterKit(), articleTables(), ClaimMarkBase];
}

/** The ProseMirror schema of stored articles. */
export function articleSchema() {
  return getSchema(articleSchemaExtensions());
}

let cachedSchema: ReturnType<typeof articleSchema> | undefined;

/**
 * True when `doc` (e.g. from a share file made elsewhere) is an article this schema holds as it
 * is, with web and mail links only; anything else is refused rather than half-loaded.
 */
export function isStorableArticle(doc: DocNode): boolean {
  cachedSchema ??= articleSchema();
  try {
    cachedSchema.nodeFromJSON(doc).check();
  } catch {
    return false;
  }
  const linksAreSafe = (node: DocNode): boolean =>
    (node.marks ?? []).every((mark) => mark.type !== 'link' || (typeof mark.attrs?.href === 'string' && isAllowedArticleLink(mark.attrs.href))) &&
    (node.content ?? []).every(linksAreSafe);
  return linksAreSafe(doc);
}
