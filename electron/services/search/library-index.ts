/**
 * The library's full-text index: one MiniSearch index over every review's documents (see
 * search-documents), what each document shows and filters on, and word frequencies for
 * "checked before". Kept review by review: a review's documents are replaced together.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Review } from '../../../shared/model/review';
import { searchTokenize, wordForms, wordKey } from '../../../shared/search/search-words';
import { isStopWord } from '../../../shared/search/stop-words';
import { INDEX_FIELDS, reviewDocuments, type DocumentMeta, type IndexField, type SearchDocument } from './search-documents';
import type { KeptTextsOf } from './kept-texts';
import type { WordFrequencies } from './wording-similarity';

/** What identifies the version of a review the index holds: a later write changes it. */
export interface ReviewStamp {
  revision: number;
  updatedAt: string;
}

/** What the index keeps of a document besides its terms: its meta and short fields (the article is read from the review when needed). */
export interface IndexedDocument {
  meta: DocumentMeta;
  fields: Partial<Record<IndexField, string>>;
}

/** How much each field counts: a claim's words and the review's title above its article and notes. */
export const FIELD_BOOSTS: Record<IndexField, number> = {
  quote: 3,
  summary: 3,
  title: 2.5,
  claimant: 2,
  tags: 2,
  rationale: 1.2,
  evidence: 1,
  article: 1,
};

/**
 * A word's repeats in one field counted at most this often: BM25 gives little for repeats past a
 * few, and an article repeats its common words dozens of times, which was most of the build time.
 */
const MAX_REPEATS = 3;

/** The words of a field to index, each at most MAX_REPEATS times. */
function indexTokens(text: string): string[] {
  const seen = new Map<string, number>();
  return searchTokenize(text).filter((word) => {
    if (isStopWord(wordForms(word)[0] ?? '')) return false;
    const count = (seen.get(word) ?? 0) + 1;
    seen.set(word, count);
    return count <= MAX_REPEATS;
  });
}

/** MiniSearch's options for this index; the same at build and at load, or a loaded index would not answer. */
export const MINISEARCH_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: [...INDEX_FIELDS],
  extractField: (document, field) => (field === 'id' ? document.id : (document.fields[field as IndexField] ?? '')),
  tokenize: indexTokens,
  processTerm: wordForms,
  // Queries arrive as trees of terms already made by the word rule (see library-query).
  searchOptions: {
    tokenize: (term) => [term],
    processTerm: (term) => term,
    boost: FIELD_BOOSTS,
  },
};

/** Fields whose words "checked before" compares and counts. */
const WORDING_FIELDS: readonly IndexField[] = ['quote', 'summary'];

export class LibraryIndex implements WordFrequencies {
  private readonly documentsOf = new Map<string, string[]>();
  private readonly stamps = new Map<string, ReviewStamp>();
  private readonly indexed = new Map<string, IndexedDocument>();
  private readonly keysOf = new Map<string, string[]>();
  private readonly keyCounts = new Map<string, number>();
  private claimCount = 0;

  constructor(readonly mini: MiniSearch<SearchDocument> = new MiniSearch(MINISEARCH_OPTIONS)) {}

  /** The version of review `id` the index holds, if any. */
  stamp(id: string): ReviewStamp | undefined {
    return this.stamps.get(id);
  }

  /** Ids of the reviews the index holds. */
  reviewIds(): string[] {
    return [...this.stamps.keys()];
  }

  /** The document ids of review `id`. */
  documentIds(id: string): readonly string[] {
    return this.documentsOf.get(id) ?? [];
  }

  /** A document's meta and short fields. */
  document(documentId: string): IndexedDocument | undefined {
    return this.indexed.get(documentId);
  }

  /** Every document's id with what the index keeps of it. */
  entries(): IterableIterator<[string, IndexedDocument]> {
    return this.indexed.entries();
  }

  /** Replaces review `review.id`'s documents with those of `review` (or adds them); `kept`: its copies' texts. */
  put(review: Review, kept?: KeptTextsOf): void {
    this.remove(review.id);
    const documents = reviewDocuments(review, kept);
    this.mini.addAll(documents);
    this.keep(review, documents);
  }

  /**
   * Takes `review`'s documents as already in the MiniSearch index (loaded from the index file);
   * false, changing nothing, when the index does not hold exactly those documents.
   */
  adopt(review: Review, documentIds: readonly string[], kept?: KeptTextsOf): boolean {
    const documents = reviewDocuments(review, kept);
    const expected = new Set(documentIds);
    if (documents.length !== expected.size || documents.some((document) => !expected.has(document.id) || !this.mini.has(document.id))) return false;
    this.keep(review, documents);
    return true;
  }

  private keep(review: Review, documents: readonly SearchDocument[]): void {
    for (const document of documents) {
      const { article: _article, ...short } = document.fields;
      this.indexed.set(document.id, { meta: document.meta, fields: short });
      if (document.meta.claimId !== null) this.countWords(document);
    }
    this.documentsOf.set(
      review.id,
      documents.map((document) => document.id),
    );
    this.stamps.set(review.id, {
      revision: review.revision,
      updatedAt: review.updatedAt,
    });
  }

  private countWords(document: SearchDocument): void {
    const keys = [...new Set(WORDING_FIELDS.flatMap((field) => searchTokenize(document.fields[field] ?? '').map(wordKey)))].filter((key) => key !== '');
    for (const key of keys) this.keyCounts.set(key, (this.keyCounts.get(key) ?? 0) + 1);
    this.keysOf.set(document.id, keys);
    this.claimCount++;
  }

  /** Drops review `id`'s documents (those MiniSearch holds though this index has not adopted them, too). */
  remove(id: string, documentIds: readonly string[] = this.documentsOf.get(id) ?? []): void {
    for (const documentId of documentIds) {
      if (this.mini.has(documentId)) this.mini.discard(documentId);
      this.indexed.delete(documentId);
      const keys = this.keysOf.get(documentId);
      if (!keys) continue;
      for (const key of keys) {
        const count = (this.keyCounts.get(key) ?? 1) - 1;
        if (count > 0) this.keyCounts.set(key, count);
        else this.keyCounts.delete(key);
      }
      this.keysOf.delete(documentId);
      this.claimCount--;
    }
    this.documentsOf.delete(id);
    this.stamps.delete(id);
  }

  /** Claims counted for word frequencies. */
  claims(): number {
    return this.claimCount;
  }

  frequency(key: string): number {
    return this.keyCounts.get(key) ?? 0;
  }
}
