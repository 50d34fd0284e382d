/** A review: one article under check, its claims, and the files that store them. */
import { z } from 'zod';
import { ArchiveQueue } from './archive-queue';
import { ArticleDoc } from './article-doc';
import { ArticleVersions } from './article-version';
import { Claim } from './claim';
import { ClaimEvent } from './claim-history';
import { Id, OptionalDate, OptionalHttpUrl, Timestamp } from './primitives';
import { EMPTY_PUBLISHER, Publication, Publisher } from './publisher';
import { RatingScale, Verdict } from './rating-scale';
import { KnownKey, Reviewer } from './reviewer';
import { MAX_CLAIMS, MAX_HISTORY_EVENTS, MAX_KNOWN_KEYS, MAX_REVIEWERS } from './storage-limits';

export const ReviewTitle = z.string().trim().min(1, 'is empty (a review needs a title)').max(300);

/** Where the article came from when the review was made. */
export const ReviewOrigin = z.object({
  kind: z.enum(['paste', 'file']),
  /** The imported file's name, without its folder. */
  fileName: z.string().max(260).optional(),
  /** Size in bytes, SHA-256 (hex) and import time of the original file, kept in the data folder's originals/. */
  size: z.number().int().nonnegative().optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  importedAt: Timestamp.optional(),
  /** The text encoding a text file was read with. */
  encoding: z.string().max(40).optional(),
});
export type ReviewOrigin = z.infer<typeof ReviewOrigin>;

/** A language as a BCP 47 tag (`ar`, `en-GB`), or '' when not known. */
export const LanguageTag = z.string().regex(/^$|^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, 'must be a language tag such as en or ar');

export const Review = z.object({
  id: Id,
  title: ReviewTitle,
  sourceUrl: OptionalHttpUrl,
  /** The checked article's author(s) as its byline gives them (the article details block edits it). */
  byline: z.string().max(500).default(''),
  /** When the checked article was published. */
  publishedAt: OptionalDate.default(''),
  /** The outlet that published the checked article (a newspaper, a site, a channel). */
  outlet: z.string().max(300).default(''),
  /**
   * The article's language as a BCP 47 tag (`ar`, `en-GB`), from the imported page or set by the
   * reviewer; '' when not known (reports then guess from the text's script).
   */
  language: LanguageTag.default(''),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  scaleId: z.string().max(40),
  /**
   * The rating scale as it was when the review was made: editing or removing a library scale
   * never changes the verdicts of a review already made. Absent in files from before (the
   * library's scale with `scaleId` is then copied in at load).
   */
  scale: RatingScale.optional(),
  origin: ReviewOrigin,
  doc: ArticleDoc,
  claims: z.array(Claim).max(MAX_CLAIMS),
  /** Every change to every claim, for merging copies (see claim-history). */
  history: z.array(ClaimEvent).max(MAX_HISTORY_EVENTS).default([]),
  /** The people named in `history`. */
  reviewers: z.array(Reviewer).max(MAX_REVIEWERS).default([]),
  /** When this copy was last written to a share file: events up to then are never amended. */
  sharedAt: Timestamp.optional(),
  /**
   * Counts the writes of this review file. A save names the revision it was based on, and one
   * based on an older revision (another window saved meanwhile) is refused, to be merged.
   */
  revision: z.number().int().nonnegative().default(0),
  /** When the article's words were last changed after it was imported (reports say so). */
  textEditedAt: Timestamp.optional(),
  /** Where this review's fact-check is published (its own address, headline, date and authors). */
  publication: Publication.optional(),
  /** The highest claim number ever given in this review (see claim-numbers): numbers are never reused. */
  lastClaimNumber: z.number().int().nonnegative().max(10_000_000).default(0),
  /**
   * The article's versions once it has been updated (see article-version): version 1 is the first
   * import. Absent until the first update, and in files from before.
   */
  articleVersions: ArticleVersions.optional(),
});
export type Review = z.infer<typeof Review>;

/** What the library list shows of a review without loading its article. */
export const ReviewSummary = z.object({
  id: Id,
  title: z.string(),
  sourceUrl: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Claims placed in the article, by verdict id; unrated claims count under `unrated`. */
  verdictCounts: z.record(z.string(), z.number().int().nonnegative()),
  /** The review's own scale's verdicts, in scale order, as its counts are shown (a library scale edited later does not change them). */
  scale: z.object({ id: z.string(), verdicts: z.array(Verdict.pick({ id: true, label: true, color: true })) }),
  claimCount: z.number().int().nonnegative(),
  /** Claims with a verdict or notes whose words are not in the article (a merge's orphans, deleted text). */
  unplacedCount: z.number().int().nonnegative(),
  /** Claims flagged for a look (moved, words edited, kept after a deletion, not placed). */
  flaggedCount: z.number().int().nonnegative(),
  /** The checked article's details, for the library to filter by and edit without opening the review. */
  outlet: z.string(),
  byline: z.string(),
  publishedAt: z.string(),
  language: z.string(),
  /** Placed claims whose verdict is on the false side of the review's scale (see false-side). */
  falseSideCount: z.number().int().nonnegative(),
  /** Every tag of the review's claims, each once, sorted. */
  tags: z.array(z.string()),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

/** Key of `verdictCounts` for claims without a verdict yet. */
export const UNRATED = 'unrated';

/** The format version of files written by this build; `migrate()` brings older ones up to it. */
export const SCHEMA_VERSION = 2;

/** `reviews/<id>.json` in the data folder. */
export const ReviewFile = z.object({ schemaVersion: z.literal(SCHEMA_VERSION), review: Review });
export type ReviewFile = z.infer<typeof ReviewFile>;

/** `library.json` in the data folder: settings shared by all reviews. */
export const LibraryFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  scales: z.array(RatingScale).min(1),
  publisher: Publisher.default(EMPTY_PUBLISHER),
  /** Who works with this data folder; made with a random id the first time it opens. */
  reviewer: Reviewer.optional(),
  /** The reviewer's interface language (`en`, `ar`, `fr`, `es`); English until they choose. */
  uiLanguage: z.string().max(20).default('en'),
  /** Colleagues' signing keys, trusted on first use. */
  knownKeys: z.array(KnownKey).max(MAX_KNOWN_KEYS).default([]),
  /**
   * Whether keeping a copy of evidence may fetch from private, loopback or link-local addresses
   * (an intranet page, a test server); off unless the reviewer turns it on.
   */
  allowPrivateAddresses: z.boolean().optional(),
  /** Whether a link added to a claim is kept at once (off unless the reviewer turns it on). */
  keepWhenAdded: z.boolean().optional(),
  /** Whether a page kept is also sent to the Wayback Machine (queued while offline); off unless turned on. */
  sendToWayback: z.boolean().optional(),
  /** The archive service's address ('' or absent: the Wayback Machine's own, DEFAULT_WAYBACK_ADDRESS). */
  waybackAddress: z.string().max(2_000).optional(),
  /** Kept pages waiting to be sent to the archive service (see archive-queue.ts); absent when none are. */
  archiveQueue: ArchiveQueue.optional(),
});
export type LibraryFile = z.infer<typeof LibraryFile>;
