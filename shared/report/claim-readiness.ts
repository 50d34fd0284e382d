/**
 * Whether one claim is ready to be published, and if not, why: the newsroom's rules as machine
 * kinds (for the interface to act on) each with a sentence from the report catalogue.
 */
import { z } from 'zod';
import type { Claim } from '../model/claim';
import type { ClaimField } from '../model/claim-history';
import { Id } from '../model/primitives';
import type { Verdict } from '../model/rating-scale';
import { signOffState } from '../model/sign-off';
import type { ReportWords } from './report-words';

/**
 * `unplaced`: its words are not in the article (a merge's orphan, deleted words); `flagged`: a
 * merge or an edit asks for a look; `conflict`: two versions of a field not settled;
 * `not-signed-off`: the newsroom requires an editor's sign-off and none from someone other than
 * the claim's author holds; `sign-off-withdrawn`: it was signed, then changed.
 */
export const UNFINISHED_KINDS = ['no-verdict', 'no-rationale', 'not-reviewed', 'unplaced', 'flagged', 'conflict', 'not-signed-off', 'sign-off-withdrawn'] as const;
export const UnfinishedKind = z.enum(UNFINISHED_KINDS);
export type UnfinishedKind = z.infer<typeof UnfinishedKind>;

/** One thing a claim still needs, and the sentence that says it. */
export const UnfinishedReason = z.object({ kind: UnfinishedKind, message: z.string() });
export type UnfinishedReason = z.infer<typeof UnfinishedReason>;

/** A claim that is not ready to publish, with everything it still needs. */
export const UnfinishedClaim = z.object({
  number: z.number().int().positive(),
  claimId: Id,
  quote: z.string(),
  /** False when its words are not in the article. */
  placed: z.boolean(),
  reasons: z.array(UnfinishedReason).min(1),
});
export type UnfinishedClaim = z.infer<typeof UnfinishedClaim>;

/** What is known of a claim beyond its own record. */
export interface ClaimStanding {
  claim: Claim;
  /** Its verdict on the review's scale; undefined when unrated (or rated with a verdict the scale no longer has). */
  verdict: Verdict | undefined;
  placed: boolean;
  /** Fields with two versions not settled yet. */
  conflicts: readonly ClaimField[];
  /** The reviewer id of the claim's author (claimAuthor), when its history names one. */
  author: string | undefined;
  /** The newsroom's rule that someone other than the author signs a claim off (Publisher.signOffRequired). */
  signOffRequired: boolean;
}

/** What `standing.claim` still needs before it is published, in `words`' language; [] when it is ready. */
export function unfinishedReasons(standing: ClaimStanding, words: Pick<ReportWords, 't' | 'list'>): UnfinishedReason[] {
  const { claim } = standing;
  const { t } = words;
  const reasons: UnfinishedReason[] = [];
  const add = (kind: UnfinishedKind, message: string) => reasons.push({ kind, message });
  if (!standing.verdict) add('no-verdict', t('ready.no-verdict'));
  if (claim.rationale.trim() === '') add('no-rationale', t('ready.no-rationale'));
  if (claim.status !== 'reviewed') add('not-reviewed', t('ready.not-reviewed'));
  if (!standing.placed) add('unplaced', t('ready.unplaced'));
  // An orphan's flag says only that it is not placed, which `unplaced` already tells.
  if (claim.attention && claim.attention.kind !== 'orphan') add('flagged', t(`ready.flagged-${claim.attention.kind}`));
  if (standing.conflicts.length > 0) {
    add('conflict', t('ready.conflict', { fields: words.list(standing.conflicts.map((field) => t(`field.${field}`))) }));
  }
  if (standing.signOffRequired) {
    const state = signOffState(claim);
    if (state === 'withdrawn') add('sign-off-withdrawn', t('ready.sign-off-withdrawn'));
    else if (state === 'none') add('not-signed-off', t('ready.not-signed-off'));
    // A sign-off is an editor's second look: the author approving their own work is not one.
    else if (standing.author !== undefined && claim.signOff?.by === standing.author) add('not-signed-off', t('ready.self-signed'));
  }
  return reasons;
}
