/**
 * Reads the newer version of an article as the reviewer hands it over (pasted content, a document
 * file or a saved web page) with the same readers as a new review, and fingerprints what was read:
 * SHA-256 of the file's bytes, or of the pasted text's UTF-8 bytes.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { ArticleUpdateSource } from '../../../shared/article-update/article-update-schema';
import type { ArticleDoc } from '../../../shared/model/article-doc';
import type { ArticleVersionSource } from '../../../shared/model/article-version';
import { ApiError } from '../../../shared/api/envelope';

/** The newer article and what identifies where it came from. */
export interface UpdateSourceRead {
  doc: ArticleDoc;
  sha256: string;
  source: ArticleVersionSource;
  fileName?: string;
  /** A file's bytes, kept beside the version's article. */
  bytes?: Uint8Array;
  notes: string[];
}

/** Reads `source`; refuses, saying why and that nothing changed, what cannot be read as an article. */
export async function readUpdateSource(source: ArticleUpdateSource): Promise<UpdateSourceRead> {
  const unchanged = (error: unknown): never => {
    if (error instanceof ApiError) throw new ApiError(error.code, `${error.message.replace(/\s*Nothing was added\.$/, '')} The article was not updated.`);
    throw error;
  };
  if (source.kind === 'pasted') {
    const { articleFromSource } = await import('../article/article-from-source');
    const article = (() => {
      try {
        return articleFromSource({ format: source.format, body: source.body });
      } catch (error) {
        return unchanged(error);
      }
    })();
    return {
      doc: article.doc,
      sha256: createHash('sha256').update(source.body, 'utf8').digest('hex'),
      source: 'paste',
      notes: article.notes,
    };
  }
  const bytes = Buffer.from(source.base64, 'base64');
  const { importDocument } = await import('../import/import-document');
  const imported = await importDocument({
    fileName: source.fileName,
    bytes,
    ...(source.encoding ? { encoding: source.encoding } : {}),
  }).catch(unchanged);
  const page = ['.html', '.htm'].includes(extname(source.fileName).toLowerCase());
  return {
    doc: imported.doc,
    sha256: imported.sha256,
    source: page ? 'page' : 'file',
    fileName: source.fileName,
    bytes,
    notes: imported.notes,
  };
}
