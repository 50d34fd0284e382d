/**
 * Merging a share file into this copy of its review. The claims' histories are joined (a union
 * of events) and each claim becomes what its joined history says; claims new to this copy are
 * re-anchored into this copy's text. This copy's article text is never changed by a merge.
 */
import { readArticleText } from '../article/claim-spans';
import { removeClaimMarks } from '../article/mark-text-range';
import { claimStates, type ClaimState, type FieldSource } from '../history/claim-state';
import { changedFields, unionHistories } from '../history/record-edits';
import { changedSinceSignOff, namedFields } from '../history/sign-offs';
import type { ArticleDoc } from '../model/article-doc';
import { CLAIM_FIELD_LABELS, CLAIM_FIELDS, type ClaimField } from '../model/claim-history';
import type { AttentionWhy } from '../model/attention-why';
import type { Claim, ClaimAttention } from '../model/claim';
import { signOffState } from '../model/sign-off';
import type { Review } from '../model/review';
import { reviewerLabel, type Reviewer } from '../model/reviewer';
import type { ClaimNote, ConflictNote, MergeReport } from './merge-report';
import { placeClaims } from './claim-anchors';
import { agreementBetween } from './agreement';
import type { ShareFileContent } from './share-file-schema';
import equal from 'fast-deep-equal';

/** Reviewers of both lists; a name given later (this copy's list last) wins. */
export function unionReviewers(local: readonly Reviewer[], incoming: readonly Reviewer[]): Reviewer[] {
  const byId = new Map<string, Reviewer>();
  for (const reviewer of [...incoming, ...local]) {
    const known = byId.get(reviewer.id);
    byId.set(reviewer.id, known && !reviewer.name ? known : reviewer);
  }
  return [...byId.values()];
}

/** The claims with unresolved conflicts in `review`, as the merge view shows them. */
export function conflictNotes(review: Pick<Review, 'history' | 'reviewers' | 'claims'>, quotes: ReadonlyMap<string, string>, states = claimStates(review.history)): ConflictNote[] {
  const nameOf = (id: string): string => reviewerLabel(review.reviewers.find((reviewer) => reviewer.id === id));
  const live = new Set(review.claims.map((claim) => claim.id));
  return [...states.values()]
    .filter((state) => state.conflicts.length > 0 && !state.deleted && live.has(state.claimId))
    .map((state) => ({
      claimId: state.claimId,
      quote: quotes.get(state.claimId) ?? '',
      fields: state.conflicts.map(({ field, options }) => ({
        field,
        options: options.map((option) => ({ value: option.value, author: option.author, authorName: nameOf(option.author), at: option.at })),
      })),
    }));
}

/** The newest event that set one of the claim's fields. */
function latestSource(state: ClaimState): FieldSource | undefined {
  return Object.values(state.sources).sort((left, right) => right.at.localeCompare(left.at))[0];
}

function claimFromState(state: ClaimState, previous: Claim | undefined): Claim {
  // Same values: keep the record as it is (its updatedAt is this copy's clock, not the event's).
  if (previous && CLAIM_FIELDS.every((field) => equal(previous[field], state.fields[field])) && equal(previous.signOff, state.signOff)) return previous;
  const { signOff: _previousSignOff, ...kept } = previous ?? {};
  return {
    ...kept,
    id: state.claimId,
    ...state.fields,
    ...(state.signOff ? { signOff: state.signOff } : {}),
    createdAt: previous?.createdAt ?? state.createdAt,
    updatedAt: state.updatedAt || (previous?.updatedAt ?? state.createdAt),
  };
}

/**
 * What a merge needs of the other copy: its history, reviewers, anchored claims and article text;
 * with its rating scale (a share file's), the merge also measures how the two copies' verdicts agree.
 */
export type MergeSource = Pick<ShareFileContent, 'history' | 'reviewers' | 'claims'> & Partial<Pick<ShareFileContent, 'scale'>> & { article: Pick<ShareFileContent['article'], 'text'> };

/** Sign-offs the merge brought and sign-offs that no longer hold after it, claim by claim. */
function signOffNotes(
  before: ReadonlyMap<string, Claim>,
  after: readonly Claim[],
  note: (claimId: string, detail: string) => ClaimNote,
  nameOf: (reviewerId: string | undefined) => string,
): Pick<MergeReport, 'signedOff' | 'signOffWithdrawn'> {
  const notes: Pick<MergeReport, 'signedOff' | 'signOffWithdrawn'> = { signedOff: [], signOffWithdrawn: [] };
  for (const claim of after) {
    const previous = before.get(claim.id);
    const [was, now] = [previous ? signOffState(previous) : 'none', signOffState(claim)];
    if (was === now && equal(previous?.signOff, claim.signOff)) continue;
    if (now === 'signed') notes.signedOff.push(note(claim.id, `Signed off by ${nameOf(claim.signOff?.by)}.`));
    else if (now === 'withdrawn')
      notes.signOffWithdrawn.push(
        note(claim.id, `${nameOf(claim.signOff?.by)}’s sign-off no longer holds: ${namedFields(changedSinceSignOff(claim))} changed after it was given. It needs a new sign-off.`),
      );
    else if (was === 'signed') notes.signOffWithdrawn.push(note(claim.id, `${nameOf(previous?.signOff?.by)} withdrew the sign-off.`));
  }
  return notes;
}

/**
 * This copy with `incoming` merged in, and what happened to each claim. Pure: the caller decides
 * whether to store the result (a preview stores nothing).
 */
export function mergeShare(local: Review, incoming: MergeSource): { review: Review; report: MergeReport } {
  const { history, added: newEvents } = unionHistories(local.history, incoming.history);
  const reviewers = unionReviewers(local.reviewers, incoming.reviewers);
  const nameOf = (source: Pick<FieldSource, 'author'> | undefined): string => reviewerLabel(reviewers.find((reviewer) => reviewer.id === source?.author));
  const nameOfId = (reviewerId: string | undefined): string => nameOf(reviewerId === undefined ? undefined : { author: reviewerId });
  const states = claimStates(history);
  const localText = readArticleText(local.doc);
  const quotes = new Map(localText.spans.map((span) => [span.claimId, span.quote]));
  const localById = new Map(local.claims.map((claim) => [claim.id, claim]));
  const incomingById = new Map(incoming.claims.map((claim) => [claim.id, claim]));
  for (const claim of incoming.claims) if (!quotes.has(claim.id) && claim.anchor) quotes.set(claim.id, claim.anchor.quote.exact);
  const quoteOf = (claimId: string): string => quotes.get(claimId) ?? localById.get(claimId)?.attention?.quote ?? incomingById.get(claimId)?.attention?.quote ?? '';

  const report: MergeReport = {
    reviewId: local.id,
    title: local.title,
    textChanged: incoming.article.text !== localText.text,
    added: [],
    updated: [],
    conflicts: [],
    orphaned: [],
    flagged: [],
    deleted: [],
    kept: [],
    unchanged: 0,
    newEvents,
    signedOff: [],
    signOffWithdrawn: [],
    agreement: null,
  };
  const note = (claimId: string, detail: string, why?: AttentionWhy): ClaimNote => ({ claimId, quote: quoteOf(claimId), detail, ...(why ? { why } : {}) });
  const claims: Claim[] = [];
  const removed = new Set<string>();
  const toPlace: Claim[] = [];
  const deleters = new Map(history.filter((event) => event.kind === 'deleted').map((event) => [event.claimId, event]));

  for (const claim of local.claims) {
    const state = states.get(claim.id);
    if (!state) {
      claims.push(claim); // no history: untouched by any merge
      continue;
    }
    if (state.deleted) {
      removed.add(claim.id);
      report.deleted.push(note(claim.id, `Deleted by ${nameOf(deleters.get(claim.id))}.`));
      continue;
    }
    const next = claimFromState(state, claim);
    if (equal(next, claim)) report.unchanged++;
    else {
      const changed = Object.keys(changedFields(claim, next)) as ClaimField[];
      const authors = [...new Set(changed.map((field) => nameOf(state.sources[field])))];
      // A claim whose only news is a sign-off is listed with the sign-offs.
      if (changed.length > 0) report.updated.push(note(claim.id, `${changed.map((field) => CLAIM_FIELD_LABELS[field]).join(', ')} changed by ${authors.join(' and ')}.`));
    }
    claims.push(next);
  }
  for (const state of states.values()) {
    if (localById.has(state.claimId) || state.deleted) continue;
    const claim = claimFromState(state, incomingById.get(state.claimId));
    toPlace.push(claim);
  }

  let doc: ArticleDoc = removed.size > 0 ? (removeClaimMarks(local.doc, (claimId) => !removed.has(claimId)) as ArticleDoc) : local.doc;
  if (toPlace.length > 0) {
    const placed = placeClaims(
      doc,
      toPlace.map((claim) => ({ claimId: claim.id, anchor: incomingById.get(claim.id)?.anchor ?? null, ...(claim.attention ? { attention: claim.attention } : {}) })),
      incoming.article.text,
    );
    doc = placed.doc as ArticleDoc;
    for (const claim of toPlace) {
      const state = states.get(claim.id);
      // A claim deleted here comes back because the other copy worked on it afterwards: say so.
      const deletedBy = state?.deletionOverridden ? nameOf(state.deletionOverridden) : '';
      const changedBy = state?.deletionOverridden ? nameOf(latestSource(state)) : '';
      const restored: ClaimAttention | undefined = state?.deletionOverridden
        ? {
            kind: 'restored',
            quote: quoteOf(claim.id),
            detail: `Deleted by ${deletedBy}, but ${changedBy} changed it afterwards, so it was kept. Delete it again if it should go.`,
            why: { code: 'merge-kept', deletedBy: deletedBy.slice(0, 2_000), changedBy: changedBy.slice(0, 2_000) },
          }
        : undefined;
      const attention = placed.attention.get(claim.id) ?? restored;
      const { attention: _previous, ...rest } = claim;
      claims.push(attention ? { ...rest, attention } : rest);
      if (attention?.kind === 'orphan') report.orphaned.push(note(claim.id, attention.detail, attention.why));
      else if (attention === restored && restored) report.kept.push(note(claim.id, restored.detail, restored.why));
      else {
        report.added.push(note(claim.id, 'New from the other copy.'));
        if (attention) report.flagged.push(note(claim.id, attention.detail, attention.why));
      }
    }
  }
  for (const state of states.values()) {
    if (state.deletionOverridden && localById.has(state.claimId)) report.kept.push(note(state.claimId, `Deleted by ${nameOf(state.deletionOverridden)}, but changed here afterwards, so it was kept.`));
  }
  // updatedAt is left to the caller, which knows the time of the merge.
  const review: Review = { ...local, doc, claims, history, reviewers };
  report.conflicts = conflictNotes(review, quotes, states);
  Object.assign(report, signOffNotes(localById, claims, note, nameOfId));
  const scale = local.scale ?? incoming.scale;
  if (incoming.scale && scale) {
    const merged = readArticleText(doc);
    report.agreement = agreementBetween({ here: local, theirs: incoming, merged: { history, text: merged.text, spans: merged.spans }, scale, quoteOf, nameOf: nameOfId });
  }
  return { review, report };
}
