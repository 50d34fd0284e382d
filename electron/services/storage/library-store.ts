/**
 * The library on disk: `library.json` for rating scales and settings, `reviews/<id>.json` for
 * each review. A LibraryStore is the only owner of a data folder's files: it holds the folder
 * lock and exactly one lowdb instance and adapter per file, so no two writers race on a file.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { Notice } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/envelope';
import type { ArticleDoc } from '../../../shared/model/article-doc';
import type { Claim } from '../../../shared/model/claim';
import { Id } from '../../../shared/model/primitives';
import { EMPTY_PUBLISHER, Publisher } from '../../../shared/model/publisher';
import { DEFAULT_SCALE, type RatingScale } from '../../../shared/model/rating-scale';
import {
  Review,
  SCHEMA_VERSION,
  type LibraryFile,
  type ReviewFile,
  type ReviewSummary,
} from '../../../shared/model/review';
import { DurableJsonFile, type RecoveryReport } from './durable-json-file';
import { fileStamp } from './file-stamp';
import { acquireFolderLock, type FolderLock } from './folder-lock';
import { migrateLibraryFile, migrateReviewFile } from './migrate';
import { renameWithRetry } from './rename-with-retry';
import { summarizeReview } from './review-summary';
import { NewerFormatError } from './storage-errors';
import { recoveryNotice, unopenedReviewNotice, type FileLabel } from './storage-notices';

/** Injectable clock and id maker, for tests and reproducible fixtures. */
export interface LibraryStoreOptions {
  now?: () => Date;
  newId?: () => string;
}

/** What a new review starts from. */
export type NewReview = Pick<Review, 'title' | 'sourceUrl' | 'origin' | 'doc'> & Partial<Pick<Review, 'byline' | 'publishedAt'>>;

/** A save of the review desk: the whole article and every claim record. */
export interface ReviewContent {
  id: string;
  doc: ArticleDoc;
  claims: Claim[];
}

/** A change of the title or source address. */
export interface ReviewMeta {
  id: string;
  title: string;
  sourceUrl: string;
}

interface OpenReview {
  db: Low<ReviewFile>;
  file: DurableJsonFile<ReviewFile>;
  /** Cached list entry; dropped on every change and rebuilt when the list is asked for. */
  summary: ReviewSummary | null;
}

const LIBRARY_FILE = 'library.json';
const REVIEWS_DIR = 'reviews';
const TRASH_DIR = 'trash';
/** `<id>.json`, or only `<id>.json.bak` when a crash fell between the two renames of a write. */
const REVIEW_FILE_NAME = /^([A-Za-z0-9_-]{8,64})\.json(?:\.bak)?$/;
/** Reading a few files at once hides disk latency without holding every article in flight. */
const LOAD_CONCURRENCY = 8;

function assertId(id: string): void {
  // Ids become file names: anything but [A-Za-z0-9_-] could walk out of the data folder.
  if (!Id.safeParse(id).success) throw new ApiError('invalid-input', `"${id.slice(0, 80)}" is not a Factmark review id.`);
}

function describeProblem(error: z.ZodError): string {
  return z.prettifyError(error).slice(0, 600);
}

/** The owner of one data folder's files; open it with LibraryStore.open and close it on quit. */
export class LibraryStore {
  private readonly reviews = new Map<string, OpenReview>();
  /** Ids whose files exist but were left untouched (newer format, unreadable): never reused. */
  private readonly untouchedIds = new Set<string>();
  private pendingNotices: Notice[] = [];
  private readonly operations = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;

  private constructor(
    /** The data folder this store owns. */
    readonly dataDir: string,
    private readonly lock: FolderLock,
    private readonly library: Low<LibraryFile>,
    private readonly libraryFile: DurableJsonFile<LibraryFile>,
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {}

  /**
   * Opens `dataDir` (creating it if needed) as this process's library: takes the folder lock,
   * loads or creates library.json and reads every review file. Rejects with ApiError('refused')
   * when another Factmark holds the folder or library.json is of a newer format.
   */
  static async open(dataDir: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
    await mkdir(join(dataDir, REVIEWS_DIR), { recursive: true });
    const lock = await acquireFolderLock(dataDir);
    try {
      const now = options.now ?? (() => new Date());
      const notices: Notice[] = [];
      const libraryPath = join(dataDir, LIBRARY_FILE);
      const libraryFile = new DurableJsonFile<LibraryFile>(libraryPath, {
        parse: migrateLibraryFile,
        now,
        onRecovered: (report) => notices.push(recoveryNotice(report, labelOf(dataDir, report, 'The library file'), 'library')),
      });
      const fresh: LibraryFile = { schemaVersion: SCHEMA_VERSION, scales: [DEFAULT_SCALE], publisher: EMPTY_PUBLISHER };
      const library = new Low(libraryFile, fresh);
      try {
        await library.read();
      } catch (error) {
        if (error instanceof NewerFormatError) throw new NewerFormatError(error.formatVersion, `The library file ${libraryPath}`);
        throw error;
      }
      // A new folder, or a damaged library.json with no backup: leave a parseable file behind.
      if (library.data === fresh) await library.write();
      const store = new LibraryStore(dataDir, lock, library, libraryFile, now, options.newId ?? randomUUID);
      store.pendingNotices = notices;
      await store.loadReviews();
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private reviewPath(id: string): string {
    return join(this.dataDir, REVIEWS_DIR, `${id}.json`);
  }

  private async loadReviews(): Promise<void> {
    const names = await readdir(join(this.dataDir, REVIEWS_DIR));
    const ids = [...new Set(names.map((name) => REVIEW_FILE_NAME.exec(name)?.[1]).filter((id) => id !== undefined))].sort();
    for (let start = 0; start < ids.length; start += LOAD_CONCURRENCY) {
      await Promise.all(ids.slice(start, start + LOAD_CONCURRENCY).map((id) => this.loadReview(id)));
    }
  }

  private async loadReview(id: string): Promise<void> {
    const fileName = `${REVIEWS_DIR}/${id}.json`;
    const reports: RecoveryReport[] = [];
    const file = new DurableJsonFile<ReviewFile>(this.reviewPath(id), {
      parse: migrateReviewFile,
      now: this.now,
      onRecovered: (report) => reports.push(report),
    });
    let data: ReviewFile | null;
    try {
      data = await file.read();
    } catch (error) {
      // A newer or unreadable file stays exactly as it is; the reviewer is told why it is missing.
      this.untouchedIds.add(id);
      this.pendingNotices.push(unopenedReviewNotice(fileName, error instanceof Error ? error.message : String(error)));
      return;
    } finally {
      for (const report of reports) {
        this.pendingNotices.push(recoveryNotice(report, labelOf(this.dataDir, report, `The review file ${fileName}`), 'review'));
      }
    }
    if (data === null) return;
    if (data.review.id !== id) {
      this.untouchedIds.add(id);
      this.pendingNotices.push(unopenedReviewNotice(fileName, `It holds the review ${data.review.id}, which belongs in another file. Nothing was changed.`));
      return;
    }
    this.reviews.set(id, { db: new Low(file, data), file, summary: null });
  }

  private openReview(id: string): OpenReview {
    assertId(id);
    const review = this.reviews.get(id);
    if (!review) {
      throw new ApiError('not-found', `There is no review ${id} in the library (it may have been deleted). Go back to the library to see the reviews it holds.`);
    }
    return review;
  }

  private assertWritable(): void {
    if (this.closing) throw new ApiError('refused', `The library in ${this.dataDir} has been closed; nothing was saved. Open it again to make changes.`);
  }

  /** Runs a change so that flush() and close() wait for it. */
  private track<R>(operation: Promise<R>): Promise<R> {
    this.operations.add(operation);
    const forget = (): void => void this.operations.delete(operation);
    operation.then(forget, forget);
    return operation;
  }

  /** Writes a review's file; resolves once it is durably on disk. */
  private async persist(open: OpenReview, review: Review): Promise<void> {
    open.db.data = { schemaVersion: SCHEMA_VERSION, review };
    open.summary = null;
    try {
      await open.db.write();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError(
        'internal',
        `"${review.title}" could not be saved (${reason}). The last saved copy on disk is unchanged and your changes are still open. Check that the data folder ${this.dataDir} is writable and not full, then save again.`,
      );
    }
  }

  /** Messages for the reviewer gathered while opening: repaired or refused files. */
  notices(): Notice[] {
    return [...this.pendingNotices];
  }

  /** Forgets a notice once the reviewer has read it. */
  dismissNotice(id: string): void {
    this.pendingNotices = this.pendingNotices.filter((notice) => notice.id !== id);
  }

  /** The library's rating scales; the first is the one new reviews use. */
  scales(): RatingScale[] {
    return structuredClone(this.library.data.scales);
  }

  /** Who publishes this library's fact-checks. */
  publisher(): Publisher {
    return { ...this.library.data.publisher };
  }

  /** Replaces the publisher settings; resolves once they are on disk. */
  async setPublisher(publisher: Publisher): Promise<Publisher> {
    this.assertWritable();
    const parsed = Publisher.safeParse(publisher);
    if (!parsed.success) throw new ApiError('invalid-input', `The publisher settings were not saved: ${describeProblem(parsed.error)}`);
    this.library.data = { ...this.library.data, publisher: parsed.data };
    return this.track(this.library.write().then(() => ({ ...parsed.data })));
  }

  /** Every review, most recently changed first. */
  listReviews(): ReviewSummary[] {
    const summaries = [...this.reviews.values()].map((open) => {
      open.summary ??= summarizeReview(open.db.data.review);
      return { ...open.summary, verdictCounts: { ...open.summary.verdictCounts } };
    });
    return summaries.sort(
      (left, right) => Date.parse(right.updatedAt) - Date.parse(left.updatedAt) || left.id.localeCompare(right.id),
    );
  }

  /** A copy of the review; ApiError('not-found') when the library has no such review. */
  getReview(id: string): Review {
    return structuredClone(this.openReview(id).db.data.review);
  }

  /** Makes a review with no claims on the library's first rating scale; resolves once it is on disk. */
  async createReview(input: NewReview): Promise<Review> {
    this.assertWritable();
    const id = this.newId();
    if (!Id.safeParse(id).success) throw new ApiError('internal', `The new review id "${id}" is not a valid Factmark id.`);
    if (this.reviews.has(id) || this.untouchedIds.has(id)) throw new ApiError('conflict', `A review file ${id} already exists; nothing was created. Try again.`);
    const stamp = this.now().toISOString();
    const candidate = {
      id,
      title: input.title,
      sourceUrl: input.sourceUrl,
      byline: input.byline ?? '',
      publishedAt: input.publishedAt ?? '',
      createdAt: stamp,
      updatedAt: stamp,
      scaleId: this.library.data.scales[0]?.id ?? DEFAULT_SCALE.id,
      origin: input.origin,
      doc: input.doc,
      claims: [],
    };
    const review = this.validReview(candidate, 'The review was not created');
    const file = new DurableJsonFile<ReviewFile>(this.reviewPath(id), { parse: migrateReviewFile, now: this.now });
    const open: OpenReview = { db: new Low(file, { schemaVersion: SCHEMA_VERSION, review }), file, summary: null };
    this.reviews.set(id, open);
    return this.track(
      this.persist(open, review).then(
        () => structuredClone(review),
        (error: unknown) => {
          // Not on disk, so not in the library: a reopen would not find it either.
          this.reviews.delete(id);
          throw error;
        },
      ),
    );
  }

  /**
   * Stores the article and claims of a review. Resolves once they are durably on disk: that is
   * the moment a save is acknowledged. Verdicts must be on the review's scale (or null).
   */
  async saveReview(input: ReviewContent): Promise<{ updatedAt: string }> {
    this.assertWritable();
    const open = this.openReview(input.id);
    const current = open.db.data.review;
    this.assertVerdictsKnown(current, input.claims);
    const claimIds = new Set(input.claims.map((claim) => claim.id));
    if (claimIds.size !== input.claims.length) throw new ApiError('invalid-input', 'Two claims share one id. Nothing was saved.');
    const updatedAt = this.now().toISOString();
    const review = this.validReview({ ...current, doc: input.doc, claims: input.claims, updatedAt }, 'Nothing was saved');
    return this.track(this.persist(open, review).then(() => ({ updatedAt })));
  }

  /** Changes a review's title and source address; resolves with its new list entry once on disk. */
  async updateMeta(input: ReviewMeta): Promise<ReviewSummary> {
    this.assertWritable();
    const open = this.openReview(input.id);
    const candidate = { ...open.db.data.review, title: input.title, sourceUrl: input.sourceUrl, updatedAt: this.now().toISOString() };
    const review = this.validReview(candidate, 'The title and address were not changed');
    return this.track(this.persist(open, review).then(() => summarizeReview(review)));
  }

  /**
   * Takes a review out of the library. Its file is moved to `trash/<id>-<time>.json` in the
   * data folder rather than destroyed, so a mistaken delete can be undone by hand.
   */
  async deleteReview(id: string): Promise<void> {
    this.assertWritable();
    const open = this.openReview(id);
    // Out of the map first, so saves that arrive while the file moves are refused as not found.
    this.reviews.delete(id);
    return this.track(this.moveToTrash(id, open));
  }

  private async moveToTrash(id: string, open: OpenReview): Promise<void> {
    await open.file.settled();
    const trash = join(this.dataDir, TRASH_DIR);
    await mkdir(trash, { recursive: true });
    const path = this.reviewPath(id);
    await renameWithRetry(path, join(trash, `${id}-${fileStamp(this.now())}.json`));
    // The backup would bring the review back as "missing file, restore from .bak" on next open.
    await rm(`${path}.bak`, { force: true });
    await rm(`${path}.tmp`, { force: true });
  }

  /** Resolves once every change asked for so far has finished (written or failed). */
  async flush(): Promise<void> {
    while (this.operations.size > 0) await Promise.allSettled([...this.operations]);
    await this.libraryFile.settled();
  }

  /** Waits for pending writes, then lets go of the folder. Later changes are refused; safe to call twice. */
  close(): Promise<void> {
    this.closing ??= this.flush().finally(() => this.lock.release());
    return this.closing;
  }

  private assertVerdictsKnown(review: Review, claims: Claim[]): void {
    const scale = this.library.data.scales.find((candidate) => candidate.id === review.scaleId);
    const known = new Set(scale?.verdicts.map((verdict) => verdict.id));
    // If the review's scale is gone from library.json (e.g. restored from an older backup), the
    // verdicts already given stay valid, so the reviewer can keep saving without losing them.
    if (!scale) for (const claim of review.claims) if (claim.verdictId !== null) known.add(claim.verdictId);
    const unknown = claims.find((claim) => claim.verdictId !== null && !known.has(claim.verdictId));
    if (!unknown) return;
    const choices = scale ? ` Choose one of: ${scale.verdicts.map((verdict) => verdict.label).join(', ')}.` : '';
    throw new ApiError(
      'invalid-input',
      `The verdict "${unknown.verdictId}" is not on the rating scale ${scale ? `"${scale.name}"` : review.scaleId}. Nothing was saved.${choices}`,
    );
  }

  /**
   * Parses a review before it is written: a file this build could not read back would be set
   * aside as damaged on the next open, so nothing invalid may reach the disk.
   */
  private validReview(candidate: unknown, outcome: string): Review {
    const parsed = Review.safeParse(candidate);
    if (!parsed.success) throw new ApiError('invalid-input', `${outcome}: ${describeProblem(parsed.error)}`);
    return parsed.data;
  }
}

function labelOf(dataDir: string, report: RecoveryReport, subject: string): FileLabel {
  return { subject, quarantinedAs: relative(dataDir, report.quarantinedAs).replaceAll('\\', '/') };
}
