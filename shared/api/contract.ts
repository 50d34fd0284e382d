/**
 * The one list of calls the renderer may make. The preload bridge, the ipcMain handlers,
 * the loopback test bridge and the renderer's client are all derived from this map.
 */
import { z } from 'zod';
import { ArticleDoc } from '../model/article-doc';
import { Claim } from '../model/claim';
import { HttpUrl, Id, OptionalHttpUrl, Timestamp } from '../model/primitives';
import { RatingScale } from '../model/rating-scale';
import { Review, ReviewOrigin, ReviewSummary, ReviewTitle } from '../model/review';

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

export const contract = {
  'app:info': {
    input: NoInput,
    output: z.object({
      mode: z.enum(['electron', 'browser']),
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
  'review:save': {
    input: z.object({ id: Id, doc: ArticleDoc, claims: z.array(Claim).max(50_000) }).strict(),
    output: z.object({ updatedAt: Timestamp }),
  },
  'review:updateMeta': {
    input: z.object({ id: Id, title: ReviewTitle, sourceUrl: OptionalHttpUrl }).strict(),
    output: ReviewSummary,
  },
  'review:delete': { input: ReviewRef, output: Done },
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
