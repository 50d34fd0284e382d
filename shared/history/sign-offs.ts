/**
 * Editorial sign-offs as claim histories hold them: the events that give and take back a
 * sign-off, the rule for who may give one, and each claim record's sign-off read from its history
 * (so a record never carries a sign-off its history does not, whatever a window or file says).
 */
import equal from 'fast-deep-equal';
import type { Claim, SignOff } from '../model/claim';
import { CLAIM_FIELD_LABELS, type ClaimEvent } from '../model/claim-history';
import type { Review } from '../model/review';
import { claimAuthor } from './claim-author';
import { claimStates, type ClaimState } from './claim-state';

/** The fields a sign-off approves; a later change to any of them withdraws it. */
export const SIGNED_FIELDS = ['verdictId', 'rationale', 'summary'] as const;
export type SignedField = (typeof SIGNED_FIELDS)[number];

const SIGN_OFF_KINDS: ReadonlySet<ClaimEvent['kind']> = new Set(['signed-off', 'sign-off-withdrawn']);

/** The sign-off each claim's history leaves, for the claims whose history has a sign-off event. */
export function signOffsOf(history: readonly ClaimEvent[]): Map<string, SignOff | undefined> {
  const signed = new Set(history.filter((event) => SIGN_OFF_KINDS.has(event.kind)).map((event) => event.claimId));
  if (signed.size === 0) return new Map();
  const states = claimStates(history.filter((event) => signed.has(event.claimId)));
  return new Map([...states.entries()].map(([claimId, state]) => [claimId, state.signOff]));
}

/**
 * `claims` with each one's sign-off as its history says; the same array when nothing differs.
 * Reading only the claims that have sign-off events keeps this cheap enough for every save.
 */
export function withHistorySignOffs(claims: Claim[], history: readonly ClaimEvent[]): Claim[] {
  const signOffs = signOffsOf(history);
  if (signOffs.size === 0 && claims.every((claim) => claim.signOff === undefined)) return claims;
  let changed = false;
  const next = claims.map((claim) => {
    const signOff = signOffs.get(claim.id);
    if (equal(signOff, claim.signOff)) return claim;
    changed = true;
    const { signOff: _unproven, ...rest } = claim;
    return signOff ? { ...rest, signOff } : rest;
  });
  return changed ? next : claims;
}

/** The signed fields whose value is no longer what the sign-off approved (empty while it holds). */
export function changedSinceSignOff(claim: Pick<Claim, 'signOff' | SignedField>): SignedField[] {
  const { signOff } = claim;
  return signOff ? SIGNED_FIELDS.filter((field) => signOff[field] !== claim[field]) : [];
}

/** "the verdict", "the verdict and the rationale": the changed fields as a sentence names them. */
export function namedFields(fields: readonly SignedField[]): string {
  const names = fields.map((field) => `the ${CLAIM_FIELD_LABELS[field].toLowerCase()}`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) as string}`;
}

/** Said to the reviewer who set a claim's verdict or rationale and tries to sign it off. */
export const OWN_VERDICT_REFUSAL = 'You set this verdict; a sign-off must come from another reviewer. Share the review with your editor.';

/**
 * Why `reviewerId` may not sign off `claim` now, in one sentence, or null when they may: the claim
 * needs a verdict, no open choice between two versions of what is signed, and a signer other than
 * its author (claimAuthor).
 */
export function signOffRefusal(input: { claim: Pick<Claim, 'verdictId'>; conflicts: readonly { field: string }[]; author: string | undefined; reviewerId: string }): string | null {
  if (input.claim.verdictId === null) return 'This claim has no verdict yet; a sign-off approves a verdict, so rate the claim first.';
  const open = SIGNED_FIELDS.find((field) => input.conflicts.some((conflict) => conflict.field === field));
  if (open) return `This claim has two versions of its ${CLAIM_FIELD_LABELS[open].toLowerCase()}; choose one under Needs attention before signing off.`;
  if (input.author === input.reviewerId) return OWN_VERDICT_REFUSAL;
  return null;
}

/** Why a sign-off cannot be taken back by `reviewerId`, or null when it can. */
export function withdrawalRefusal(claim: Pick<Claim, 'signOff'>, reviewerId: string): string | null {
  if (!claim.signOff) return 'This claim has no sign-off to withdraw.';
  if (claim.signOff.by !== reviewerId) return 'Only the reviewer who signed this claim off can withdraw the sign-off.';
  return null;
}

interface SignOffChange {
  review: Pick<Review, 'claims' | 'history'>;
  claimId: string;
  reviewerId: string;
  now: Date;
  newId: () => string;
}

/** The claim and its state, or the reason they cannot be found (the claim was deleted meanwhile). */
function claimAndState(input: SignOffChange): { claim: Claim; state: ClaimState } | string {
  const claim = input.review.claims.find((candidate) => candidate.id === input.claimId);
  const state = claim ? claimStates(input.review.history.filter((event) => event.claimId === input.claimId)).get(input.claimId) : undefined;
  if (!claim || !state || state.deleted) return 'That claim is not in this review any more; reload the review.';
  return { claim, state };
}

/**
 * The history with `reviewerId`'s sign-off of the claim as it reads now, or the reason it is
 * refused. Signing what one already signed adds nothing.
 */
export function signOffHistory(input: SignOffChange): { history: ClaimEvent[] } | { refusal: string } {
  const found = claimAndState(input);
  if (typeof found === 'string') return { refusal: found };
  const { claim, state } = found;
  const refusal = signOffRefusal({ claim, conflicts: state.conflicts, author: claimAuthor(input.review, claim.id), reviewerId: input.reviewerId });
  if (refusal) return { refusal };
  const signed = { verdictId: claim.verdictId, rationale: claim.rationale, summary: claim.summary };
  if (state.signOff?.by === input.reviewerId && changedSinceSignOff({ ...signed, signOff: state.signOff }).length === 0) return { history: [...input.review.history] };
  const event: ClaimEvent = { id: input.newId(), claimId: claim.id, parents: state.heads, author: input.reviewerId, at: input.now.toISOString(), kind: 'signed-off', set: {}, signed };
  return { history: [...input.review.history, event] };
}

/** The history with the signer's sign-off of the claim taken back, or the reason it is refused. */
export function withdrawalHistory(input: SignOffChange): { history: ClaimEvent[] } | { refusal: string } {
  const found = claimAndState(input);
  if (typeof found === 'string') return { refusal: found };
  const { claim, state } = found;
  const refusal = withdrawalRefusal({ signOff: state.signOff }, input.reviewerId);
  if (refusal) return { refusal };
  const event: ClaimEvent = { id: input.newId(), claimId: claim.id, parents: state.heads, author: input.reviewerId, at: input.now.toISOString(), kind: 'sign-off-withdrawn', set: {} };
  return { history: [...input.review.history, event] };
}
