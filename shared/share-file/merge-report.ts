/** What a merge did (or would do), claim by claim, as the merge view and `factmark merge` show it. */
import { z } from 'zod';
import { CLAIM_FIELDS } from '../model/claim-history';
import { AttentionWhy } from '../model/attention-why';
import { Id, Timestamp } from '../model/primitives';
import { Agreement } from './agreement';

export const ClaimNote = z.object({
  claimId: Id,
  /** The claim's words, so a reviewer recognises it. */
  quote: z.string(),
  /** One sentence on what happened to it, in English (the command line prints it). */
  detail: z.string(),
  /** For a flagged claim, the flag's cause, for the interface to word in its language. */
  why: AttentionWhy.optional(),
});
export type ClaimNote = z.infer<typeof ClaimNote>;

export const ConflictNote = z.object({
  claimId: Id,
  quote: z.string(),
  fields: z.array(
    z.object({
      field: z.enum(CLAIM_FIELDS),
      /** Latest first; the first is what the claim shows until someone chooses. */
      options: z.array(z.object({ value: z.unknown(), author: z.string(), authorName: z.string(), at: Timestamp })),
    }),
  ),
});
export type ConflictNote = z.infer<typeof ConflictNote>;

export const MergeReport = z.object({
  reviewId: Id,
  title: z.string(),
  /** The other copy's article text differs from this one's: its claims were re-anchored. */
  textChanged: z.boolean(),
  added: z.array(ClaimNote),
  updated: z.array(ClaimNote),
  /** Claims changed differently in both copies: waiting for the reviewer's choice. */
  conflicts: z.array(ConflictNote),
  /** Claims that could not be placed in this copy's text with confidence. */
  orphaned: z.array(ClaimNote),
  /** Claims placed on moved or edited text: to check. */
  flagged: z.array(ClaimNote),
  deleted: z.array(ClaimNote),
  /** Claims deleted in one copy but changed in the other afterwards: kept. */
  kept: z.array(ClaimNote),
  unchanged: z.number().int().nonnegative(),
  /** History events this copy did not have. */
  newEvents: z.number().int().nonnegative(),
  /** Claims signed off in the other copy whose sign-off holds here after the merge. */
  signedOff: z.array(ClaimNote),
  /** Claims whose sign-off no longer holds after the merge (what was signed changed, or the signer took it back): they need a new one. */
  signOffWithdrawn: z.array(ClaimNote),
  /** How the two copies' independent verdicts agree; null when no claim was rated in both on its own. */
  agreement: Agreement.nullable(),
});
export type MergeReport = z.infer<typeof MergeReport>;

/** `added 2, updated 1, conflicting 1, orphaned 0` — the counts `factmark merge` prints. */
export function mergeCounts(report: MergeReport): Record<'added' | 'updated' | 'conflicting' | 'orphaned' | 'flagged' | 'deleted' | 'kept' | 'unchanged', number> {
  return {
    added: report.added.length,
    updated: report.updated.length,
    conflicting: report.conflicts.length,
    orphaned: report.orphaned.length,
    flagged: report.flagged.length,
    deleted: report.deleted.length,
    kept: report.kept.length,
    unchanged: report.unchanged,
  };
}
