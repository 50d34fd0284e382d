/**
 * `search-index.json` in the data folder: the search index saved so the next start need not
 * rebuild it. It is only a cache: anything wrong with it (missing, damaged, another format or
 * word rule) means "rebuild", never an error for the reviewer, and it is never trusted further
 * than each review's revision stamp (see library-search).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import { SEARCH_WORDS_VERSION } from '../../../shared/search/search-words';
import { writeDurably } from '../library/durable-json-file';
import { MINISEARCH_OPTIONS, type LibraryIndex, type ReviewStamp } from './library-index';
import type { SearchDocument } from './search-documents';

/** The file's name in the data folder. */
export const SEARCH_INDEX_FILE = 'search-index.json';
/** Changes when the file's layout or the documents' fields change. */
export const SEARCH_INDEX_FORMAT = 2;

const StoredReview = z
  .object({
    revision: z.number().int().nonnegative(),
    updatedAt: z.string(),
    documents: z.array(z.string()),
  })
  .strict();
const IndexFileHead = z
  .object({
    format: z.literal(SEARCH_INDEX_FORMAT),
    words: z.literal(SEARCH_WORDS_VERSION),
    reviews: z.record(z.string(), StoredReview),
    index: z.record(z.string(), z.unknown()),
  })
  .strict();

/** A loaded index file: MiniSearch's index and, per review, the version and documents it holds. */
export interface StoredIndex {
  mini: MiniSearch<SearchDocument>;
  reviews: Map<string, ReviewStamp & { documents: string[] }>;
}

/** The path of the index file of `dataDir`. */
export const searchIndexPath = (dataDir: string): string => join(dataDir, SEARCH_INDEX_FILE);

/** Reads the index file; `problem` says why it cannot be used (then the index is rebuilt). */
export async function readIndexFile(path: string): Promise<StoredIndex | { problem: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return {
      problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : `unreadable (${(error as Error).message})`,
    };
  }
  try {
    const head = IndexFileHead.safeParse(JSON.parse(text));
    if (!head.success) return { problem: 'of another format or damaged' };
    const mini = await MiniSearch.loadJSAsync(head.data.index as unknown as Parameters<typeof MiniSearch.loadJS>[0], MINISEARCH_OPTIONS);
    return { mini, reviews: new Map(Object.entries(head.data.reviews)) };
  } catch (error) {
    return {
      problem: `damaged (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

/** The file's text for `index`. */
export function indexFileText(index: LibraryIndex): string {
  const reviews: Record<string, z.infer<typeof StoredReview>> = {};
  for (const id of index.reviewIds()) {
    const stamp = index.stamp(id);
    if (stamp)
      reviews[id] = {
        revision: stamp.revision,
        updatedAt: stamp.updatedAt,
        documents: [...index.documentIds(id)],
      };
  }
  return JSON.stringify({
    format: SEARCH_INDEX_FORMAT,
    words: SEARCH_WORDS_VERSION,
    reviews,
    index: index.mini,
  });
}

/** Writes the index file durably (temp file, fsync, rename), as the library's own files are. */
export async function writeIndexFile(path: string, index: LibraryIndex): Promise<void> {
  await writeDurably(path, indexFileText(index));
}
