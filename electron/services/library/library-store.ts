/**
 * The library on disk: `library.json` for settings and rating scales, `reviews/<id>.json` for
 * each review. One LibraryStore owns a data folder (see folder-lock) with exactly one lowdb
 * instance and one adapter per file, so no two writers ever race on a file.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Low } from 'lowdb';
import type { Notice } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/envelope';
import { claimQuotes, readArticleText, type ClaimSpan } from '../../../shared/article/claim-spans';
import type { ArticleDoc } from '../../../shared/model/article-doc';
import type { Claim } from '../../../shared/model/claim';
import { Id } from '../../../shared/model/primitives';
import { EMPTY_PUBLISHER, type Publisher } from '../../../shared/model/publisher';
import { DEFAULT_SCALE, type RatingScale } from '../../../shared/model/rating-scale';
import type { Reviewer } from '../../../shared/model/reviewer';
import { backfillHistory, recordEdits } from '../../../shared/history/record-edits';
import { SCHEMA_VERSION, UNRATED, type LibraryFile, type Review, type ReviewFile, type ReviewOrigin, type ReviewSummary } from '../../../shared/model/review';
import { DurableJsonFile, fileStamp, writeDurably, type RecoveryReport } from './durable-json-file';
import { acquireFolderLock, type FolderLock } from './folder-lock';
import { migrateLibraryFile, migrateReviewFile } from './migrate';

const REVIEW_FILE = /^([A-Za-z0-9_-]{8,64})\.json(\.bak)?$/;

export interface LibraryStoreOptions {
  now?: () => Date;
  newId?: () => string;
}

export interface NewReviewInput {
  title: string;
  sourceUrl: string;
  origin: ReviewOrigin;
  doc: ArticleDoc;
  byline?: string;
  publishedAt?: string;
  /** The imported file itself, kept in originals/<review id>/ so the review can be traced to it. */
  original?: { fileName: string; bytes: Uint8Array };
}

function recoveryNotice(report: RecoveryReport): Notice {
  const name = basename(report.file);
  return {
    id: `recovered:${report.quarantinedAs}`,
    level: 'warning',
    message: report.restoredFromBackup
      ? `The file ${name} was damaged (${report.reason}). It was set aside as ${basename(report.quarantinedAs)} and the last good copy was restored; changes made just before the damage may be missing.`
      : `The file ${name} was damaged (${report.reason}) and had no usable backup. It was set aside as ${basename(report.quarantinedAs)} in the data folder; nothing else was changed.`,
  };
}

/** Counts of placed claims by verdict, as the library list shows them. */
export function summarize(review: Review, spans: readonly ClaimSpan[] = readArticleText(review.doc).spans): ReviewSummary {
  const placed = new Set(spans.map((span) => span.claimId));
  const verdictCounts: Record<string, number> = {};
  let claimCount = 0;
  for (const claim of review.claims) {
    if (!placed.has(claim.id)) continue;
    const key = claim.verdictId ?? UNRATED;
    verdictCounts[key] = (verdictCounts[key] ?? 0) + 1;
    claimCount++;
  }
  const { id, title, sourceUrl, createdAt, updatedAt } = review;
  return { id, title, sourceUrl, createdAt, updatedAt, verdictCounts, claimCount };
}

export class LibraryStore {
  private readonly reviews = new Map<string, Low<ReviewFile>>();
  private readonly summaries = new Map<string, ReviewSummary>();
  private pendingNotices: Notice[] = [];
  private closed = false;

  private constructor(
    readonly dataDir: string,
    private readonly lock: FolderLock,
    private readonly library: Low<LibraryFile>,
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {}

  /** Opens (creating if needed) the data folder, taking its lock. */
  static async open(dataDir: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
    await mkdir(join(dataDir, 'reviews'), { recursive: true });
    const lock = await acquireFolderLock(dataDir);
    try {
      const notices: Notice[] = [];
      const onRecovered = (report: RecoveryReport): void => void notices.push(recoveryNotice(report));
      const library = new Low<LibraryFile>(new DurableJsonFile(join(dataDir, 'library.json'), { parse: migrateLibraryFile, onRecovered }), {
        schemaVersion: SCHEMA_VERSION,
        scales: [DEFAULT_SCALE],
        publisher: EMPTY_PUBLISHER,
      });
      await library.read();
      const store = new LibraryStore(dataDir, lock, library, options.now ?? (() => new Date()), options.newId ?? randomUUID);
      if (library.data.scales.length === 0) library.data.scales = [DEFAULT_SCALE];
      if (!library.data.reviewer) library.data.reviewer = { id: store.newId(), name: '' };
      await library.write();
      await store.loadReviews(onRecovered);
      store.pendingNotices = [...notices, ...store.pendingNotices];
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private reviewPath(id: string): string {
    return join(this.dataDir, 'reviews', `${id}.json`);
  }

  private async loadReviews(onRecovered: (report: RecoveryReport) => void): Promise<void> {
    const names = await readdir(join(this.dataDir, 'reviews'));
    const ids = new Set(names.map((name) => REVIEW_FILE.exec(name)?.[1]).filter((id): id is string => id !== undefined));
    for (const id of ids) {
      const adapter = new DurableJsonFile<ReviewFile>(this.reviewPath(id), { parse: migrateReviewFile, onRecovered });
      let data: ReviewFile | null;
      try {
        data = await adapter.read();
      } catch (error) {
        // A newer file is left exactly as it is; the reviewer is told why the review is missing.
        this.pendingNotices.push({ id: `unreadable:${id}`, level: 'error', message: error instanceof Error ? `${error.message} (reviews/${id}.json)` : String(error) });
        continue;
      }
      if (!data) continue;
      if (data.review.id !== id) {
        this.pendingNotices.push({ id: `mismatch:${id}`, level: 'warning', message: `reviews/${id}.json holds a review with another id; it was left alone.` });
        continue;
      }
      this.reviews.set(id, new Low(adapter, data));
      this.summaries.set(id, summarize(data.review));
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new ApiError('refused', 'The library is closed.');
  }

  private db(id: string): Low<ReviewFile> {
    this.ensureOpen();
    const db = Id.safeParse(id).success ? this.reviews.get(id) : undefined;
    if (!db) throw new ApiError('not-found', 'That review is not in the library (it may have been deleted). Go back to the library to see the reviews there are.');
    return db;
  }

  /** Messages for the reviewer gathered while opening (recovered or refused files). */
  notices(): Notice[] {
    return [...this.pendingNotices];
  }

  dismissNotice(id: string): void {
    this.pendingNotices = this.pendingNotices.filter((notice) => notice.id !== id);
  }

  scales(): RatingScale[] {
    return this.library.data.scales;
  }

  /** The rating scale of `review` (the library's first scale if its own was removed). */
  scaleOf(review: Review): RatingScale {
    return this.scales().find((scale) => scale.id === review.scaleId) ?? this.scales()[0] ?? DEFAULT_SCALE;
  }

  publisher(): Publisher {
    return this.library.data.publisher;
  }

  async setPublisher(publisher: Publisher): Promise<Publisher> {
    this.ensureOpen();
    this.library.data = { ...this.library.data, publisher };
    await this.library.write();
    return publisher;
  }

  /** The person working with this data folder, as history events name them. */
  reviewer(): Reviewer {
    return this.library.data.reviewer as Reviewer;
  }

  async setReviewerName(name: string): Promise<Reviewer> {
    this.ensureOpen();
    const reviewer = { ...this.reviewer(), name };
    this.library.data = { ...this.library.data, reviewer };
    await this.library.write();
    return reviewer;
  }

  /** The reviewers list of `review` with this folder's reviewer in it under their current name. */
  private withSelf(reviewers: readonly Reviewer[]): Reviewer[] {
    const self = this.reviewer();
    return [...reviewers.filter((reviewer) => reviewer.id !== self.id), self];
  }

  /** `review` with a `created` event for each claim that has none (reviews from before histories were kept). */
  withFullHistory(review: Review): Review {
    // Most reviews need nothing backfilled: read the article only when a claim asks for its words.
    let quotes: Map<string, string> | undefined;
    const history = backfillHistory({ history: review.history, claims: review.claims, author: this.reviewer().id, now: this.now(), newId: this.newId, quoteOf: (claimId) => (quotes ??= claimQuotes(review.doc)).get(claimId) });
    return history.length === review.history.length ? review : { ...review, history, reviewers: this.withSelf(review.reviewers) };
  }

  /** Every review, most recently changed first. */
  listReviews(): ReviewSummary[] {
    this.ensureOpen();
    return [...this.summaries.values()].sort((left, right) => right.updatedAt.localeCompare(left.updatedAt));
  }

  getReview(id: string): Review {
    return this.db(id).data.review;
  }

  async createReview(input: NewReviewInput): Promise<Review> {
    this.ensureOpen();
    const id = this.newId();
    const stamp = this.now().toISOString();
    const review: Review = {
      id,
      title: input.title,
      sourceUrl: input.sourceUrl,
      byline: input.byline ?? '',
      publishedAt: input.publishedAt ?? '',
      createdAt: stamp,
      updatedAt: stamp,
      scaleId: this.scales()[0]?.id ?? DEFAULT_SCALE.id,
      origin: input.origin,
      doc: input.doc,
      claims: [],
      history: [],
      reviewers: [],
    };
    const originalFolder = join(this.dataDir, 'originals', id);
    if (input.original) {
      await mkdir(originalFolder, { recursive: true });
      // The file name is the user's; keep only its last part and characters safe on every system.
      const safeName = [...basename(input.original.fileName)].map((character) => (/[\\/:*?"<>|]/.test(character) || character.charCodeAt(0) < 32 ? '_' : character)).join('').slice(0, 200) || 'original';
      await writeDurably(join(originalFolder, safeName), input.original.bytes);
    }
    const db = new Low<ReviewFile>(new DurableJsonFile(this.reviewPath(id), { parse: migrateReviewFile }), { schemaVersion: SCHEMA_VERSION, review });
    try {
      await db.write();
    } catch (error) {
      await rm(originalFolder, { recursive: true, force: true });
      throw error;
    }
    this.reviews.set(id, db);
    this.summaries.set(id, summarize(review));
    return review;
  }

  /** Stores the article and claims; resolves once they are durably on disk. */
  async saveReview(input: { id: string; doc: ArticleDoc; claims: Claim[] }): Promise<{ updatedAt: string }> {
    const db = this.db(input.id);
    const scale = this.scaleOf(db.data.review);
    const known = new Set(scale.verdicts.map((verdict) => verdict.id));
    const unknown = input.claims.find((claim) => claim.verdictId !== null && !known.has(claim.verdictId));
    if (unknown) {
      throw new ApiError('invalid-input', `The verdict "${unknown.verdictId}" is not on the scale ${scale.name}. Choose one of: ${scale.verdicts.map((verdict) => verdict.label).join(', ')}.`);
    }
    if (new Set(input.claims.map((claim) => claim.id)).size !== input.claims.length) {
      throw new ApiError('invalid-input', 'Two claims share one id; nothing was saved.');
    }
    const now = this.now();
    const previous = db.data.review;
    // One walk of the article serves the history's quotes and the library's counts.
    const { spans } = readArticleText(input.doc);
    const quotes = new Map(spans.map((span) => [span.claimId, span.quote]));
    const history = recordEdits({
      history: previous.history,
      before: previous.claims,
      after: input.claims,
      author: this.reviewer().id,
      now,
      newId: this.newId,
      sharedAt: previous.sharedAt,
      quoteOf: (claimId) => quotes.get(claimId),
    });
    const historyChanged = history.length !== previous.history.length || history.some((event, index) => event !== previous.history[index]);
    const reviewers = historyChanged ? this.withSelf(previous.reviewers) : previous.reviewers;
    const updatedAt = now.toISOString();
    return this.writeReview({ ...previous, doc: input.doc, claims: input.claims, history, reviewers, updatedAt }, spans).then(() => ({ updatedAt }));
  }

  /** Writes `review` as it is (a merge result, a shared review opened here); adds it when new. */
  async putReview(review: Review): Promise<void> {
    this.ensureOpen();
    if (this.reviews.has(review.id)) return this.writeReview(review);
    const db = new Low<ReviewFile>(new DurableJsonFile(this.reviewPath(review.id), { parse: migrateReviewFile }), { schemaVersion: SCHEMA_VERSION, review });
    await db.write();
    this.reviews.set(review.id, db);
    this.summaries.set(review.id, summarize(review));
  }

  private async writeReview(review: Review, spans?: readonly ClaimSpan[]): Promise<void> {
    const db = this.db(review.id);
    db.data = { schemaVersion: SCHEMA_VERSION, review };
    await db.write();
    this.summaries.set(review.id, summarize(review, spans));
  }

  /** True when the library holds a review with this id. */
  hasReview(id: string): boolean {
    return this.reviews.has(id);
  }

  /** Library scales plus `scale` when its id is new here (a shared review's scale). */
  async adoptScale(scale: RatingScale): Promise<RatingScale> {
    const known = this.scales().find((candidate) => candidate.id === scale.id);
    if (known) return known;
    this.library.data = { ...this.library.data, scales: [...this.scales(), scale] };
    await this.library.write();
    return scale;
  }

  async updateMeta(input: { id: string; title: string; sourceUrl: string }): Promise<ReviewSummary> {
    const db = this.db(input.id);
    const review: Review = { ...db.data.review, title: input.title, sourceUrl: input.sourceUrl, updatedAt: this.now().toISOString() };
    db.data = { schemaVersion: SCHEMA_VERSION, review };
    await db.write();
    const summary = summarize(review);
    this.summaries.set(review.id, summary);
    return summary;
  }

  /**
   * Moves the review into the data folder's trash/, so a mistaken delete can be undone by hand;
   * `keepInTrash: false` removes it and its original file outright (a cancelled import).
   */
  async deleteReview(id: string, options: { keepInTrash: boolean } = { keepInTrash: true }): Promise<void> {
    const db = this.db(id);
    await (db.adapter as DurableJsonFile<ReviewFile>).settled();
    if (options.keepInTrash) {
      const trash = join(this.dataDir, 'trash');
      await mkdir(trash, { recursive: true });
      await rename(this.reviewPath(id), join(trash, `${id}-${fileStamp(this.now())}.json`));
    } else {
      await rm(this.reviewPath(id), { force: true });
      await rm(join(this.dataDir, 'originals', id), { recursive: true, force: true });
    }
    await rm(`${this.reviewPath(id)}.bak`, { force: true });
    this.reviews.delete(id);
    this.summaries.delete(id);
  }

  /** Resolves once every write asked for so far is on disk. */
  async flush(): Promise<void> {
    const adapters = [this.library, ...this.reviews.values()].map((db) => (db.adapter as DurableJsonFile<unknown>).settled());
    await Promise.all(adapters);
  }

  /** Flushes and lets go of the folder; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    await this.lock.release();
  }
}
