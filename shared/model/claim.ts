/** A claim under check: the verdict and everything a reviewer records about it. */
import { z } from 'zod';
import { Id, LongText, OptionalDate, OptionalHttpUrl, ShortText, Timestamp } from './primitives';
import { EvidenceCopy } from './evidence-copy';
import { AttentionWhy } from './attention-why';

/** How a source bears on the claim; `unset` until the reviewer says (a new source assumes nothing). */
export const EVIDENCE_STANCES = ['unset', 'supports', 'refutes', 'context'] as const;
export const EvidenceStance = z.enum(EVIDENCE_STANCES);
export type EvidenceStance = z.infer<typeof EvidenceStance>;

/**
 * A source consulted for a claim: a web address, or a file the reviewer attached (then `url` is ''
 * and `copy` is the attached file: an item never has neither). Files from before copies were kept
 * have no `copy` and always an address.
 */
export const Evidence = z
  .object({
    id: Id,
    url: OptionalHttpUrl,
    title: ShortText,
    note: LongText,
    stance: EvidenceStance,
    /** The day the reviewer read the source (`YYYY-MM-DD`), as citation styles ask. */
    accessedAt: OptionalDate,
    /** The copy kept in the data folder (see evidence-copy), when one was kept or the item is an attached file. */
    copy: EvidenceCopy.optional(),
  })
  .refine((item) => item.url !== '' || item.copy?.kind === 'file', { message: 'needs a web address (only an attached file has none)', path: ['url'] });
export type Evidence = z.infer<typeof Evidence>;

/**
 * Source `item` moved to web address `url`. A page copy was kept of the old address and does not
 * show the new one, so it is dropped; an attached file stays, it is not tied to an address.
 */
export function evidenceAtAddress(item: Evidence, url: string): Evidence {
  if (url === item.url) return item;
  const { copy, ...rest } = item;
  return copy?.kind === 'page' ? { ...rest, url } : { ...item, url };
}

/** True when `item` is a file the reviewer attached, with no web address of its own. */
export function isAttachedFile(item: Evidence): item is Evidence & { copy: Extract<EvidenceCopy, { kind: 'file' }> } {
  return item.copy?.kind === 'file';
}

/** The most sources one claim lists (the schema's limit, which a copy between claims must keep too). */
export const MAX_EVIDENCE_ITEMS = 500;

export const CLAIM_STATUSES = ['to-check', 'in-progress', 'reviewed'] as const;
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/**
 * Why a claim needs a reviewer's eye after a merge: it could not be found in this copy's text
 * (orphan), it was found elsewhere (moved) or on edited words (changed), or it was kept although
 * someone deleted it (restored). Cleared when the reviewer confirms or places it.
 */
export const ClaimAttention = z
  .object({
    kind: z.enum(['orphan', 'moved', 'changed', 'restored']),
    /** The claim's words as the other copy had them. */
    quote: z.string().max(20_000),
    /** What happened, in an English sentence (reports, the command line, older versions read it). */
    detail: z.string().max(2_000),
    /** What happened, as data the interface words in its own language; absent in older files. */
    why: AttentionWhy.optional(),
  })
  .strict();
export type ClaimAttention = z.infer<typeof ClaimAttention>;

/** Why a claim needs a look, in a few words, as lists and reports say it. */
export const CLAIM_ATTENTION_LABELS: Record<ClaimAttention['kind'], string> = {
  orphan: 'Not placed',
  moved: 'Moved: check the place',
  changed: 'Words edited: check',
  restored: 'Kept after a deletion',
};

/** A claim summary as a reviewer writes it (see Claim.summary). */
export const ClaimSummary = z.string().max(300);

/**
 * An editor's sign-off on a claim: who approved it, when, and exactly what they approved. It holds
 * only while the claim still says what was signed; a later change to the verdict, rationale or
 * summary withdraws it visibly without deleting it (see sign-off.ts).
 */
export const SignOff = z
  .object({
    /** The signing reviewer's stable id (see Reviewer). */
    by: Id,
    at: Timestamp,
    /** The values signed, word for word. */
    verdictId: z.string().max(40).nullable(),
    rationale: LongText,
    summary: ClaimSummary,
  })
  .strict();
export type SignOff = z.infer<typeof SignOff>;

/**
 * A claim's record. Where it sits in the article is not stored here: the article
 * document carries a claim mark with this id, so positions follow every edit.
 */
export const Claim = z.object({
  id: Id,
  /**
   * The claim's permanent number in its review, from 1 (see claim-numbers): published links are
   * built from it. Absent only in files from before numbers and in a claim not yet saved.
   */
  number: z.number().int().positive().max(10_000_000).optional(),
  /** The neutral statement being checked, as a fact-check states it (ClaimReview's claimReviewed); '' when not written. */
  summary: ClaimSummary.default(''),
  /** A verdict id of the review's rating scale, or null while unrated. */
  verdictId: z.string().max(40).nullable(),
  rationale: LongText,
  claimant: ShortText,
  claimDate: OptionalDate,
  /** Where the claim was made (a speech, a post), if not the article itself. */
  appearanceUrl: OptionalHttpUrl,
  status: ClaimStatus,
  tags: z.array(z.string().min(1).max(60)).max(50),
  evidence: z.array(Evidence).max(MAX_EVIDENCE_ITEMS),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  attention: ClaimAttention.optional(),
  /** The last sign-off given to this claim, withdrawn or not (see sign-off.ts). */
  signOff: SignOff.optional(),
});
export type Claim = z.infer<typeof Claim>;

/** What a reviewer records about a claim, as it is before they record anything. */
export function emptyClaimFields(): Omit<Claim, 'id' | 'number' | 'createdAt' | 'updatedAt' | 'attention' | 'signOff'> {
  return { summary: '', verdictId: null, rationale: '', claimant: '', claimDate: '', appearanceUrl: '', status: 'to-check', tags: [], evidence: [] };
}

/** A new, empty claim record with the given id, made at `now`. */
export function newClaim(id: string, now: string): Claim {
  return { id, ...emptyClaimFields(), createdAt: now, updatedAt: now };
}
