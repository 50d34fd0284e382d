/**
 * The search service of one open library: builds or loads the index when first needed (or in
 * the background after open), follows every review write, add and delete, and saves the index
 * to the data folder off the save path. A read-only open never writes the index file.
 */
import { readArticleText } from '../../../shared/article/claim-spans';
import type { Review } from '../../../shared/model/review';
import type { CheckedBefore, SearchQuery, SearchResults } from '../../../shared/search/search-schema';
import type { LibraryStore } from '../library';
import { findCheckedBefore } from './checked-before';
import { KeptTexts } from './kept-texts';
import { LibraryIndex } from './library-index';
import { searchLibrary } from './library-query';
import { readIndexFile, searchIndexPath, writeIndexFile, type StoredIndex } from './search-index-file';

export interface LibrarySearchOptions {
  /** Never write the index file (a command that only reads, a read-only folder). */
  readOnly: boolean;
  /** How long after the last change the index file is written (changes come in bursts while a reviewer types). */
  saveDelayMs?: number;
}

/** What a load or build did, for tests and the benchmark. */
export interface IndexOrigin {
  kind: 'loaded' | 'built';
  /** Why the file was not used (when built). */
  problem?: string;
  /** Reviews indexed anew at load because they changed, were added or removed since the file was written. */
  reindexed: number;
}

/**
 * Writing the file stops the process for a while on a big library (about 5 s at 2,000 reviews, in
 * the bench), so it is written at close and otherwise only after long quiet (a build too): a file
 * behind the library costs the next start only the reviews changed since (see reconcile), and a
 * missing one a rebuild in the background.
 */
const DEFAULT_SAVE_DELAY_MS = 5 * 60_000;
/** Work between yields while building, so a window's calls are answered meanwhile. */
const BUILD_SLICE_MS = 25;
/** Articles kept as plain text for snippets; reading one again costs a walk of its document. */
const ARTICLE_CACHE_SIZE = 32;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** When claim `claimId`'s verdict was last set, as its history says (its record's time otherwise). */
function verdictSetAt(review: Review, claimId: string): string {
  let latest = '';
  for (const event of review.history) if (event.claimId === claimId && event.set.verdictId !== undefined && event.at > latest) latest = event.at;
  return latest || (review.claims.find((claim) => claim.id === claimId)?.updatedAt ?? review.updatedAt);
}

export class LibrarySearch {
  private loading: Promise<LibraryIndex> | undefined;
  private readonly pending = new Set<string>();
  private readonly articles = new Map<string, string>();
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  /** The index holds changes the file does not. */
  private unsaved = false;
  private closed = false;
  private readonly stopListening: () => void;
  private readonly keptTexts: KeptTexts;
  /** How the index came to be, once it has. */
  origin: IndexOrigin | undefined;

  constructor(
    private readonly store: LibraryStore,
    private readonly options: LibrarySearchOptions,
  ) {
    this.keptTexts = new KeptTexts(store.dataDir);
    this.stopListening = store.onReviewChanged((id) => {
      this.pending.add(id);
      this.articles.delete(id);
      this.unsaved = true;
      this.scheduleSave();
    });
  }

  /** Starts loading or building the index in the background (the app calls it after opening). */
  warmUp(): void {
    if (!this.closed) void this.ready().catch(() => undefined);
  }

  /** The index, up to date with every change the store has told of. */
  async ready(): Promise<LibraryIndex> {
    this.loading ??= this.open();
    const index = await this.loading;
    // Taken one by one: a change told while a kept text is read stays pending for the next call.
    for (const id of [...this.pending]) {
      this.pending.delete(id);
      if (!this.store.hasReview(id)) {
        index.remove(id);
        continue;
      }
      const review = this.store.getReview(id);
      const kept = await this.keptTexts.of(review);
      // Changed again while its texts were read: indexed from the newer record at the next turn.
      if (this.pending.has(id)) continue;
      index.put(review, kept);
    }
    if (this.pending.size > 0) return this.ready();
    return index;
  }

  /** A search of the library (see shared/search/search-schema). */
  async search(input: SearchQuery): Promise<SearchResults> {
    return searchLibrary(await this.ready(), input, (id) => this.articleText(id));
  }

  /** Claims of other reviews with a verdict, worded like `text`. */
  async checkedBefore(input: { text: string; excludeReviewId?: string; limit: number }): Promise<CheckedBefore[]> {
    const index = await this.ready();
    const found = findCheckedBefore(index, input.text, {
      limit: input.limit,
      ...(input.excludeReviewId ? { excludeReviewId: input.excludeReviewId } : {}),
    });
    return found.flatMap(({ meta, quote, summary, similarity }) => {
      if (!this.store.hasReview(meta.reviewId) || meta.verdict === null) return [];
      const review = this.store.getReview(meta.reviewId);
      return [
        {
          reviewId: meta.reviewId,
          reviewTitle: review.title,
          claimId: meta.claimId,
          claimNumber: meta.claimNumber,
          quote,
          summary,
          verdict: meta.verdict,
          checkedAt: verdictSetAt(review, meta.claimId),
          similarity: Math.round(similarity * 1000) / 1000,
        },
      ];
    });
  }

  private articleText(id: string): string {
    const kept = this.articles.get(id);
    if (kept !== undefined) return kept;
    const text = this.store.hasReview(id) ? readArticleText(this.store.getReview(id).doc).text : '';
    if (this.articles.size >= ARTICLE_CACHE_SIZE) this.articles.delete(this.articles.keys().next().value as string);
    this.articles.set(id, text);
    return text;
  }

  /** Loads the index file and brings it up to date, or builds the index when the file cannot be used. */
  private async open(): Promise<LibraryIndex> {
    const stored = await readIndexFile(searchIndexPath(this.store.dataDir));
    const ids = this.store.listReviews().map((summary) => summary.id);
    if ('mini' in stored) {
      const index = await this.reconcile(stored, ids);
      if (index) return index;
    }
    const index = new LibraryIndex();
    let sliceStart = performance.now();
    for (const id of ids) {
      if (this.store.hasReview(id)) {
        const review = this.store.getReview(id);
        index.put(review, await this.keptTexts.of(review));
      }
      if (performance.now() - sliceStart > BUILD_SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
    }
    this.origin = {
      kind: 'built',
      problem: 'problem' in stored ? stored.problem : 'out of step with the library',
      reindexed: ids.length,
    };
    this.unsaved = true;
    this.scheduleSave();
    return index;
  }

  /**
   * The stored index with each review whose stamp differs (or that is new or gone) indexed anew;
   * undefined when the file does not hold what it says (then it is rebuilt).
   */
  private async reconcile(stored: StoredIndex, ids: readonly string[]): Promise<LibraryIndex | undefined> {
    const index = new LibraryIndex(stored.mini);
    const present = new Set(ids);
    let reindexed = 0;
    for (const [id, entry] of stored.reviews) {
      if (!present.has(id)) {
        index.remove(id, entry.documents);
        reindexed++;
      }
    }
    let sliceStart = performance.now();
    for (const id of ids) {
      if (!this.store.hasReview(id)) continue;
      const review = this.store.getReview(id);
      const kept = await this.keptTexts.of(review);
      const entry = stored.reviews.get(id);
      const fresh = entry !== undefined && entry.revision === review.revision && entry.updatedAt === review.updatedAt && index.adopt(review, entry.documents, kept);
      if (!fresh) {
        if (entry) index.remove(id, entry.documents);
        index.put(review, kept);
        reindexed++;
      }
      if (performance.now() - sliceStart > BUILD_SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
    }
    let documents = 0;
    for (const id of index.reviewIds()) documents += index.documentIds(id).length;
    // Documents the file has but lists under no review would be found by searches: do not trust it.
    if (index.mini.documentCount !== documents) return undefined;
    this.origin = { kind: 'loaded', reindexed };
    if (reindexed > 0) {
      this.unsaved = true;
      this.scheduleSave();
    }
    return index;
  }

  private scheduleSave(delay = this.options.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS): void {
    if (this.options.readOnly || this.closed) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save().catch(() => undefined), delay);
    // A pending save never keeps a command-line process alive; close() writes what is left.
    this.saveTimer.unref();
  }

  /** Writes the index file when it is behind the index (never for a read-only open). */
  private save(): Promise<void> {
    this.saving = this.saving.then(async () => {
      if (this.options.readOnly || !this.unsaved || !this.loading) return;
      const index = await this.ready();
      this.unsaved = false;
      await writeIndexFile(searchIndexPath(this.store.dataDir), index).catch((error: unknown) => {
        // The index is a cache: a failed write (a full disk) leaves the next start to rebuild it.
        this.unsaved = true;
        throw error;
      });
    });
    return this.saving;
  }

  /** Stops following the store and writes what the file lacks; call before the store closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearTimeout(this.saveTimer);
    this.stopListening();
    // Changes the store told of are taken in before the store closes (ready() reads reviews from it).
    if (this.loading) await this.ready().catch(() => undefined);
    this.closed = true;
    await this.save().catch(() => undefined);
  }
}
