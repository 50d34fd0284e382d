/**
 * The one list of calls the renderer may make. The preload bridge, the ipcMain handlers,
 * the loopback test bridge and the renderer's client are all derived from this map.
 */
import { z } from 'zod';
import { ArticleDoc } from '../model/article-doc';
import { Claim, ClaimStatus } from '../model/claim';
import { HttpUrl, Id, OptionalDate, OptionalHttpUrl, Timestamp } from '../model/primitives';
import { Publisher } from '../model/publisher';
import { RatingScale } from '../model/rating-scale';
import { Review, ReviewOrigin, ReviewSummary, ReviewTitle } from '../model/review';
import { ClaimEvent, ClaimFields } from '../model/claim-history';
import { Reviewer, ReviewerName } from '../model/reviewer';
import { MergeReport } from '../share-file/merge-report';

const NoInput = z.object({}).strict();
const Done = z.object({ done: z.literal(true) });
const ReviewRef = z.object({ id: Id }).strict();

/** Something the reviewer must be told once, e.g. that a damaged file was replaced by its backup. */
export const Notice = z.object({ id: z.string(), level: z.enum(['info', 'warning', 'error']), message: z.string() });
export type Notice = z.infer<typeof Notice>;

/** Article content handed over to make a new review. */
export const ArticleSource = z.object({
  format: z.enum(['text', 'markdown', 'html']),
  /** At most ~20 MB of text: far beyond any article, small enough to keep the app responsive. */
  body: z.string().max(20_000_000),
});
export type ArticleSource = z.infer<typeof ArticleSource>;

/** The formats a review can be exported to. */
export const EXPORT_FORMATS = ['html', 'pdf', 'md', 'csv', 'claimreview', 'webannotation'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** A claim to add by quoting the article, as the command line and CSV imports describe it. */
export const ClaimRequest = z
  .object({
    quote: z.string().trim().min(1, 'the quote is empty').max(20_000),
    /** Which occurrence (1-based) when the quote appears more than once. */
    occurrence: z.number().int().positive().optional(),
    /** A verdict label or id of the review's scale; omitted for an unrated claim. */
    verdict: z.string().max(60).optional(),
    rationale: z.string().max(200_000).default(''),
    claimant: z.string().max(2_000).default(''),
    claimDate: OptionalDate.default(''),
    appearanceUrl: OptionalHttpUrl.default(''),
    evidenceUrls: z.array(HttpUrl).max(500).default([]),
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
  report: MergeReport,
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
    }),
  },
  'app:dismissNotice': { input: z.object({ id: z.string().max(200) }).strict(), output: Done },
  'scale:list': { input: NoInput, output: z.array(RatingScale) },
  'review:list': { input: NoInput, output: z.array(ReviewSummary) },
  'review:get': { input: ReviewRef, output: Review },
  'review:create': {
    input: z
      .object({ title: ReviewTitle, sourceUrl: OptionalHttpUrl, origin: ReviewOrigin, article: ArticleSource })
      .strict(),
    output: Review,
  },
  'review:import': {
    input: z
      .object({
        fileName: z.string().min(1).max(260),
        /** The file's bytes in base64; 50 MB of file at most. */
        base64: z.string().max(70_000_000),
        /** An encoding to read a text or web page file with, instead of detecting it. */
        encoding: z.string().max(40).optional(),
        /** Names this import so `review:cancelImport` can stop it. */
        importId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
      })
      .strict(),
    output: z.object({ review: Review, notes: z.array(z.string()) }),
  },
  'review:cancelImport': { input: z.object({ importId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).strict(), output: Done },
  'review:save': {
    input: z.object({ id: Id, doc: ArticleDoc, claims: z.array(Claim).max(50_000) }).strict(),
    output: z.object({ updatedAt: Timestamp }),
  },
  'review:updateMeta': {
    input: z.object({ id: Id, title: ReviewTitle, sourceUrl: OptionalHttpUrl }).strict(),
    output: ReviewSummary,
  },
  'review:delete': { input: ReviewRef, output: Done },
  'settings:getPublisher': { input: NoInput, output: Publisher },
  'settings:setPublisher': { input: Publisher.strict(), output: Publisher },
  'review:export': {
    /** `publisher` fields given here override the library's settings for this export only. */
    input: z.object({ id: Id, format: ExportFormat, publisher: Publisher.partial().strict().optional() }).strict(),
    output: FileOut,
  },
  'settings:getReviewer': { input: NoInput, output: Reviewer },
  'settings:setReviewer': { input: z.object({ name: ReviewerName }).strict(), output: Reviewer },
  /** A `.factmark` share file of the review. */
  'share:create': { input: ReviewRef, output: FileOut },
  /** Adds the shared review, or merges it into this copy; `preview` computes the outcome and stores nothing. */
  'share:open': {
    input: z
      .object({
        fileName: z.string().min(1).max(260),
        /** 64 MB of file at most. */
        base64: z.string().max(90_000_000),
        preview: z.boolean().default(false),
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
  'review:annotate': {
    input: z.object({ id: Id, claims: z.array(ClaimRequest).min(1).max(5_000) }).strict(),
    output: z.object({ claimIds: z.array(Id) }),
  },
  'export:validate': {
    input: z.object({ json: z.string().max(50_000_000) }).strict(),
    output: z.object({ kind: z.enum(['claimreview', 'webannotation']), problems: z.array(z.object({ where: z.string(), message: z.string(), level: z.enum(['required', 'recommended']) })) }),
  },
  'shell:openExternal': {
    input: z.object({ url: HttpUrl }).strict(),
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
