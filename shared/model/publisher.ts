/** Who publishes the library's fact-checks (every review), and where one review's fact-check is published. */
import { z } from 'zod';
import { OptionalDate, OptionalHttpUrl } from './primitives';

export const Publisher = z.object({
  reviewerName: z.string().max(200),
  organizationName: z.string().max(200),
  organizationUrl: OptionalHttpUrl,
  /**
   * Only for one export (the command line's --report-url); a review's published address is its
   * own (Publication.url). Libraries from before kept one here for every review: it is not used.
   */
  reportUrl: OptionalHttpUrl,
});
export type Publisher = z.infer<typeof Publisher>;

export const EMPTY_PUBLISHER: Publisher = { reviewerName: '', organizationName: '', organizationUrl: '', reportUrl: '' };

/** Where and how one review's fact-check is published: it belongs to the review, never to the library. */
export const Publication = z.object({
  /** The published fact-check's address; claims get `#claim-N` anchors on it (ClaimReview url). */
  url: OptionalHttpUrl,
  /** The fact-check's headline as published ('' : the review's title). */
  headline: z.string().max(300),
  datePublished: OptionalDate,
  /** The people who wrote the fact-check, as bylined. */
  authors: z.array(z.string().trim().min(1).max(200)).max(20),
});
export type Publication = z.infer<typeof Publication>;

export const EMPTY_PUBLICATION: Publication = { url: '', headline: '', datePublished: '', authors: [] };
