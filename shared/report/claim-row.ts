/** A claim as a row of the library's claims table (`factmark claims`, the All claims view). */
import { z } from 'zod';
import { ClaimStatus } from '../model/claim';
import { Id, Timestamp } from '../model/primitives';

/** One claim as `factmark claims` prints it (its JSON has exactly these fields). */
export const ClaimRow = z.object({
  reviewId: Id,
  reviewTitle: z.string(),
  number: z.number().int().positive().nullable(),
  quote: z.string(),
  summary: z.string(),
  /** The verdict as the review's own scale names it; '' without one. */
  verdict: z.string(),
  status: ClaimStatus,
  claimant: z.string(),
  claimDate: z.string(),
  tags: z.array(z.string()),
  updatedAt: Timestamp,
});
export type ClaimRow = z.infer<typeof ClaimRow>;

/** One claim as the All claims view shows it: the table's row with what the view badges, sorts and links by. */
export const LibraryClaimRow = ClaimRow.extend({
  claimId: Id,
  /** The review's scale, to name a built-in verdict in the interface's language. */
  scaleId: z.string(),
  verdictId: z.string().nullable(),
  /** The verdict's badge colour; null without a verdict. */
  verdictColor: z.string().nullable(),
  /** The verdict's place on its scale (0 first), to sort by; null without a verdict. */
  verdictRank: z.number().int().nonnegative().nullable(),
  /** When the review was made. */
  reviewCreatedAt: Timestamp,
});
export type LibraryClaimRow = z.infer<typeof LibraryClaimRow>;
