/**
 * A claim's history: an append-only log of events. Each event names the event(s) it follows
 * (`parents`), so two reviewers editing the same claim offline make two events with one parent,
 * which a merge shows as a conflict instead of letting one silently win.
 */
import { z } from 'zod';
import { Claim, ClaimSummary, SignOff } from './claim';
import { Id, Timestamp } from './primitives';

/** The parts of a claim a reviewer edits; each is merged on its own. */
export const CLAIM_FIELDS = ['summary', 'verdictId', 'rationale', 'claimant', 'claimDate', 'appearanceUrl', 'status', 'tags', 'evidence'] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

/** Values of the editable fields; an event carries the ones it changed. */
export const ClaimFields = Claim.pick({
  verdictId: true,
  rationale: true,
  claimant: true,
  claimDate: true,
  appearanceUrl: true,
  status: true,
  tags: true,
  evidence: true,
  // Without the record's default: an event that did not set the summary must not parse as setting it to ''.
}).extend({ summary: ClaimSummary });
export type ClaimFields = z.infer<typeof ClaimFields>;

/** Words for each field as the claim panel names them. */
export const CLAIM_FIELD_LABELS: Record<ClaimField, string> = {
  summary: 'Claim summary',
  verdictId: 'Verdict',
  rationale: 'Rationale',
  claimant: 'Claimant',
  claimDate: 'Claim date',
  appearanceUrl: 'Where it appeared',
  status: 'Status',
  tags: 'Tags',
  evidence: 'Evidence',
};

/**
 * `signed-off`: another reviewer approved the claim as it then read (see `signed`);
 * `sign-off-withdrawn`: the signer took that approval back. Neither changes a field.
 */
export const CLAIM_EVENT_KINDS = ['created', 'edited', 'deleted', 'restored', 'resolved', 'signed-off', 'sign-off-withdrawn'] as const;

/** What a sign-off approved, word for word; who and when are the event's `author` and `at`. */
export const SignedValues = SignOff.pick({ verdictId: true, rationale: true, summary: true }).strict();
export type SignedValues = z.infer<typeof SignedValues>;

/**
 * Where the values of an edit came from when a reviewer took them from a claim already checked in
 * another review ("Checked before"): that review and claim as they were named at the time.
 */
export const CopiedFrom = z
  .object({
    reviewId: Id,
    reviewTitle: z.string().max(300),
    claimId: Id,
    /** The claim's permanent number in that review; absent for a claim from before numbers. */
    claimNumber: z.number().int().positive().max(10_000_000).optional(),
  })
  .strict();
export type CopiedFrom = z.infer<typeof CopiedFrom>;

export const ClaimEvent = z
  .object({
    id: Id,
    claimId: Id,
    /** The events this one follows: none for `created`, one for an edit, several for a `resolved` choice between them. */
    parents: z.array(Id).max(16),
    /** The reviewer's stable id (see Reviewer). */
    author: Id,
    at: Timestamp,
    kind: z.enum(CLAIM_EVENT_KINDS),
    /** New values of the fields this event set (all of them for `created`). */
    set: ClaimFields.partial().strict(),
    /** The claim's words when it was made, so the history reads without the article. */
    quote: z.string().max(20_000).optional(),
    /** For `signed-off` only: the values approved. */
    signed: SignedValues.optional(),
    /** For an `edited` event that took its values from a claim of another review (see CopiedFrom). */
    copiedFrom: CopiedFrom.optional(),
  })
  .strict();
export type ClaimEvent = z.infer<typeof ClaimEvent>;
