/**
 * Opens the files journalists get — Word, PDF, saved web pages, text and Markdown in any common
 * encoding — as an article document, with what is known of its origin. Refuses, with the file's
 * name and the problem, anything it cannot read; never changes the library itself.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { ArticleSource } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/envelope';
import type { ArticleDoc } from '../../../shared/model/article-doc';
import { MAX_IMPORT_BYTES } from '../../../shared/model/import-limits';
import { escapeHtml } from '../../../shared/report/escape';
import { articleFromSource, paragraphsOfPlainText } from '../article/article-from-source';
import { decodeText } from './decode-text';
import { headlineOfText } from './text-headline';

// The readers of Word, PDF and web pages load only when such a file comes: they are large. PDFs
// are read in a worker thread besides: pdfjs-dist's legacy build on Node 20 swaps JSON.stringify
// for a far slower polyfill in whatever loads it (house-style pitfall), which would slow every
// save afterwards.


export interface ImportedDocument {
  title: string;
  sourceUrl: string;
  byline: string;
  publishedAt: string;
  outlet: string;
  language: string;
  doc: ArticleDoc;
  size: number;
  sha256: string;
  encoding?: string;
  /** Things the reviewer should know (images left out, an unsure encoding guess). */
  notes: string[];
}

function startsWith(bytes: Uint8Array, signature: string): boolean {
  return [...signature].every((character, index) => bytes[index] === character.charCodeAt(0));
}

function stem(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim();
}

/** Reads `bytes` (the file `fileName`) as an article. */
export async function importDocument(input: { fileName: string; bytes: Uint8Array; encoding?: string }): Promise<ImportedDocument> {
  const { fileName, bytes } = input;
  const extension = extname(fileName).toLowerCase();
  if (bytes.length === 0) throw new ApiError('invalid-input', `${fileName} is empty. Choose the file that holds the article.`);
  if (bytes.length > MAX_IMPORT_BYTES) throw new ApiError('invalid-input', `${fileName} is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; Factmark opens files up to 50 MB. Split the document or export its text.`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = { sourceUrl: '', byline: '', publishedAt: '', outlet: '', language: '', size: bytes.length, sha256, notes: [] as string[] };
  const fromSource = (source: ArticleSource, linkBase?: string): ArticleDoc => {
    try {
      const article = articleFromSource(source, linkBase);
      base.notes.push(...article.notes);
      return article.doc;
    } catch (error) {
      if (error instanceof ApiError) throw new ApiError(error.code, `${fileName}: ${error.message}`);
      throw error;
    }
  };

  switch (extension) {
    case '.docx': {
      if (!startsWith(bytes, 'PK\u0003\u0004')) throw new ApiError('invalid-input', `${fileName} is not a Word (.docx) file inside: it may be damaged, or an old .doc renamed. Save it again as .docx.`);
      const { articleFromWordFile } = await import('./docx-article');
      const word = await articleFromWordFile(bytes, fileName);
      const notes = word.imagesDropped > 0 ? [`${word.imagesDropped} ${word.imagesDropped === 1 ? 'image was' : 'images were'} left out; Factmark keeps the text.`] : [];
      const doc = fromSource({ format: 'html', body: word.html });
      return { ...base, title: word.title || stem(fileName), doc, notes: [...notes, ...base.notes] };
    }
    case '.pdf': {
      if (!startsWith(bytes, '%PDF-')) throw new ApiError('invalid-input', `${fileName} is not a PDF inside (it does not start like one). Check that you chose the right file.`);
      // Read in a worker thread: pdf.js must never load in this process (pdf-article-in-worker).
      const { articleFromPdfInWorker } = await import('./pdf-article-in-worker');
      const pdf = await articleFromPdfInWorker(bytes, fileName);
      return { ...base, title: pdf.title || stem(fileName), doc: fromSource({ format: 'html', body: pdf.html }) };
    }
    case '.html':
    case '.htm': {
      const decoded = decodeText(bytes, input.encoding);
      const { articleFromWebPage } = await import('./html-article');
      const page = articleFromWebPage(decoded.text, fileName);
      return {
        ...base,
        title: page.title || stem(fileName),
        sourceUrl: page.canonicalUrl,
        byline: page.byline,
        publishedAt: page.publishedAt,
        outlet: page.outlet,
        language: page.language,
        doc: fromSource({ format: 'html', body: page.html }, page.canonicalUrl || undefined),
        encoding: decoded.encoding,
      };
    }
    case '.txt':
    case '.text':
    case '.md':
    case '.markdown': {
      if (startsWith(bytes, '%PDF-') || startsWith(bytes, 'PK\u0003\u0004')) throw new ApiError('invalid-input', `${fileName} is named like a text file but holds a PDF or Word file. Rename it with the right extension.`);
      const decoded = decodeText(bytes, input.encoding);
      if (decoded.text.includes('\u0000')) throw new ApiError('invalid-input', `${fileName} is not a text file (it holds binary data).`);
      const markdown = extension === '.md' || extension === '.markdown';
      const heading = markdown ? /^#\s+(.+)$/m.exec(decoded.text)?.[1]?.trim() : headlineOfText(decoded.text);
      const notes = decoded.unsure ? [`The text encoding was guessed as ${decoded.encoding}. If letters look wrong, import the file again and choose its encoding.`] : [];
      // A text file's headline heads the article, as a Markdown "# Title" does, rather than being its first paragraph.
      const doc =
        !markdown && heading
          ? fromSource({ format: 'html', body: [`<h1>${escapeHtml(heading)}</h1>`, ...paragraphsOfPlainText(decoded.text).slice(1).map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)].join('') })
          : fromSource({ format: markdown ? 'markdown' : 'text', body: decoded.text });
      return { ...base, title: heading || stem(fileName), doc, encoding: decoded.encoding, notes: [...notes, ...base.notes] };
    }
    default:
      throw new ApiError('invalid-input', `${fileName}: Factmark cannot open ${extension || 'files without an extension'} files. It opens Word (.docx), PDF, web pages (.html), text (.txt) and Markdown (.md).`);
  }
}
