/**
 * The library on disk: `library.json` for settings and rating scales, `reviews/<id>.json` for
 * each review. One LibraryStore owns a data folder (see folder-lock) with exactly one lowdb
 * instance and one adapter per file, so no two writers ever race on a file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Low } from 'lowdb';
import type { Notice } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/envelope';
import { claimQuotes, readArticleText, walkArticleText } from '../../../shared/article/claim-spans';
import { removeClaimMarks } from '../../../shared/article/mark-text-range';
import { ArticleDoc, type DocNode } from '../../../shared/model/article-doc';
import { Claim as ClaimSchema, type Claim } from '../../../shared/model/claim';
import { Id, isHttpUrl } from '../../../shared/model/primitives';
import { DEFAULT_WAYBACK_ADDRESS, type EvidenceSettings } from '../../../shared/api/evidence-schema';
import type { ArchiveQueueEntry } from '../../../shared/model/archive-queue';
import { EMPTY_PUBLISHER, type Publication, type Publisher } from '../../../shared/model/publisher';
import { articleDetailsOf, type ArticleDetails } from '../../../shared/model/article-details';
import { DEFAULT_SCALE, type RatingScale } from '../../../shared/model/rating-scale';
import { isFalseSide } from '../../../shared/model/false-side';
import { EditableScale, isBuiltInScale, MAX_LIBRARY_SCALES } from '../../../shared/model/scale-rules';
import type { KnownKey, Reviewer } from '../../../shared/model/reviewer';
import { catalogueLanguage, type LanguageCode } from '../../../shared/i18n/languages';
import { backfillHistory, recordEdits } from '../../../shared/history/record-edits';
import { withHistorySignOffs } from '../../../shared/history/sign-offs';
import type { ClaimEvent, CopiedFrom } from '../../../shared/model/claim-history';
import { LibraryFile, SCHEMA_VERSION, UNRATED, type Review, type ReviewFile, type ReviewOrigin, type ReviewSummary } from '../../../shared/model/review';
import type { ArticleVersion } from '../../../shared/model/article-version';
import { DurableJsonFile, fileStamp, writeDurably, type OutsideChangeReport, type RecoveryReport } from './durable-json-file';
import { acquireFolderLock, READ_ONLY_LOCK, type FolderLock, type OwnerEndpoint } from './folder-lock';
import { migrateLibraryFile, migrateReviewFile } from './migrate';
import { assertStorable } from './storable-review';
import { readWebAddress } from '../../../shared/model/web-address';
import { explainWriteFailure } from './write-failure';
import { systemReason } from '../system-reason';
import { createDataFolder } from './data-folder';
import { numberClaims } from '../../../shared/model/claim-numbers';
import { MAX_KNOWN_KEYS } from '../../../shared/model/storage-limits';
import { describeIssues } from '../../../shared/api/plain-issues';
import { applySave, type ArticleEdit, type ClaimsEdit } from './review-save-delta';
import type { ClaimChanges, DocChange } from '../../../shared/model/save-delta';
import { readKeptArticle, withBlocksReplaced, type KeptArticle } from './kept-article';
import { ReviewFileEncoder } from './review-file-bytes';
import { historyChanges, numbersGiven, withSignOffsOf } from './changed-records';
import { checkSavedCopies, copiesOf, copyCopyFolders, removeReviewEvidence, removeUnfinishedCopies } from './evidence-files';

const REVIEW_FILE = /^([A-Za-z0-9_-]{8,64})\.json(\.bak)?$/;
/** In originals/<review id>/: the article as it was when the review was made. */
const ORIGINAL_ARTICLE_FILE = 'imported-article.json';
/** In originals/<review id>/: `<n>.json`, the article of version n (see article-version), and `<n>-<file name>`, the file it came from. */
const VERSIONS_FOLDER = 'versions';

/** A user's file name as a file name in the data folder: its last part, with characters unsafe on some system replaced. */
function safeFileName(fileName: string): string {
  return (
    [...basename(fileName)]
      .map((character) => (/[\\/:*?"<>|]/.test(character) || character.charCodeAt(0) < 32 ? '_' : character))
      .join('')
      .slice(0, 200) || 'original'
  );
}

/**
 * `review` with a permanent number on every claim (files from before numbers get them in article
 * order, the same in every process that reads the file, and keep them with the next write).
 */
function withClaimNumbers(review: Review, article?: ReturnType<typeof readArticleText>): Review {
  const numbered = numberClaims(review.claims, review.lastClaimNumber, () => (article ?? readArticleText(review.doc)).spans.map((span) => span.claimId));
  return numbered.claims === review.claims && numbered.lastClaimNumber === review.lastClaimNumber ? review : { ...review, claims: numbered.claims, lastClaimNumber: numbered.lastClaimNumber };
}

/**
 * Reviews whose article text and encoded records are kept: the ones being edited. More would only
 * hold memory (a copy of each file) for reviews written once, as when many are updated together.
 */
const KEPT_REVIEWS = 8;

/** Sets `id` in `kept` as its most recent entry, dropping the least recent past KEPT_REVIEWS. */
function keepRecent<T>(kept: Map<string, T>, id: string, value: T): void {
  kept.delete(id);
  kept.set(id, value);
  if (kept.size > KEPT_REVIEWS) kept.delete(kept.keys().next().value as string);
}

/** What a save sent as changed: the article and the claims, each unchanged, whole, or in part. */
interface SaveEdit {
  article: ArticleEdit;
  claims: ClaimsEdit;
}

/**
 * `claims` with each record the store made itself (a number given, a sign-off read from the
 * history; not one of `sent`) in the schema's key order, as records parsed from a call are: the
 * bytes of a review file then do not depend on whether a claim came back from a window since.
 */
function inSchemaOrder(claims: Claim[], sent: readonly Claim[]): Claim[] {
  let reordered: Claim[] | undefined;
  claims.forEach((claim, index) => {
    if (claim === sent[index]) return;
    const parsed = ClaimSchema.safeParse(claim);
    if (!parsed.success) return;
    reordered ??= [...claims];
    reordered[index] = parsed.data;
  });
  return reordered ?? claims;
}

/** Whether every claim a save changed keeps the number of the record it replaces, and none is new. */
function numbersKept(edit: ClaimsEdit): boolean {
  if (edit.kind !== 'some') return edit.kind === 'same';
  return edit.changed.length === edit.replaced.length && edit.changed.every((claim, index) => claim.number !== undefined && claim.number === edit.replaced[index]?.number);
}

/** Told that review `id` was written or added (`review`, as stored) or removed (null). */
export type ReviewChangeListener = (id: string, review: Review | null) => void;

export interface LibraryStoreOptions {
  now?: () => Date;
  newId?: () => string;
  /**
   * Open for reading only (a command that only reads, or a read-only folder): no lock is taken,
   * nothing is created or repaired, and every write is refused with this error.
   */
  readOnly?: { refusal: () => Error };
}

export interface NewReviewInput {
  title: string;
  sourceUrl: string;
  origin: ReviewOrigin;
  doc: ArticleDoc;
  byline?: string;
  publishedAt?: string;
  outlet?: string;
  language?: string;
  /** The library scale the review is rated on (a copy goes with the review); the default scale when absent. */
  scaleId?: string;
  /** The imported file itself, kept in originals/<review id>/ so the review can be traced to it. */
  original?: { fileName: string; bytes: Uint8Array };
}

/** A save of the review desk, as the API contract parsed it. */
export interface SaveReviewInput {
  id: string;
  /** The revision the saving window last read or wrote; an older one means another window saved meanwhile. */
  baseRevision: number;
  /** The whole article; or `docChange`, top-level blocks replaced; neither when it is unchanged. */
  doc?: ArticleDoc | undefined;
  docChange?: DocChange | undefined;
  /** The whole claim list; or `claimChanges`, claims changed and removed; neither when they are unchanged. */
  claims?: Claim[] | undefined;
  claimChanges?: ClaimChanges | undefined;
  /**
   * A merge the window made with another window's work and has not stored yet: the history events
   * it recorded, and the claims as the merge left them; later edits are recorded against those.
   */
  merged?: { events: ClaimEvent[]; claims: Claim[] };
}

/** A newer version of a review's article with its claims re-anchored, as the article-update service made it. */
export interface ArticleUpdateInput {
  id: string;
  /** The revision the update was computed on; an older one than the stored is refused with `conflict`. */
  baseRevision: number;
  doc: ArticleDoc;
  claims: Claim[];
  /** The whole version list after the update, the new version last. */
  versions: ArticleVersion[];
  /** Articles of versions to keep in originals/<id>/versions/ (the new one, and version 1 when no first import was kept). */
  articles: { number: number; doc: ArticleDoc }[];
  /** The file the new version came from, kept beside its article. */
  sourceFile?: { number: number; fileName: string; bytes: Uint8Array };
}

/** What a save changed, so the window can keep an exact copy of what is stored. */
export interface SaveReviewResult {
  updatedAt: string;
  revision: number;
  /** Events this save added or amended. */
  events: ClaimEvent[];
  /** Events this save removed (a claim nobody else had seen, deleted). */
  removedEventIds: string[];
  /** Claim numbers this save gave (new claims) or changed (two windows gave one number), by claim id. */
  numbers: Record<string, number>;
}

function outsideChangeNotice(report: OutsideChangeReport): Notice {
  const name = basename(report.file);
  return {
    id: `outside:${report.setAsideAs}`,
    level: 'warning',
    message: `The file ${name} was changed on disk while Factmark had it open: ${report.reason}. Factmark kept its own version and set what it found aside as ${basename(report.setAsideAs)} in the data folder, so nothing is lost.`,
  };
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

/**
 * Counts of placed claims by verdict, and of claims that need a look, as the library list shows
 * them; `placed` holds the ids of claims marked in the article (read from it when not given).
 */
export function summarize(review: Review, placed: ReadonlySet<string> = new Set(readArticleText(review.doc).spans.map((span) => span.claimId))): ReviewSummary {
  const verdictCounts: Record<string, number> = {};
  let claimCount = 0;
  let unplacedCount = 0;
  let flaggedCount = 0;
  for (const claim of review.claims) {
    if (claim.attention) flaggedCount++;
    if (!placed.has(claim.id)) {
      if (claim.attention || claim.verdictId !== null || claim.rationale.trim() !== '') unplacedCount++;
      continue;
    }
    const key = claim.verdictId ?? UNRATED;
    verdictCounts[key] = (verdictCounts[key] ?? 0) + 1;
    claimCount++;
  }
  const { id, title, sourceUrl, createdAt, updatedAt, outlet, byline, publishedAt, language } = review;
  const scale = review.scale ?? DEFAULT_SCALE;
  const shown = { id: scale.id, verdicts: scale.verdicts.map(({ id: verdictId, label, color }) => ({ id: verdictId, label, color })) };
  const tags = [...new Set(review.claims.flatMap((claim) => claim.tags))].sort();
  const falseSideCount = scale.verdicts.filter((verdict) => isFalseSide(scale, verdict)).reduce((sum, verdict) => sum + (verdictCounts[verdict.id] ?? 0), 0);
  return { id, title, sourceUrl, createdAt, updatedAt, verdictCounts, scale: shown, claimCount, unplacedCount, flaggedCount, outlet, byline, publishedAt, language, falseSideCount, tags };
}

export class LibraryStore {
  private readonly reviews = new Map<string, Low<ReviewFile>>();
  private readonly summaries = new Map<string, ReviewSummary>();
  /**
   * Reviews written since their summary was made, with the ids of the claims placed in their
   * article: the summary is made when the list is asked for, not on every autosave.
   */
  private readonly unsummarized = new Map<string, ReadonlySet<string>>();
  /**
   * The article of the reviews written last, as stored, read as text (see kept-article): to notice
   * when a save changes the words, and so that a save that leaves the article alone, or replaces a
   * few of its blocks, does not read all of it again. Least recently written first.
   */
  private readonly articles = new Map<string, KeptArticle>();
  /**
   * For the reviews written last, the encoded bytes of their records (see review-file-bytes), so
   * an autosave encodes only what it changed. Least recently written first.
   */
  private readonly encoders = new Map<string, ReviewFileEncoder>();
  /**
   * Per review, the time up to which its history has been read by a window: events up to then are
   * never amended, so another window's later changes always follow them as new events. Everything
   * on disk when the library opens counts as read (a window may have had it open before a restart).
   */
  private readonly sealedUntil = new Map<string, string>();
  private readonly openedAt: string;
  /**
   * Reviews from before each review kept its own scale, given a copy of the library's at load, in
   * memory only: they are written before any library scale changes, so the copy stays as loaded.
   */
  private readonly scaleCopiedAtLoad = new Set<string>();
  private pendingNotices: Notice[] = [];
  private closed = false;
  /** Counts review writes, so the library stamp changes even when two writes share a timestamp. */
  private writes = 0;
  /** Told after each review is written, added or removed (see onReviewChanged). */
  private readonly reviewListeners = new Set<ReviewChangeListener>();

  private constructor(
    readonly dataDir: string,
    private readonly lock: FolderLock,
    private readonly library: Low<LibraryFile>,
    private readonly now: () => Date,
    private readonly newId: () => string,
    private readonly readOnly?: { refusal: () => Error },
  ) {
    this.openedAt = now().toISOString();
  }

  private readonly onChangedOutside = (report: OutsideChangeReport): void => {
    this.pendingNotices.push(outsideChangeNotice(report));
  };

  private adapterFor(id: string, onRecovered?: (report: RecoveryReport) => void): DurableJsonFile<ReviewFile> {
    return new DurableJsonFile<ReviewFile>(this.reviewPath(id), {
      parse: migrateReviewFile,
      serialize: (file) => {
        const encoder = this.encoders.get(id) ?? new ReviewFileEncoder();
        keepRecent(this.encoders, id, encoder);
        return encoder.encode(file);
      },
      onRecovered,
      onChangedOutside: this.onChangedOutside,
      ...(this.readOnly ? { readOnly: this.readOnly } : {}),
    });
  }

  /** Opens (creating if needed) the data folder, taking its lock. */
  static async open(dataDir: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
    const { readOnly } = options;
    if (!readOnly) {
      await createDataFolder(join(dataDir, 'reviews')).catch((error: unknown) => {
        throw new ApiError(
          'unavailable',
          `The data folder ${dataDir} could not be created: ${systemReason(error)}. Nothing was changed. Choose a folder in a place that is yours (your home folder, say).`,
        );
      });
    }
    const lock = readOnly ? READ_ONLY_LOCK : await acquireFolderLock(dataDir);
    try {
      const notices: Notice[] = [];
      const onRecovered = (report: RecoveryReport): void => void notices.push(recoveryNotice(report));
      const onChangedOutside = (report: OutsideChangeReport): void => void store?.onChangedOutside(report);
      const libraryFile = new DurableJsonFile<LibraryFile>(join(dataDir, 'library.json'), { parse: migrateLibraryFile, onRecovered, onChangedOutside, ...(readOnly ? { readOnly } : {}) });
      const stored = await libraryFile.read();
      const library = new Low<LibraryFile>(libraryFile, stored ?? { schemaVersion: SCHEMA_VERSION, scales: [DEFAULT_SCALE], publisher: EMPTY_PUBLISHER, uiLanguage: 'en', knownKeys: [] });
      const store: LibraryStore = new LibraryStore(dataDir, lock, library, options.now ?? (() => new Date()), options.newId ?? randomUUID, readOnly);
      // Opening writes nothing unless the library is new or lacks what every library has.
      if (!stored || !library.data.reviewer) {
        library.data = { ...library.data, reviewer: library.data.reviewer ?? { id: store.newId(), name: '' } };
        if (!readOnly) await store.writeLibrary();
      }
      await store.loadReviews(onRecovered);
      // Half-written copies are never named by a review: what a crash mid-keep left goes now.
      if (!readOnly) await removeUnfinishedCopies(dataDir).catch(() => undefined);
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
    // A folder opened only to read may have no reviews/ yet.
    const names = await readdir(join(this.dataDir, 'reviews')).catch((error: NodeJS.ErrnoException) => {
      if (this.readOnly && error.code === 'ENOENT') return [];
      throw error;
    });
    const ids = new Set(names.map((name) => REVIEW_FILE.exec(name)?.[1]).filter((id): id is string => id !== undefined));
    for (const id of ids) {
      const adapter = this.adapterFor(id, onRecovered);
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
      // Claims from before histories were kept get their first event now, in memory only (written
      // with the next save), so every window merges against the same events.
      if (!data.review.scale) this.scaleCopiedAtLoad.add(id);
      // Every record in memory carries its history's sign-off (as every write makes it), so a save
      // that changes a few claims need only read those claims' histories.
      const review = this.withFullHistory(this.withOwnScale(data.review));
      const signedOff = withHistorySignOffs(review.claims, review.history);
      this.reviews.set(id, new Low(adapter, { ...data, review: withClaimNumbers(signedOff === review.claims ? review : { ...review, claims: signedOff }) }));
      this.summaries.set(id, summarize(this.reviews.get(id)?.data.review ?? data.review));
      this.sealedUntil.set(id, this.openedAt);
    }
  }

  /** Writes library.json; a failure says why in the reviewer's words. */
  private async writeLibrary(): Promise<void> {
    // library.json is read back through this schema at the next start: never write what it would refuse.
    const checked = LibraryFile.safeParse(this.library.data);
    if (!checked.success) throw new ApiError('invalid-input', `${describeIssues(checked.error, 'the library', 1)} Nothing was saved.`);
    try {
      await this.library.write();
    } catch (error) {
      throw explainWriteFailure(error, this.dataDir);
    }
  }

  /** Replaces library.json with `next`; when the write fails, memory keeps what the disk has. */
  private async updateLibrary(next: LibraryFile): Promise<void> {
    const previous = this.library.data;
    this.library.data = next;
    await this.writeLibrary().catch((error: unknown) => {
      this.library.data = previous;
      throw error;
    });
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

  /** Tells other Factmark processes (the command line) where this one answers API calls for the folder. */
  advertise(endpoint: OwnerEndpoint): Promise<void> {
    return this.lock.advertise(endpoint);
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

  /** The rating scale `review` keeps; for a review from before it kept one, the library's (its first if that was removed). */
  scaleOf(review: Review): RatingScale {
    return review.scale ?? this.libraryScale(review.scaleId);
  }

  private libraryScale(id: string | undefined): RatingScale {
    return this.scales().find((scale) => scale.id === id) ?? this.scales()[0] ?? DEFAULT_SCALE;
  }

  /** `review` with its own copy of its scale (see Review.scale). */
  private withOwnScale(review: Review): Review {
    return review.scale ? review : { ...review, scale: this.libraryScale(review.scaleId) };
  }

  /**
   * Adds `scale` to the library, or replaces the library's scale with its id. Reviews keep the
   * copy they were made with, so their verdicts read as before. The built-in scale is never changed.
   */
  async saveScale(scale: RatingScale): Promise<RatingScale[]> {
    this.ensureOpen();
    const checked = EditableScale.safeParse(scale);
    if (!checked.success) throw new ApiError('invalid-input', `${describeIssues(checked.error, 'the scale', 1)} Nothing was saved.`);
    if (isBuiltInScale(scale.id)) throw new ApiError('refused', `The built-in ${DEFAULT_SCALE.name} cannot be changed; duplicate it to make a scale of your own. Nothing was saved.`);
    const known = this.scales().some((candidate) => candidate.id === scale.id);
    if (!known && this.scales().length >= MAX_LIBRARY_SCALES) {
      throw new ApiError('refused', `A library keeps at most ${MAX_LIBRARY_SCALES} rating scales; delete one you no longer use first. Nothing was saved.`);
    }
    await this.keepReviewScales();
    const scales = known ? this.scales().map((candidate) => (candidate.id === scale.id ? checked.data : candidate)) : [...this.scales(), checked.data];
    await this.updateLibrary({ ...this.library.data, scales });
    return this.scales();
  }

  /** Removes scale `id` from the library; reviews made with it keep their copy. Neither the built-in scale nor the last one goes. */
  async deleteScale(id: string): Promise<RatingScale[]> {
    this.ensureOpen();
    const scale = this.scales().find((candidate) => candidate.id === id);
    if (!scale) throw new ApiError('not-found', 'That rating scale is not in the library (it may have been deleted already). Nothing was changed.');
    if (isBuiltInScale(id)) throw new ApiError('refused', `The built-in ${DEFAULT_SCALE.name} cannot be deleted. Nothing was changed.`);
    if (this.scales().length === 1) throw new ApiError('refused', `“${scale.name}” is the library’s only rating scale; add another before deleting it. Nothing was changed.`);
    await this.keepReviewScales();
    await this.updateLibrary({ ...this.library.data, scales: this.scales().filter((candidate) => candidate.id !== id) });
    return this.scales();
  }

  /** Makes scale `id` the one new reviews are rated on: the library's first. */
  async setDefaultScale(id: string): Promise<RatingScale[]> {
    this.ensureOpen();
    const scale = this.scales().find((candidate) => candidate.id === id);
    if (!scale) throw new ApiError('not-found', 'That rating scale is not in the library (it may have been deleted). Nothing was changed.');
    if (this.scales()[0] === scale) return this.scales();
    // Reviews whose scale was removed read the first one: they keep the one they loaded with.
    await this.keepReviewScales();
    await this.updateLibrary({ ...this.library.data, scales: [scale, ...this.scales().filter((candidate) => candidate !== scale)] });
    return this.scales();
  }

  /** Writes the copy of its scale that each review from before was given at load (see scaleCopiedAtLoad). */
  private async keepReviewScales(): Promise<void> {
    for (const id of [...this.scaleCopiedAtLoad]) {
      const previous = this.reviews.get(id)?.data.review;
      if (previous) await this.commit(previous, { previous });
      this.scaleCopiedAtLoad.delete(id);
    }
  }

  publisher(): Publisher {
    return this.library.data.publisher;
  }

  async setPublisher(publisher: Publisher): Promise<Publisher> {
    this.ensureOpen();
    await this.updateLibrary({ ...this.library.data, publisher });
    return publisher;
  }

  /** The person working with this data folder, as history events name them. */
  reviewer(): Reviewer {
    return this.library.data.reviewer as Reviewer;
  }

  async setReviewerName(name: string): Promise<Reviewer> {
    this.ensureOpen();
    const reviewer = { ...this.reviewer(), name };
    await this.updateLibrary({ ...this.library.data, reviewer });
    return reviewer;
  }

  /** The interface language of this data folder: English until one is chosen, or when the file names one Factmark does not speak. */
  uiLanguage(): LanguageCode {
    return catalogueLanguage(this.library.data.uiLanguage) ?? 'en';
  }

  async setUiLanguage(language: LanguageCode): Promise<LanguageCode> {
    this.ensureOpen();
    await this.updateLibrary({ ...this.library.data, uiLanguage: language });
    return language;
  }

  /** The evidence preferences of this folder, each off (and the Wayback Machine's address) until the reviewer chooses. */
  evidenceSettings(): EvidenceSettings {
    const data = this.library.data;
    return {
      allowPrivateAddresses: data.allowPrivateAddresses ?? false,
      keepWhenAdded: data.keepWhenAdded ?? false,
      sendToWayback: data.sendToWayback ?? false,
      waybackAddress: data.waybackAddress && isHttpUrl(data.waybackAddress) ? data.waybackAddress : DEFAULT_WAYBACK_ADDRESS,
    };
  }

  /** Stores the preferences `change` names; library.json is written only when one of them differs. */
  async setEvidenceSettings(change: Partial<EvidenceSettings>): Promise<EvidenceSettings> {
    this.ensureOpen();
    const current = this.evidenceSettings();
    const next = { ...current, ...change };
    const changed = (Object.keys(next) as (keyof EvidenceSettings)[]).filter((key) => next[key] !== current[key]);
    if (changed.length > 0) {
      const { waybackAddress, ...flags } = next;
      // The default address is not written, so a folder follows Factmark if the service moves.
      await this.updateLibrary({ ...this.library.data, ...flags, waybackAddress: waybackAddress === DEFAULT_WAYBACK_ADDRESS ? undefined : waybackAddress });
    }
    return next;
  }

  /** Kept pages waiting to be sent to the archive service, in the order they were kept. */
  archiveQueue(): ArchiveQueueEntry[] {
    return this.library.data.archiveQueue ?? [];
  }

  /**
   * Replaces the archive queue with what `change` makes of it (read at the moment of writing, so
   * changes made meanwhile are kept); when the write fails, memory keeps what the disk has.
   */
  async changeArchiveQueue(change: (entries: readonly ArchiveQueueEntry[]) => ArchiveQueueEntry[]): Promise<ArchiveQueueEntry[]> {
    this.ensureOpen();
    const next = change(this.archiveQueue());
    // An empty queue is left out of the file (as JSON drops an undefined field).
    await this.updateLibrary({ ...this.library.data, archiveQueue: next.length > 0 ? next : undefined });
    return next;
  }

  /** Colleagues' signing keys trusted in this library. */
  knownKeys(): KnownKey[] {
    return this.library.data.knownKeys;
  }

  /** Trusts `key` from now on (trust on first use); a reviewer's first known key is never replaced. */
  async rememberKey(key: KnownKey): Promise<void> {
    this.ensureOpen();
    // Past the limit the loader enforces, a key is simply not remembered: the next file asks again.
    if (this.knownKeys().length >= MAX_KNOWN_KEYS || this.knownKeys().some((known) => known.reviewerId === key.reviewerId)) return;
    await this.updateLibrary({ ...this.library.data, knownKeys: [...this.knownKeys(), key] });
  }

  /** The reviewers list of `review` with this folder's reviewer in it under their current name. */
  private withSelf(reviewers: readonly Reviewer[]): Reviewer[] {
    const self = this.reviewer();
    return [...reviewers.filter((reviewer) => reviewer.id !== self.id), self];
  }

  /**
   * `review` with a `created` event for each claim that has none (reviews from before histories
   * were kept). The event is named after the review and claim and dated when the claim was made,
   * so it is the same event however often (and in whichever process) it is made.
   */
  withFullHistory(review: Review): Review {
    const known = new Set(review.history.map((event) => event.claimId));
    if (review.claims.every((claim) => known.has(claim.id))) return review;
    // Read the article only when a claim needs its words.
    const quotes = claimQuotes(review.doc);
    const history = backfillHistory({
      history: review.history,
      claims: review.claims,
      author: this.reviewer().id,
      eventIdOf: (claimId) => `backfill-${createHash('sha256').update(`${review.id}\u0000${claimId}`).digest('base64url').slice(0, 40)}`,
      quoteOf: (claimId) => quotes.get(claimId),
    });
    return { ...review, history, reviewers: this.withSelf(review.reviewers) };
  }

  /** A value that changes whenever a review is added, removed or written. */
  libraryStamp(): string {
    let latest = '';
    for (const db of this.reviews.values()) if (db.data.review.updatedAt > latest) latest = db.data.review.updatedAt;
    return `${this.reviews.size}:${latest}:${this.writes}`;
  }

  /** Every review, most recently changed first. */
  listReviews(): ReviewSummary[] {
    this.ensureOpen();
    for (const [id, placed] of this.unsummarized) {
      const db = this.reviews.get(id);
      if (db) this.summaries.set(id, summarize(db.data.review, placed));
    }
    this.unsummarized.clear();
    return [...this.summaries.values()].sort((left, right) => right.updatedAt.localeCompare(left.updatedAt));
  }

  /** The review as stored, for the services' own use. */
  getReview(id: string): Review {
    return this.db(id).data.review;
  }

  /**
   * The review as stored, for a window to show: its history is sealed from now on, so whatever
   * that window saves later follows these events instead of being folded into one of them.
   */
  readReview(id: string): Review {
    const review = this.getReview(id);
    this.sealedUntil.set(id, this.now().toISOString());
    return review;
  }

  /** The revision and time of the review's last write, for windows watching for changes made elsewhere. */
  reviewRevision(id: string): { revision: number; updatedAt: string } {
    const { revision, updatedAt } = this.getReview(id);
    return { revision, updatedAt };
  }

  /**
   * The article as it was last imported (the latest version brought in by Update article, else as
   * the review was made), or null for reviews made before it was kept.
   */
  async originalArticle(id: string): Promise<ArticleDoc | null> {
    return this.versionArticle(id, this.getReview(id).articleVersions?.at(-1)?.number ?? 1);
  }

  /** The article of version `number` of review `id`, without claim marks; null when it was not kept. */
  async versionArticle(id: string, number: number): Promise<ArticleDoc | null> {
    this.db(id);
    // Version 1 is the first import's file when one was kept; a review from before that has it under versions/.
    const paths = [...(number === 1 ? [this.originalArticlePath(id)] : []), join(this.dataDir, 'originals', id, VERSIONS_FOLDER, `${number}.json`)];
    for (const path of paths) {
      try {
        const parsed = ArticleDoc.safeParse(JSON.parse(await readFile(path, 'utf8')));
        if (parsed.success) return parsed.data;
      } catch {
        // Missing or unreadable: the next place, else null.
      }
    }
    return null;
  }

  /**
   * Brings in a newer version of the article of review `input.id`: keeps each version's article
   * (and the file it came from) in originals/<id>/versions/, then writes the review with the
   * re-anchored document, claims and version list. Refused with `conflict` when another window
   * saved since `baseRevision`; checked against the loader's limits before any file is written,
   * and a failure removes what it wrote, so every file of the folder stays as it was.
   */
  async updateArticle(input: ArticleUpdateInput): Promise<Review> {
    const previous = this.db(input.id).data.review;
    if (input.baseRevision !== previous.revision) {
      throw new ApiError(
        'conflict',
        `This review was changed in another window or by the command line (revision ${previous.revision}; the update was prepared on ${input.baseRevision}). The article was not updated; look at the review again and retry.`,
      );
    }
    this.checkClaims(previous, input.claims);
    const candidate: Review = { ...previous, doc: input.doc, claims: input.claims, articleVersions: input.versions, updatedAt: this.now().toISOString() };
    assertStorable(candidate, { previous });
    const folder = join(this.dataDir, 'originals', input.id, VERSIONS_FOLDER);
    const written: string[] = [];
    let created: string | undefined;
    try {
      created = await mkdir(folder, { recursive: true });
      for (const { number, doc } of input.articles) {
        const path = join(folder, `${number}.json`);
        written.push(path);
        await writeDurably(path, JSON.stringify(removeClaimMarks(doc)));
      }
      if (input.sourceFile) {
        const path = join(folder, `${input.sourceFile.number}-${safeFileName(input.sourceFile.fileName)}`);
        written.push(path);
        await writeDurably(path, input.sourceFile.bytes);
      }
      return await this.commit(candidate, { previous });
    } catch (error) {
      // The review file was not replaced (commit failed or never ran): nothing may point at these files.
      await Promise.all(written.map((path) => rm(path, { force: true }).catch(() => undefined)));
      if (created) await rm(created, { recursive: true, force: true }).catch(() => undefined);
      throw error instanceof ApiError ? error : explainWriteFailure(error, this.dataDir);
    }
  }

  /** When the article's words were last changed after import; null while they read as imported (or no original was kept). */
  async textEditedAt(id: string): Promise<string | null> {
    const review = this.getReview(id);
    const original = await this.originalArticle(id);
    const known = this.articles.get(id);
    if (!original || walkArticleText(original) === (known?.doc === review.doc ? known.article.text : walkArticleText(review.doc))) return null;
    return review.textEditedAt ?? review.updatedAt;
  }

  private originalArticlePath(id: string): string {
    return join(this.dataDir, 'originals', id, ORIGINAL_ARTICLE_FILE);
  }

  async createReview(input: NewReviewInput): Promise<Review> {
    this.ensureOpen();
    const scale = input.scaleId === undefined ? this.libraryScale(undefined) : this.scales().find((candidate) => candidate.id === input.scaleId);
    if (!scale) throw new ApiError('invalid-input', 'The rating scale chosen is not in the library any more (it may have been deleted); choose another. Nothing was created.');
    const id = this.newId();
    const stamp = this.now().toISOString();
    const review: Review = {
      id,
      title: input.title,
      sourceUrl: input.sourceUrl,
      byline: input.byline ?? '',
      publishedAt: input.publishedAt ?? '',
      outlet: input.outlet ?? '',
      language: input.language ?? '',
      createdAt: stamp,
      updatedAt: stamp,
      scaleId: scale.id,
      scale,
      origin: input.origin,
      doc: input.doc,
      claims: [],
      history: [],
      reviewers: [],
      revision: 1,
      lastClaimNumber: 0,
    };
    await this.addNewReview(review, input.doc, input.original);
    return review;
  }

  /**
   * Checks and writes a review new to this library, with the article it starts from (kept for
   * Compare with original) and the imported file if any, then starts keeping it. A failure leaves
   * nothing of it behind. `startingArticle` null (a review back from the Trash) keeps the
   * originals/ folder as it is, neither written nor removed.
   */
  private async addNewReview(unnumbered: Review, startingArticle: ArticleDoc | null, original?: NewReviewInput['original']): Promise<void> {
    // A claim's sign-off is what its history says, never what a file's claim record claims.
    const review = withClaimNumbers(this.withOwnScale({ ...unnumbered, claims: withHistorySignOffs(unnumbered.claims, unnumbered.history) }));
    assertStorable(review);
    const originalFolder = join(this.dataDir, 'originals', review.id);
    try {
      if (startingArticle) await mkdir(originalFolder, { recursive: true });
      if (startingArticle && original) {
        // The file name is the user's; keep only its last part and characters safe on every system.
        const safeName = safeFileName(original.fileName);
        await writeDurably(join(originalFolder, safeName === ORIGINAL_ARTICLE_FILE ? `_${safeName}` : safeName), original.bytes);
      }
      if (startingArticle) await writeDurably(this.originalArticlePath(review.id), JSON.stringify(removeClaimMarks(startingArticle)));
      const db = new Low<ReviewFile>(this.adapterFor(review.id), { schemaVersion: SCHEMA_VERSION, review });
      await db.write();
      this.reviews.set(review.id, db);
    } catch (error) {
      if (startingArticle) await rm(originalFolder, { recursive: true, force: true }).catch(() => undefined);
      throw explainWriteFailure(error, this.dataDir);
    }
    this.summaries.set(review.id, summarize(review));
    this.unsummarized.delete(review.id);
    this.writes++;
    this.reviewChanged(review.id, review);
  }

  /**
   * Stores a save of the review desk (parsed by the API contract) once it is durably on disk.
   * A save based on an older revision than the stored one is refused with a `conflict` error:
   * another window saved meanwhile, and the saving window must merge before saving again.
   */
  async saveReview(input: SaveReviewInput): Promise<SaveReviewResult> {
    const db = this.db(input.id);
    const previous = db.data.review;
    if (input.baseRevision !== previous.revision) {
      throw new ApiError(
        'conflict',
        `This review was changed in another window or by the command line (revision ${previous.revision}; this window had ${input.baseRevision}). Nothing was overwritten; the changes are being merged.`,
      );
    }
    const applied = applySave({ doc: previous.doc, claims: input.merged?.claims ?? previous.claims }, input);
    // Claims the save did not send are stored records (or a merge's, checked whole as before).
    const { claimsEdit } = applied;
    if (input.merged || claimsEdit.kind === 'whole') this.checkClaims(previous, applied.claims);
    else if (claimsEdit.kind === 'some') this.checkClaims(previous, claimsEdit.changed, claimsEdit.replaced);
    checkSavedCopies(
      previous,
      input.merged || claimsEdit.kind === 'whole' ? applied.claims : claimsEdit.kind === 'some' ? claimsEdit.changed : [],
      claimsEdit.kind === 'some' && !input.merged ? claimsEdit.replaced : previous.claims,
    );
    let base = previous;
    if (input.merged) {
      const known = new Set(previous.history.map((event) => event.id));
      if (input.merged.events.some((event) => known.has(event.id)) || new Set(input.merged.events.map((event) => event.id)).size !== input.merged.events.length) {
        throw new ApiError('invalid-input', 'A merged save repeated history events; nothing was saved. Reload the review.');
      }
      base = { ...previous, claims: input.merged.claims, history: [...previous.history, ...input.merged.events] };
    }
    // A merge's events may touch any claim: its claims are recorded and checked whole.
    const edit: SaveEdit = { article: applied.article, claims: input.merged ? { kind: 'whole' } : claimsEdit };
    const next = await this.recordAndCommit(base, applied.doc, applied.claims, { contractParsed: true, previous, edit });
    // What changed in the history, for the window's copy: new or amended events are new objects.
    return { updatedAt: next.updatedAt, revision: next.revision, ...historyChanges(previous.history, next.history), numbers: numbersGiven(applied.claims, next.claims) };
  }

  /**
   * Changes the article and claims of the stored review as a service decided (e.g. claims added from
   * the command line). `options.copiedFrom` names claims whose change was taken from another review:
   * their history says so (see recordEdits).
   */
  async updateReview(id: string, change: (review: Review) => { doc: ArticleDoc; claims: Claim[] }, options: { copiedFrom?: ReadonlyMap<string, CopiedFrom> } = {}): Promise<Review> {
    const previous = this.getReview(id);
    const { doc, claims } = change(previous);
    this.checkClaims(previous, claims);
    return this.recordAndCommit(previous, doc, claims, { contractParsed: false, ...(options.copiedFrom ? { copiedFrom: options.copiedFrom } : {}) });
  }

  /**
   * Refuses claims with a verdict off the scale, a repeated id, or a new address that breaks the
   * web address rule. `replaced`, the records a save's claims replace, are looked at first for
   * addresses kept from before; the whole review only when an address is not among theirs.
   */
  private checkClaims(review: Review, claims: readonly Claim[], replaced: readonly Claim[] = review.claims): void {
    if (claims.length === 0) return;
    const scale = this.scaleOf(review);
    const known = new Set(scale.verdicts.map((verdict) => verdict.id));
    const unknown = claims.find((claim) => claim.verdictId !== null && !known.has(claim.verdictId));
    if (unknown) {
      throw new ApiError('invalid-input', `The verdict "${unknown.verdictId}" is not on the scale ${scale.name}. Choose one of: ${scale.verdicts.map((verdict) => verdict.label).join(', ')}.`);
    }
    if (new Set(claims.map((claim) => claim.id)).size !== claims.length) {
      throw new ApiError('invalid-input', 'Two claims share one id; nothing was saved.');
    }
    // New addresses pass the one web address rule in their stored form; one kept from before stays.
    const addressesOf = (records: readonly Claim[]): Set<string> => new Set(records.flatMap((claim) => [claim.appearanceUrl, ...claim.evidence.map((item) => item.url)]));
    let keptAddresses = addressesOf(replaced);
    let wholeReview = replaced === review.claims;
    for (const claim of claims) {
      for (const address of [claim.appearanceUrl, ...claim.evidence.map((item) => item.url)]) {
        if (address === '' || keptAddresses.has(address)) continue;
        const read = readWebAddress(address);
        if ((!read.ok || read.url !== address) && !wholeReview) {
          keptAddresses = addressesOf(review.claims);
          wholeReview = true;
          if (keptAddresses.has(address)) continue;
        }
        if (!read.ok) throw new ApiError('invalid-input', `${read.problem} Nothing was saved; correct the address.`);
        if (read.url !== address) throw new ApiError('invalid-input', `The address ${address} is not in its normal form (${read.url}); nothing was saved.`);
      }
    }
  }

  /**
   * Records the claims' changes since `base` in the history (amending only unsealed events) and
   * writes the result over `options.previous` (the stored version; `base` unless a merge came first).
   * `options.edit` says what a save sent as changed; the rest is taken as `base` has it, unread.
   */
  private async recordAndCommit(
    base: Review,
    doc: ArticleDoc,
    claims: Claim[],
    options: { contractParsed: boolean; previous?: Review; copiedFrom?: ReadonlyMap<string, CopiedFrom>; edit?: SaveEdit },
  ): Promise<Review> {
    const previous = options.previous ?? base;
    const now = this.now();
    const edit: SaveEdit = options.edit ?? { article: doc === previous.doc ? { kind: 'same' } : { kind: 'whole' }, claims: { kind: 'whole' } };
    // One read of the article (or of the blocks replaced) serves the history's quotes, the library's counts and the text check.
    const article = this.articleOf(previous, doc, edit.article);
    const sealedUntil = [previous.sharedAt ?? '', this.sealedUntil.get(previous.id) ?? ''].sort().at(-1);
    // Claims a save did not name are the records `base` has: only the named ones can need an event.
    const { claims: claimsEdit } = edit;
    const [before, after] = claimsEdit.kind === 'whole' ? [base.claims, claims] : claimsEdit.kind === 'same' ? [[], []] : [[...claimsEdit.replaced, ...claimsEdit.removed], claimsEdit.changed];
    const history = recordEdits({
      history: base.history,
      before,
      after,
      author: this.reviewer().id,
      now,
      newId: this.newId,
      ...(sealedUntil ? { sealedUntil } : {}),
      quoteOf: (claimId) => article.quoteOf(claimId),
      ...(options.copiedFrom ? { copiedFrom: options.copiedFrom } : {}),
    });
    const historyChanged = history.length !== previous.history.length || history.some((event, index) => event !== previous.history[index]);
    const reviewers = historyChanged ? this.withSelf(previous.reviewers) : previous.reviewers;
    return this.commit(
      { ...previous, doc, claims, history, reviewers, updatedAt: now.toISOString() },
      {
        previous,
        contractParsed: options.contractParsed,
        article,
        ...(claimsEdit.kind === 'whole' ? {} : { changedClaims: new Set(after.map((claim) => claim.id)), numbersKept: numbersKept(claimsEdit) }),
        ...(edit.article.kind === 'blocks' ? { changedBlocks: edit.article.blocks } : {}),
      },
    );
  }

  /**
   * `doc` read as text: the kept reading when it is the stored article, else the kept one with
   * the blocks a save replaced read anew, else a whole read. Nothing is kept here: only a write does.
   */
  private articleOf(previous: Review, doc: ArticleDoc, edit?: ArticleEdit): KeptArticle {
    const known = this.articles.get(previous.id);
    if (known?.doc === doc) return known;
    if (edit?.kind === 'blocks' && known?.doc === previous.doc) return withBlocksReplaced(known, doc, { start: edit.start, deleteCount: edit.deleteCount, inserted: edit.blocks });
    return readKeptArticle(doc);
  }

  /**
   * The one way a stored review changes: checked against the limits the loader enforces, given the
   * next revision, marked when its words changed, written durably, then kept in memory.
   * `changedClaims` (ids) and `changedBlocks` say a save changed only those claims and top-level
   * blocks; the rest is as stored, and so is not checked again. `numbersKept`: every claim has the
   * number it had when stored (which were unique), so none needs one.
   */
  private async commit(
    review: Review,
    options: { previous: Review; contractParsed?: boolean; article?: KeptArticle; changedClaims?: ReadonlySet<string>; numbersKept?: boolean; changedBlocks?: readonly DocNode[] },
  ): Promise<Review> {
    const { previous } = options;
    const db = this.db(review.id);
    const article = options.article ?? this.articleOf(previous, review.doc);
    const known = this.articles.get(review.id);
    const textEdited = review.doc !== previous.doc && article.article.text !== (known?.doc === previous.doc ? known.article.text : walkArticleText(previous.doc));
    // A review keeps the scale it has: a change that does not carry one leaves it as it was.
    const scale = review.scale ?? previous.scale ?? this.libraryScale(review.scaleId);
    // A claim's sign-off is what its history says, never what a window's save or a file sent.
    const claims = options.changedClaims ? withSignOffsOf(review.claims, review.history, options.changedClaims) : withHistorySignOffs(review.claims, review.history);
    const unnumbered = { ...review, claims, scale, lastClaimNumber: Math.max(previous.lastClaimNumber, review.lastClaimNumber) };
    const numbered = options.numbersKept ? unnumbered : withClaimNumbers(unnumbered, article.article);
    const next: Review = { ...numbered, claims: inSchemaOrder(numbered.claims, review.claims), revision: previous.revision + 1, ...(textEdited ? { textEditedAt: review.updatedAt } : {}) };
    assertStorable(next, { previous, ...(options.contractParsed ? { contractParsed: true } : {}), ...(options.changedBlocks ? { changedBlocks: options.changedBlocks } : {}) });
    db.data = { schemaVersion: SCHEMA_VERSION, review: next };
    try {
      await db.write();
    } catch (error) {
      // The file on disk is the last good version; memory goes back to it, and the caller keeps its work.
      db.data = { schemaVersion: SCHEMA_VERSION, review: previous };
      throw explainWriteFailure(error, this.dataDir);
    }
    keepRecent(this.articles, review.id, article);
    this.scaleCopiedAtLoad.delete(review.id);
    this.summaries.delete(review.id);
    this.unsummarized.set(review.id, article.placed);
    this.writes++;
    this.reviewChanged(next.id, next);
    return next;
  }

  /** Writes `review` as a service made it (a merge result, a shared review opened here); adds it when new. */
  async putReview(review: Review): Promise<Review> {
    this.ensureOpen();
    const stored = this.reviews.get(review.id);
    if (stored) return this.commit(review, { previous: stored.data.review });
    const added: Review = { ...review, revision: 1 };
    await this.addNewReview(added, review.doc);
    return added;
  }

  /** A copy of review `id` as stored, under a new id and `title`; the copy's history starts afresh. */
  async duplicateReview(id: string, title: string): Promise<ReviewSummary> {
    const source = this.getReview(id);
    const stamp = this.now().toISOString();
    const copy: Review = { ...source, id: this.newId(), title, createdAt: stamp, updatedAt: stamp, history: [], reviewers: [], revision: 1 };
    delete copy.sharedAt;
    // The copy's folder keeps only the article it starts from: older versions stay with the review they belong to.
    delete copy.articleVersions;
    const withHistory = this.withFullHistory(copy);
    await this.withEvidenceCopied(source.id, withHistory, () => this.addNewReview(withHistory, source.doc));
    return summarize(withHistory);
  }

  /**
   * Takes back a review read from the Trash (see trash.ts) by the path every new review takes.
   * Under its own id it keeps its revision and its originals/ folder; `asCopy` (a review with its
   * id is in the library) gives it a new id and a copy of the article it started from.
   */
  async addRestoredReview(review: Review, options: { asCopy: boolean }): Promise<Review> {
    this.assertWritable();
    if (!options.asCopy && this.reviews.has(review.id)) throw new ApiError('conflict', 'A review with this id is already in the library; nothing was restored.');
    const restored: Review = options.asCopy ? { ...review, id: this.newId(), revision: 1 } : review;
    if (options.asCopy) delete restored.sharedAt;
    const startingArticle = options.asCopy && this.reviews.has(review.id) ? await this.originalArticle(review.id) : null;
    const adding = (): Promise<void> => this.addNewReview(this.withFullHistory(restored), startingArticle);
    await (options.asCopy ? this.withEvidenceCopied(review.id, restored, adding) : adding());
    return this.getReview(restored.id);
  }

  /**
   * Copies the folders of evidence copies `copyIds` of review `fromId` to review `toId` (sources
   * copied between reviews); returns what removes them again if the review cannot then be written.
   */
  async copyEvidenceFolders(fromId: string, toId: string, copyIds: Iterable<string>): Promise<() => Promise<void>> {
    this.assertWritable();
    this.db(fromId);
    this.db(toId);
    return copyCopyFolders(this.dataDir, fromId, toId, copyIds).catch((error: unknown) => {
      throw explainWriteFailure(error, this.dataDir);
    });
  }

  /**
   * Runs `work` (which adds `copy`, a review made from review `fromId` under a new id) with the
   * folders of the evidence copies it names copied to its own id first; they go again if `work` fails.
   */
  private async withEvidenceCopied(fromId: string, copy: Review, work: () => Promise<void>): Promise<void> {
    let undo: () => Promise<void>;
    try {
      undo = await copyCopyFolders(this.dataDir, fromId, copy.id, copiesOf(copy).keys());
    } catch (error) {
      throw explainWriteFailure(error, this.dataDir);
    }
    try {
      await work();
    } catch (error) {
      await undo();
      throw error;
    }
  }

  /** Refuses, with the reason the folder gave, when it was opened only to read: for services that write files of their own. */
  assertWritable(): void {
    this.ensureOpen();
    if (this.readOnly) throw this.readOnly.refusal();
  }

  /** True when the library holds a review with this id. */
  hasReview(id: string): boolean {
    return this.reviews.has(id);
  }

  /**
   * Adds a shared review's `scale` to the library's when its id is new here, so new reviews can use
   * it too; one the editor would refuse (an unreadable colour) or past the limit stays with its review only.
   */
  async adoptScale(scale: RatingScale): Promise<void> {
    if (this.scales().some((candidate) => candidate.id === scale.id) || this.scales().length >= MAX_LIBRARY_SCALES || !EditableScale.safeParse(scale).success) return;
    await this.updateLibrary({ ...this.library.data, scales: [...this.scales(), scale] });
  }

  /** Sets where review `id`'s fact-check is published. */
  async setPublication(id: string, publication: Publication): Promise<Publication> {
    const previous = this.getReview(id);
    const next = await this.commit({ ...previous, publication, updatedAt: this.now().toISOString() }, { previous });
    return next.publication ?? publication;
  }

  /** The other reviews whose fact-check is published at `url` (without its #fragment). */
  reviewsPublishedAt(url: string, except: string): { id: string; title: string }[] {
    const page = url.replace(/#.*$/, '');
    if (!page) return [];
    return [...this.reviews.values()]
      .map((db) => db.data.review)
      .filter((review) => review.id !== except && (review.publication?.url ?? '').replace(/#.*$/, '') === page)
      .map((review) => ({ id: review.id, title: review.title }));
  }

  /** Stores the checked article's details; an unchanged set writes nothing. */
  async setArticleDetails(id: string, details: ArticleDetails): Promise<ArticleDetails> {
    const previous = this.getReview(id);
    const current = articleDetailsOf(previous);
    if ((Object.keys(details) as (keyof ArticleDetails)[]).every((key) => current[key] === details[key])) return current;
    return articleDetailsOf(await this.commit({ ...previous, ...details, updatedAt: this.now().toISOString() }, { previous }));
  }

  async updateMeta(input: { id: string; title: string; sourceUrl: string }): Promise<ReviewSummary> {
    const previous = this.getReview(input.id);
    if (previous.title === input.title && previous.sourceUrl === input.sourceUrl) return summarize(previous);
    const next = await this.commit({ ...previous, title: input.title, sourceUrl: input.sourceUrl, updatedAt: this.now().toISOString() }, { previous });
    return summarize(next);
  }

  /**
   * Moves the review into the data folder's trash/, so a mistaken delete can be undone by hand
   * (its originals/ and evidence/ folders stay until the Trash is emptied); `keepInTrash: false`
   * removes it, its original file and its evidence copies outright (a cancelled import).
   */
  async deleteReview(id: string, options: { keepInTrash: boolean } = { keepInTrash: true }): Promise<void> {
    const db = this.db(id);
    await (db.adapter as DurableJsonFile<ReviewFile>).settled();
    try {
      if (options.keepInTrash) {
        const trash = join(this.dataDir, 'trash');
        await mkdir(trash, { recursive: true });
        await rename(this.reviewPath(id), join(trash, `${id}-${fileStamp(this.now())}.json`));
      } else {
        await rm(this.reviewPath(id), { force: true });
        await rm(join(this.dataDir, 'originals', id), { recursive: true, force: true });
        await removeReviewEvidence(this.dataDir, id);
      }
      await rm(`${this.reviewPath(id)}.bak`, { force: true });
    } catch (error) {
      throw explainWriteFailure(error, this.dataDir);
    }
    this.reviews.delete(id);
    this.summaries.delete(id);
    this.unsummarized.delete(id);
    this.articles.delete(id);
    this.encoders.delete(id);
    this.reviewChanged(id, null);
  }

  /**
   * Calls `listener` after each review is durably written, added (`review`) or removed (null), for
   * what keeps a copy of reviews (the search index); returns the function that stops it.
   */
  onReviewChanged(listener: ReviewChangeListener): () => void {
    this.reviewListeners.add(listener);
    return () => void this.reviewListeners.delete(listener);
  }

  private reviewChanged(id: string, review: Review | null): void {
    // A listener's failure is its own: the review is already safely stored.
    for (const listener of this.reviewListeners) {
      try {
        listener(id, review);
      } catch {
        // ignored on purpose, see above
      }
    }
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
