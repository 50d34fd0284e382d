/**
 * The document schema of an article: what survives import, paste and storage. Anything not
 * listed (scripts, images, iframes, event handler attributes, styles) is dropped by parsing.
 */
import type { AnyExtension } from '@tiptap/core';
import { getSchema } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import type { DocNode } from '../model/article-doc';
import { isHttpUrl } from '../model/primitives';
import { ClaimMarkBase } from './claim-mark-base';

/** Links an article may keep: web and mail addresses only, never javascript: or file:. */
export function isAllowedArticleLink(href: string): boolean {
  return isHttpUrl(href) || /^mailto:[^\s]+$/i.test(href);
}

/** StarterKit as articles need it: no code-only or editing-helper nodes are missing, links are safe. */
export function articleStarterKit() {
  return StarterKit.configure({
    link: {
      openOnClick: false,
      autolink: false,
      linkOnPaste: false,
      protocols: ['http', 'https', 'mailto'],
      isAllowedUri: (url) => isAllowedArticleLink(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    },
  });
}

/** Tables from Word files and web pages keep their rows and cells; no resizing handles in an article under check. */
export function articleTables() {
  return TableKit.configure({ table: { resizable: false, HTMLAttributes: { class: 'article-table' } } });
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
