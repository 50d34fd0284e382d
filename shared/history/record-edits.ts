/**
 * Turns a save (the claims before and after) into history events by the reviewer who saved.
 * Autosave runs every few hundred milliseconds while someone types, so the reviewer's own newest
 * event is amended for a while instead of adding one per keystroke, but only until the review is
 * shared or read by another window: an event another copy or window may hold is never rewritten.
 */
import equal from 'fast-deep-equal';
import type { Claim } from '../model/claim';
import { CLAIM_FIELDS, type ClaimEvent, type ClaimFields, type CopiedFrom } from '../model/claim-history';
import { claimStates } from './claim-state';

/** Edits by one reviewer closer together than this become one event. */
export const AMEND_WINDOW_MS = 10 * 60 * 1000;

export interface RecordEditsInput {
  history: readonly ClaimEvent[];
  before: readonly Claim[];
  after: readonly Claim[];
  author: string;
  now: Date;
  newId: () => string;
  /** Events at or before this time are sealed (shared, or read by another window): never amended. */
  sealedUntil?: string;
  /** The words of a claim, for its `created` event; asked only when a claim is new to the history. */
  quoteOf?: (claimId: string) => string | undefined;
  /**
   * Claims whose change in this save was taken from a claim of another review: each gets an event
   * of its own saying so, never folded into (or later amended by) the reviewer's own edits.
   */
  copiedFrom?: ReadonlyMap<string, CopiedFrom>;
}

/** The fields of a claim as an event records them. */
export function fieldsOf(claim: Claim): ClaimFields {
  const { summary, verdictId, rationale, claimant, claimDate, appearanceUrl, status, tags, evidence } = claim;
  return { summary, verdictId, rationale, claimant, claimDate, appearanceUrl, status, tags, evidence };
}

/** The values that differ between two records of a claim, as an event's `set`. */
export function changedFields(before: Claim | ClaimFields, after: Claim): Partial<ClaimFields> {
  return Object.fromEntries(CLAIM_FIELDS.filter((field) => !equal(before[field], after[field])).map((field) => [field, after[field]]));
}

/** The first event of a claim's history: everything it holds now. */
function createdEvent(claim: Claim, input: Pick<RecordEditsInput, 'author' | 'newId' | 'quoteOf'>, at: string): ClaimEvent {
  // The event schema bounds a quote; a claim over more text keeps its start.
  const quote = input.quoteOf?.(claim.id)?.slice(0, 20_000);
  return { id: input.newId(), claimId: claim.id, parents: [], author: input.author, at, kind: 'created', set: fieldsOf(claim), ...(quote ? { quote } : {}) };
}

/** The history after the save: the old events, some of the author's unshared ones amended, and new ones. */
export function recordEdits(input: RecordEditsInput): ClaimEvent[] {
  const at = input.now.toISOString();
  const beforeById = new Map(input.before.map((claim) => [claim.id, claim]));
  const afterById = new Map(input.after.map((claim) => [claim.id, claim]));
  const touched = new Map<string, Partial<ClaimFields> | 'deleted' | 'created'>();
  for (const claim of input.after) {
    const previous = beforeById.get(claim.id);
    if (!previous) touched.set(claim.id, 'created');
    else if (previous.updatedAt !== claim.updatedAt || !equal(previous, claim)) {
      const changed = changedFields(previous, claim);
      if (Object.keys(changed).length > 0) touched.set(claim.id, changed);
    }
  }
  for (const claim of input.before) if (!afterById.has(claim.id)) touched.set(claim.id, 'deleted');
  if (touched.size === 0) return [...input.history];

  const relevant = input.history.filter((event) => touched.has(event.claimId));
  const states = claimStates(relevant);
  const eventById = new Map(relevant.map((event) => [event.id, event]));
  const eventsByClaim = new Map<string, ClaimEvent[]>();
  for (const event of relevant) {
    const events = eventsByClaim.get(event.claimId);
    if (events) events.push(event);
    else eventsByClaim.set(event.claimId, [event]);
  }
  const replaced = new Map<string, ClaimEvent | null>();
  const added: ClaimEvent[] = [];
  const isOwnUnshared = (event: ClaimEvent): boolean =>
    event.author === input.author && event.at > (input.sealedUntil ?? '') && input.now.getTime() - Date.parse(event.at) < AMEND_WINDOW_MS;
  // An event that says where its values came from keeps saying only that: later typing goes into a new event.
  const isAmendable = (event: ClaimEvent): boolean => (event.kind === 'created' || event.kind === 'edited') && event.copiedFrom === undefined && isOwnUnshared(event);

  for (const [claimId, change] of touched) {
    const state = states.get(claimId);
    const claim = afterById.get(claimId) ?? beforeById.get(claimId);
    if (change === 'created' && state) {
      // A deleted claim brought back (undo after a save) continues its history.
      if (state.deleted && claim) {
        added.push({ id: input.newId(), claimId, parents: state.heads, author: input.author, at, kind: 'restored', set: changedFields(state.fields, claim) });
      }
      continue;
    }
    const copiedFrom = input.copiedFrom?.get(claimId);
    if (copiedFrom && claim && typeof change === 'object') {
      // A claim from before histories were kept first gets its history as it was, then the copy.
      const before = beforeById.get(claimId);
      const created = !state && before ? createdEvent(before, input, at) : undefined;
      if (created) added.push(created);
      const parents = created ? [created.id] : (state?.heads ?? []);
      added.push({ id: input.newId(), claimId, parents, author: input.author, at, kind: 'edited', set: change, copiedFrom });
      continue;
    }
    if (!state || change === 'created') {
      // A claim made before histories were kept starts its history with what it is now.
      if (change !== 'deleted' && claim) added.push(createdEvent(claim, input, at));
      continue;
    }
    const events = eventsByClaim.get(claimId) ?? [];
    if (change === 'deleted') {
      // Deleting a claim nobody else has seen leaves no trace to merge.
      if (events.every(isOwnUnshared)) for (const event of events) replaced.set(event.id, null);
      else added.push({ id: input.newId(), claimId, parents: state.heads, author: input.author, at, kind: 'deleted', set: {} });
      continue;
    }
    const head = state.heads.length === 1 ? eventById.get(state.heads[0] as string) : undefined;
    if (head && isAmendable(head)) {
      replaced.set(head.id, { ...head, at, set: { ...head.set, ...change } });
    } else {
      added.push({ id: input.newId(), claimId, parents: state.heads, author: input.author, at, kind: 'edited', set: change });
    }
  }
  const kept: ClaimEvent[] = [];
  for (const event of input.history) {
    const replacement = replaced.get(event.id);
    if (replacement === undefined) kept.push(event);
    else if (replacement !== null) kept.push(replacement);
  }
  return [...kept, ...added];
}

/** One event for choosing between branches: it follows every head and sets the chosen values. */
export function resolutionEvent(input: { claimId: string; heads: string[]; set: Partial<ClaimFields>; author: string; now: Date; newId: () => string }): ClaimEvent {
  return { id: input.newId(), claimId: input.claimId, parents: [...input.heads].sort(), author: input.author, at: input.now.toISOString(), kind: 'resolved', set: input.set };
}

/**
 * Both logs together. An event id seen twice with different content is one the author amended
 * before sharing; the later version is the one that stands.
 */
export function unionHistories(local: readonly ClaimEvent[], incoming: readonly ClaimEvent[]): { history: ClaimEvent[]; added: number } {
  const byId = new Map(local.map((event) => [event.id, event]));
  let added = 0;
  for (const event of incoming) {
    const known = byId.get(event.id);
    if (!known) {
      added++;
      byId.set(event.id, event);
    } else if (!equal(known, event) && (event.at > known.at || (event.at === known.at && JSON.stringify(event) > JSON.stringify(known)))) {
      byId.set(event.id, event);
    }
  }
  return { history: [...byId.values()], added };
}

/**
 * The history with a `created` event for every claim that has none yet (claims made before
 * histories were kept), each dated when its claim was made. `eventIdOf` names each claim's event; a stable name (from the claim id)
 * lets every copy that backfills the same claim agree on one event instead of two.
 */
export function backfillHistory(input: Pick<RecordEditsInput, 'history' | 'author' | 'quoteOf'> & { claims: readonly Claim[]; eventIdOf: (claimId: string) => string }): ClaimEvent[] {
  const known = new Set(input.history.map((event) => event.claimId));
  const missing = input.claims.filter((claim) => !known.has(claim.id));
  if (missing.length === 0) return [...input.history];
  // Dated when the claim was made: its first event is what it held then, as far as anyone knows.
  return [...input.history, ...missing.map((claim) => createdEvent(claim, { ...input, newId: () => input.eventIdOf(claim.id) }, claim.createdAt))];
}
