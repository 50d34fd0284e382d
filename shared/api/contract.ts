/**
 * The one list of calls the renderer may make. The preload bridge, the ipcMain handlers,
 * the loopback test bridge and the renderer's client are all derived from this map.
 */
import { z } from 'zod';
import { ArticleDetails } from '../model/article-details';
import { ArticleDoc } from '../model/article-doc';
import { Claim, ClaimStatus } from '../model/claim';
import { Id, OptionalDate, OptionalWebAddressInput, Timestamp, WebAddressInput } from '../model/primitives';
import { Publication, Publisher } from '../model/publisher';
import { RatingScale } from '../model/rating-scale';
import { EditableScale } from '../model/scale-rules';
import { Review, ReviewOrigin, ReviewSummary, ReviewTitle } from '../model/review';
import { ClaimEvent, ClaimFields } from '../model/claim-history';
import { Reviewer, ReviewerName, SignatureCheck } from '../model/reviewer';
import { MergeReport } from '../share-file/merge-report';
import { EvidenceShareSize, ReceivedEvidenceCopies, RefusedEvidenceCopy } from '../share-file/shared-evidence';
import { UnfinishedClaim } from '../report/claim-readiness';
import { MAX_ARTICLE_SOURCE_CHARS, MAX_CLAIMS } from '../model/storage-limits';
import { LANGUAGE_CODES } from '../i18n/languages';
import { ArticleUpdateResult, ArticleUpdateSource } from '../article-update/article-update-schema';
import { ArticleVersion } from '../model/article-version';
import { TrashEntry, TrashId } from '../model/trash-entry';
import { LibraryClaimRow } from '../report/claim-row';
import { ArchiveQueueInput, ArchiveQueueItem, ArchiveSendResult, SendQueuedInput } from './evidence-schema';
import { CheckedBefore, SearchQuery, SearchResults } from '../search/search-schema';
import { ClaimChanges, DocChange } from '../model/save-delta';
import {
  AttachInput,
  EvidenceFileInput,
  EvidenceFileOutput,
  EvidenceSettings,
  EvidenceSettingsChange,
  KeepAllInput,
  KeepId,
  KeepInput,
  KeepOutcome,
  KeepProgress,
  KeptCopy,
  VerifyOutput,
} from './evidence-schema';

const NoInput = z.object({}).strict();
/** The publisher as the export dialog or the command line gives it: its addresses pass the one web address rule. */
const PublisherInput = Publisher.extend({ organizationUrl: OptionalWebAddressInput, reportUrl: OptionalWebAddressInput }).strict();
const Done = z.object({ done: z.literal(true) });
const ReviewRef = z.object({ id: Id }).strict();
/** A rating scale of the library, by its id. */
const ScaleRef = z.object({ scaleId: RatingScale.shape.id }).strict();

/** Something the reviewer must be told once, e.g. that a damaged file was replaced by its backup. */
export const Notice = z.object({ id: z.string(), level: z.enum(['info', 'warning', 'error']), message: z.string() });
export type Notice = z.infer<typeof Notice>;

/** Article content handed over to make a new review. */
export const ArticleSource = z.object({
  format: z.enum(['text', 'markdown', 'html']),
  body: z.string().max(MAX_ARTICLE_SOURCE_CHARS),
});
export type ArticleSource = z.infer<typeof ArticleSource>;

/** The formats a review can be exported to. */
export const EXPORT_FORMATS = ['html', 'pdf', 'md', 'csv', 'claimreview', 'webannotation'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** A claim to add by quoting the article, as the command line and CSV imports describe it. */
export const ClaimRequest = z
  .object({
    quote: z.string().trim().min(1, 'is empty').max(20_000),
    /** The neutral statement checked (ClaimReview's claimReviewed). */
    summary: z.string().trim().max(300).default(''),
    /** Which occurrence (1-based) when the quote appears more than once. */
    occurrence: z.number().int().positive().optional(),
    /** A verdict label or id of the review's scale; omitted for an unrated claim. */
    verdict: z.string().max(60).optional(),
    rationale: z.string().max(200_000).default(''),
    claimant: z.string().max(2_000).default(''),
    claimDate: OptionalDate.default(''),
    appearanceUrl: OptionalWebAddressInput.default(''),
    evidenceUrls: z.array(WebAddressInput).max(500).default([]),
    status: ClaimStatus.default('to-check'),
    tags: z.array(z.string().min(1).max(60)).max(50).default([]),
  })
  .strict();
export type ClaimRequest = z.input<typeof ClaimRequest>;

/** A file made for the reviewer to save: its name, type and bytes in base64 (PDF travels as well as text). */
const FileOut = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });

/** What opening a share file did (or, for a preview, would do). */
export const OpenedShare = z.object({
  reviewId: Id,
  title: z.string(),
  outcome: z.enum(['added', 'merged', 'preview']),
  inLibrary: z.boolean(),
  sharedBy: z.string(),
  sharedAt: Timestamp,
  /** Who signed the file, as far as this library can tell. */
  signature: SignatureCheck,
  /** The rating scale the review's verdicts are on here, to name the verdicts in the report. */
  scale: RatingScale,
  report: MergeReport,
  /** What became of the kept evidence copies the file described (absent from servers older than copies). */
  evidenceCopies: ReceivedEvidenceCopies.optional(),
});
export type OpenedShare = z.infer<typeof OpenedShare>;

export const contract = {
  'app:info': {
    input: NoInput,
    output: z.object({
      mode: z.enum(['electron', 'browser', 'cli']),
      version: z.string(),
      dataDir: z.string(),
      notices: z.array(Notice),
      /** The interface language of this data folder, so the window is drawn in it from its first paint. */
      language: z.enum(LANGUAGE_CODES),
    }),
  },
  'app:dismissNotice': { input: z.object({ id: z.string().max(200) }).strict(), output: Done },
  /**
   * What a window watches every few seconds: notices raised since it opened (a file changed on
   * disk behind the app's back) and the revision of the review it shows, to pick up changes made
   * in another window or by the command line.
   */
  'app:status': {
    input: z.object({ reviewId: Id.optional() }).strict(),
    output: z.object({
      notices: z.array(Notice),
      review: z.object({ revision: z.number().int().nonnegative(), updatedAt: Timestamp }).nullable(),
      /** Changes whenever a review is added, removed or changed: the library list is then read again. */
      libraryStamp: z.string(),
    }),
  },
  /** The library's rating scales; the first is the one new reviews are rated on. */
  'scale:list': { input: NoInput, output: z.array(RatingScale) },
  /**
   * Adds a scale, or replaces the library's scale with its id (never the built-in one). Reviews
   * keep the copy they were made with. Returns the library's scales as they now are.
   */
  'scale:save': { input: z.object({ scale: EditableScale }).strict(), output: z.array(RatingScale) },
  /** Removes a scale from the library (not the built-in one, not the last); its reviews keep their copy. */
  'scale:delete': { input: ScaleRef, output: z.array(RatingScale) },
  /** Makes a scale the one new reviews are rated on (it moves to the front of the list). */
  'scale:setDefault': { input: ScaleRef, output: z.array(RatingScale) },
  'review:list': { input: NoInput, output: z.array(ReviewSummary) },
  /** The review for a window to show; from then on the window's saves follow what it read. */
  'review:get': { input: ReviewRef, output: Review },
  /** The article as it was when the review was made (null for reviews made before it was kept). */
  'review:original': { input: ReviewRef, output: z.object({ doc: ArticleDoc.nullable() }) },
  /**
   * Update article: a newer version of the review's article (pasted or a file), the word diff and
   * what happens to each claim. `preview` writes nothing; otherwise the old version is kept, the
   * claims are re-anchored (those not placed with certainty are flagged) and the review is stored.
   * `baseRevision` as for review:save: an update prepared on an older revision is refused with `conflict`.
   */
  'review:updateArticle': {
    input: z.object({ id: Id, source: ArticleUpdateSource, preview: z.boolean().default(false), baseRevision: z.number().int().nonnegative() }).strict(),
    output: ArticleUpdateResult,
  },
  /** The versions of the review's article, oldest (the first import) first. */
  'review:versions': { input: ReviewRef, output: z.object({ versions: z.array(ArticleVersion) }) },
  /** The plain text of one version of the review's article (blocks joined by "\n"), to compare versions. */
  'review:versionText': {
    input: z.object({ id: Id, number: z.number().int().positive() }).strict(),
    output: z.object({ number: z.number().int().positive(), text: z.string() }),
  },
  'review:create': {
    input: z
      .object({
        title: ReviewTitle,
        sourceUrl: OptionalWebAddressInput,
        origin: ReviewOrigin,
        article: ArticleSource,
        /** The library scale to rate the review on; the default (first) scale when absent. */
        scaleId: RatingScale.shape.id.optional(),
      })
      .strict(),
    output: z.object({ review: Review, notes: z.array(z.string()) }),
  },
  'review:import': {
    input: z
      .object({
        fileName: z.string().min(1).max(260),
        /** The file's bytes in base64; 50 MB of file at most. */
        base64: z.string().max(70_000_000, 'is larger than 50 MB; Factmark does not import files that large'),
        /** An encoding to read a text or web page file with, instead of detecting it. */
        encoding: z.string().max(40).optional(),
        /** Names this import so `review:cancelImport` can stop it. */
        importId: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,64}$/)
          .optional(),
        /** The library scale to rate the review on; the default (first) scale when absent. */
        scaleId: RatingScale.shape.id.optional(),
      })
      .strict(),
    output: z.object({ review: Review, notes: z.array(z.string()) }),
  },
  'review:cancelImport': { input: z.object({ importId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).strict(), output: Done },
  /**
   * Stores the desk's article and claims. `baseRevision` is the revision the window last read or
   * wrote; if another window saved since, the call fails with `conflict` and writes nothing.
   * `merged` carries a merge the window made with another window's work and has not stored yet:
   * the history events it recorded, and the claims as the merge left them (edits made after the
   * merge are recorded against those).
   * The article comes whole (`doc`) or as `docChange`, which replaces top-level blocks
   * [start, start + deleteCount) of the article stored at `baseRevision`; neither means unchanged.
   * The claims come whole (`claims`) or as `claimChanges` against the stored claims (against
   * `merged.claims` when a merge is sent): `changed` replaces a claim with its id in place or
   * appends a new one, in the order given; `removed` drops claims by id; neither means unchanged.
   * Both forms of one part at once, a change outside the article, or a removed id that is not
   * there (or is also changed) are refused with `invalid-input`, writing nothing.
   */
  'review:save': {
    input: z
      .object({
        id: Id,
        baseRevision: z.number().int().nonnegative(),
        doc: ArticleDoc.optional(),
        docChange: DocChange.optional(),
        claims: z.array(Claim).max(MAX_CLAIMS).optional(),
        claimChanges: ClaimChanges.optional(),
        merged: z
          .object({ events: z.array(ClaimEvent).max(MAX_CLAIMS * 4), claims: z.array(Claim).max(MAX_CLAIMS) })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.object({
      updatedAt: Timestamp,
      revision: z.number().int().nonnegative(),
      events: z.array(ClaimEvent),
      removedEventIds: z.array(Id),
      /** Permanent numbers the store gave to claims of this save (new ones), by claim id. */
      numbers: z.record(z.string(), z.number().int().positive()),
    }),
  },
  /** A copy of the review as stored, under a new id and `title` (kept when two windows changed the words). */
  'review:duplicate': { input: z.object({ id: Id, title: ReviewTitle }).strict(), output: ReviewSummary },
  /** Where this review's fact-check is published (address, headline, date, authors). */
  'review:setPublication': {
    input: z.object({ id: Id, publication: Publication.extend({ url: OptionalWebAddressInput }).strict() }).strict(),
    output: Publication,
  },
  /** The checked article's details as reports show them: title, outlet, author, date, address, language. */
  'review:setArticleDetails': {
    input: z.object({ id: Id, details: ArticleDetails.extend({ sourceUrl: OptionalWebAddressInput, outlet: z.string().trim().max(300), byline: z.string().trim().max(500) }).strict() }).strict(),
    output: ArticleDetails,
  },
  'review:updateMeta': {
    input: z.object({ id: Id, title: ReviewTitle, sourceUrl: OptionalWebAddressInput }).strict(),
    output: ReviewSummary,
  },
  'review:delete': { input: ReviewRef, output: Done },
  /** The reviews in the data folder's Trash, most recently deleted first (with why one cannot be restored). */
  'trash:list': { input: NoInput, output: z.array(TrashEntry) },
  /**
   * Puts a deleted review back in the library. One whose id is in the library already comes back
   * as a copy under a new id (`restoredAsCopy`); a damaged file is refused and left as it is.
   */
  'trash:restore': { input: z.object({ trashId: TrashId }).strict(), output: ReviewSummary.extend({ restoredAsCopy: z.boolean() }) },
  /** Removes reviews from the Trash for good, with their imported originals: those named, or all when `trashIds` is absent. */
  'trash:empty': { input: z.object({ trashIds: z.array(TrashId).max(100_000).optional() }).strict(), output: Done },
  /** Every claim of every review, for the All claims view (review by review, each review's claims by number). */
  'library:claims': { input: NoInput, output: z.array(LibraryClaimRow) },
  'settings:getPublisher': { input: NoInput, output: Publisher },
  'settings:setPublisher': { input: PublisherInput, output: Publisher },
  /**
   * A report or data file of the review. `publish` (the default) refuses a report or ClaimReview
   * with `not-ready` while any claim is unfinished (review:check lists them); `draft` always
   * makes one, marked as a draft. `language`: the report's (default: the review's own).
   */
  'review:export': {
    input: z
      .object({
        id: Id,
        format: ExportFormat,
        mode: z.enum(['publish', 'draft']).default('publish'),
        language: z.enum(LANGUAGE_CODES).optional(),
        /**
         * Publisher fields that override the library's settings for this export only. The
         * sign-off rule is the newsroom's and is not overridden here; reviewer names come from
         * the reviewer identity (reviewerName is not used any more).
         */
        publisher: PublisherInput.omit({ reviewerName: true, signOffRequired: true }).partial().optional(),
        /** The name of this library's reviewer, for this export only (the command line's --reviewer). */
        reviewerName: ReviewerName.optional(),
      })
      .strict(),
    output: FileOut,
  },
  'settings:getReviewer': { input: NoInput, output: Reviewer },
  'settings:setReviewer': { input: z.object({ name: ReviewerName }).strict(), output: Reviewer },
  /** The interface language of this data folder (`app:info` carries it at start). */
  'settings:setLanguage': { input: z.object({ language: z.enum(LANGUAGE_CODES) }).strict(), output: z.object({ language: z.enum(LANGUAGE_CODES) }) },
  /** This reviewer's signing key (made on first use) and the colleagues' keys trusted here. */
  'settings:getSigning': {
    input: NoInput,
    output: z.object({
      fingerprint: z.string(),
      createdAt: Timestamp,
      knownKeys: z.array(z.object({ reviewerId: Id, name: z.string(), fingerprint: z.string(), firstSeen: Timestamp })),
    }),
  },
  /**
   * A `.factmark` share file of the review; with `includeEvidenceCopies`, the claims' kept copies
   * travel in it (as many as the share file's size limit allows; the rest are named in `evidenceCopies`).
   */
  'share:create': {
    input: ReviewRef.extend({ includeEvidenceCopies: z.boolean().optional() }).strict(),
    output: FileOut.extend({ evidenceCopies: z.object({ included: z.number().int().nonnegative(), leftOut: z.array(RefusedEvidenceCopy) }).optional() }),
  },
  /** How large the review's share file would be with and without its kept evidence copies, before saving. Writes nothing. */
  'share:evidenceSize': { input: ReviewRef, output: EvidenceShareSize },
  /** Adds the shared review, or merges it into this copy; `preview` computes the outcome and stores nothing. */
  'share:open': {
    input: z
      .object({
        fileName: z.string().min(1).max(260),
        /** 64 MB of file at most. */
        base64: z.string().max(90_000_000, 'is larger than 64 MB; Factmark does not open share files that large'),
        preview: z.boolean().default(false),
        /**
         * The claims the reviewer agreed the file may delete from their copy, as its preview listed
         * them; a merge that would delete any other claim is refused.
         */
        confirmDeletions: z.array(Id).max(MAX_CLAIMS).default([]),
        /** Refuse the file unless it is of this review (merging from inside a review). */
        expectReviewId: Id.optional(),
      })
      .strict(),
    output: OpenedShare,
  },
  /** Who changed what in one claim, oldest first, with the names the reviewers gave. */
  'review:claimHistory': {
    input: z.object({ id: Id, claimId: Id }).strict(),
    output: z.array(ClaimEvent.extend({ authorName: z.string() })),
  },
  /** Settles a claim's conflicts with the values the reviewer chose. */
  'review:resolveConflict': {
    input: z.object({ id: Id, claimId: Id, set: ClaimFields.partial().strict() }).strict(),
    output: z.object({ claim: Claim, remaining: z.number().int().nonnegative() }),
  },
  /**
   * Signs the claim off as this library's reviewer: approves its verdict, rationale and summary as
   * they read now. Refused (one sentence) for a claim without a verdict, with two versions of what
   * is signed, or whose verdict or rationale this reviewer set.
   */
  'review:signOff': { input: z.object({ id: Id, claimId: Id }).strict(), output: z.object({ claim: Claim }) },
  /** Takes back this reviewer's own sign-off of the claim. */
  'review:withdrawSignOff': { input: z.object({ id: Id, claimId: Id }).strict(), output: z.object({ claim: Claim }) },
  /**
   * Adds claims by quoting the article. A request for a claim that already exists on the same
   * words with the same fields (a retried command) adds nothing: its id is in `existing`.
   */
  'review:annotate': {
    input: z.object({ id: Id, claims: z.array(ClaimRequest).min(1).max(5_000) }).strict(),
    output: z.object({ claimIds: z.array(Id), existing: z.array(Id) }),
  },
  /** What in the review is not ready to publish: unfinished claims, claims not placed, flagged or in conflict, and edited text. */
  'review:check': {
    /** `language`: the one the unfinished claims' reasons are worded in (default English); the interface asks in its own. */
    input: z.object({ id: Id, language: z.enum(LANGUAGE_CODES).optional() }).strict(),
    output: z.object({
      textEditedAt: Timestamp.nullable(),
      /** Claims flagged, in conflict or not placed (a merge's or an edit's warnings), with the reasons in words. */
      claims: z.array(z.object({ number: z.number().int().positive(), claimId: Id, quote: z.string(), placed: z.boolean(), reasons: z.array(z.string()) })),
      /** Claims not ready to publish, each with every reason as a kind and a sentence in the language asked for; a publish export is refused while any are left. */
      unfinished: z.array(UnfinishedClaim),
      /** Other reviews that give the same published address (a copy-paste slip: one page, one fact-check). */
      sameUrlAs: z.array(z.object({ id: Id, title: z.string() })),
    }),
  },
  /** Finds reviews and claims across the whole library (see shared/search/search-schema). */
  'library:search': { input: SearchQuery, output: SearchResults },
  /**
   * Claims of other reviews, already given a verdict, whose wording is close to `text` (a claim
   * being marked): the best first, at most `limit`, none below the service's similarity threshold.
   */
  'claims:checkedBefore': {
    input: z.object({ text: z.string().trim().min(1).max(20_000), excludeReviewId: Id.optional(), limit: z.number().int().min(1).max(20).default(5) }).strict(),
    output: z.array(CheckedBefore),
  },
  /**
   * Copies the verdict, rationale and evidence of claim `from` (in another review) into claim
   * `claimId` of review `id`, recorded in the claim's history as taken from that review.
   */
  'review:copyFromClaim': {
    input: z.object({ id: Id, claimId: Id, from: z.object({ reviewId: Id, claimId: Id }).strict() }).strict(),
    output: z.object({ claim: Claim }),
  },
  'export:validate': {
    input: z.object({ json: z.string().max(50_000_000) }).strict(),
    output: z.object({ kind: z.enum(['claimreview', 'webannotation']), problems: z.array(z.object({ where: z.string(), message: z.string(), level: z.enum(['required', 'recommended']) })) }),
  },
  /**
   * Keeps a copy of one evidence link in the data folder (the page as MHTML, a screenshot, a PDF
   * print and its text; a PDF or image as served), each file with its SHA-256, and records it on
   * the item. Fetches only http(s), within the size and time limits, never from a private address
   * unless the preference (or `allowPrivateAddresses`) allows it. A failure keeps nothing.
   */
  'evidence:keep': { input: KeepInput, output: KeptCopy },
  /** Keeps copies of every link of the review (or of one claim), one after another; each link's outcome with the reason it failed. */
  'evidence:keepAll': { input: KeepAllInput, output: z.object({ results: z.array(KeepOutcome) }) },
  /** Stops the keep named `keepId` (or the rest of a keep-all); what was not yet stored is not kept. */
  'evidence:cancelKeep': { input: z.object({ keepId: KeepId }).strict(), output: Done },
  /** How far the keep named `keepId` has got (polled by the interface while it runs): its capture step and, for a keep-all, its link. */
  'evidence:keepProgress': { input: z.object({ keepId: KeepId }).strict(), output: KeepProgress },
  /** Attaches a file (a PDF, an image, a saved page) as a new evidence item of the claim, stored with its SHA-256. */
  'evidence:attach': { input: AttachInput, output: KeptCopy },
  /** Recomputes the hash of every kept file of the review (or of one claim): intact, missing or altered. */
  'evidence:verify': { input: z.object({ reviewId: Id, claimId: Id.optional() }).strict(), output: VerifyOutput },
  /** One kept file that the review records, for the viewer: its bytes, media type and whether it is intact. */
  'evidence:file': { input: EvidenceFileInput, output: EvidenceFileOutput },
  /** Kept pages waiting to be sent to the archive service (the Wayback Machine), of one review or the whole library. Writes nothing, sends nothing. */
  'evidence:archiveQueue': { input: ArchiveQueueInput, output: z.object({ entries: z.array(ArchiveQueueItem) }) },
  /**
   * Sends the queued pages (of one review, or one entry) to the archive service now, on the
   * reviewer's request: each is sent (its archived address recorded on the copy), stays queued
   * (the network or the service was not there) or is dropped (it can never work), with why.
   */
  'evidence:sendQueued': { input: SendQueuedInput, output: z.object({ results: z.array(ArchiveSendResult) }) },
  /** Whether keeping copies may fetch from private network addresses (off unless the reviewer turns it on). */
  'settings:getEvidence': { input: NoInput, output: EvidenceSettings },
  'settings:setEvidence': { input: EvidenceSettingsChange, output: EvidenceSettings },
  'shell:openExternal': {
    input: z.object({ url: WebAddressInput }).strict(),
    /** False where the host cannot open a browser itself (browser mode): the page opens the link. */
    output: z.object({ opened: z.boolean() }),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** What a renderer holds: one async function per channel. */
export type Api = { [C in Channel]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>> };

/** What a host implements: each handler gets the already-validated input. */
export type Handlers = { [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<ChannelOutput<C>> };

/** The name under which the preload exposes the API on `window`. */
export const API_GLOBAL = 'factmark';
