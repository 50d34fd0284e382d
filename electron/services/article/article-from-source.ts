/**
 * Turns pasted or imported article content (plain text, Markdown, HTML) into a stored
 * article document. HTML is parsed by linkedom, which never runs scripts or fetches
 * anything; the article schema then keeps only the structure it knows.
 */
import { DOMParser as ProseMirrorDomParser } from '@tiptap/pm/model';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import type { ArticleSource } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/envelope';
import { articleSchema, resolveArticleLink } from '../../../shared/editor-schema/article-extensions';
import type { ArticleDoc, DocNode } from '../../../shared/model/article-doc';
import { articleLimitProblem } from '../../../shared/article/article-limits';
import { splitLongParagraphs } from '../../../shared/article/split-long-paragraphs';
import { SPLIT_PARAGRAPH_CHARS } from '../../../shared/model/storage-limits';

const schema = articleSchema();
const parser = ProseMirrorDomParser.fromSchema(schema);

/** Paragraphs of a plain-text article: blank lines separate them; a text with none is one paragraph a line. */
export function paragraphsOfPlainText(text: string): string[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const hasBlankLines = /\n[ \t]*\n/.test(normalized.trim());
  const blocks = hasBlankLines ? normalized.split(/\n[ \t]*\n+/) : normalized.split('\n');
  return blocks
    .map((block) => block.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/[ \t]+/g, ' ').trim())
    .filter((block) => block.length > 0);
}

function docFromPlainText(text: string): ArticleDoc {
  const content: DocNode[] = paragraphsOfPlainText(text).map((paragraph) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: paragraph }],
  }));
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function docFromHtml(html: string, linkBase: string | undefined): ArticleDoc {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  // Relative links point at the article's own site, never at Factmark's: resolve them or drop them.
  for (const anchor of [...document.querySelectorAll('a[href]')]) {
    const resolved = resolveArticleLink(anchor.getAttribute('href') ?? '', linkBase);
    if (resolved) anchor.setAttribute('href', resolved);
    else anchor.removeAttribute('href');
  }
  // linkedom's nodes are structurally what ProseMirror's parser reads; its types are its own.
  const body = document.body as unknown as Parameters<typeof parser.parse>[0];
  const json = parser.parse(body).toJSON() as ArticleDoc;
  // Paragraphs left empty (an image's, a spacer's) carry nothing a reviewer can check.
  const content = (json.content ?? []).filter((node) => node.type !== 'paragraph' || (node.content ?? []).length > 0);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

/** True when the document holds no visible text. */
export function isEmptyArticle(doc: DocNode): boolean {
  const hasText = (node: DocNode): boolean =>
    (node.type === 'text' && (node.text ?? '').trim().length > 0) || (node.content ?? []).some(hasText);
  return !hasText(doc);
}

/** An article made from pasted or imported content, and what the reviewer should know about it. */
export interface ArticleFromSource {
  doc: ArticleDoc;
  notes: string[];
}

/**
 * The article document for `source`, with overlong paragraphs split so it fits what a review file
 * holds and relative links resolved against `linkBase` (the article's address) or dropped;
 * refuses content with no text in it, or too large to store, saying why.
 */
export function articleFromSource(source: ArticleSource, linkBase?: string): ArticleFromSource {
  let doc: ArticleDoc;
  switch (source.format) {
    case 'text':
      doc = docFromPlainText(source.body);
      break;
    case 'markdown':
      doc = docFromHtml(marked.parse(source.body.replace(/^\uFEFF/, ''), { async: false, gfm: true }), linkBase);
      break;
    case 'html':
      doc = docFromHtml(source.body, linkBase);
      break;
  }
  if (isEmptyArticle(doc)) {
    throw new ApiError('invalid-input', 'The article has no text in it. Paste the article or choose a file that contains text.');
  }
  const { doc: fitted, split } = splitLongParagraphs(doc);
  const problem = articleLimitProblem(fitted);
  if (problem) throw new ApiError('invalid-input', `${problem} Nothing was added.`);
  const notes = split > 0 ? [`${split === 1 ? 'One paragraph was' : `${split} paragraphs were`} longer than ${SPLIT_PARAGRAPH_CHARS.toLocaleString('en-US')} characters and ${split === 1 ? 'was' : 'were'} split into shorter ones at sentence ends.`] : [];
  return { doc: fitted as ArticleDoc, notes };
}
