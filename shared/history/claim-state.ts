/**
 * What a claim is, read from its event log. The state is a function of the set of events only
 * (not of who merged what into whom), which is what makes merging idempotent and
 * order-independent. Two branches that changed a field differently leave a conflict holding
 * both values until a reviewer chooses; nothing is dropped by picking a winner.
 */
import equal from 'fast-deep-equal';
import { CLAIM_FIELDS, type ClaimEvent, type ClaimField, type ClaimFields } from '../model/claim-history';
import { emptyClaimFields, type Evidence, type SignOff } from '../model/claim';

/** The event that last set a field on one branch. */
export interface FieldSource {
  eventId: string;
  author: string;
  at: string;
}

/** One of the values two branches gave a field. */
export interface ConflictOption extends FieldSource {
  value: ClaimFields[ClaimField];
}

export interface FieldConflict {
  field: ClaimField;
  /** At least two different values, latest first; the first is what the claim shows until someone chooses. */
  options: ConflictOption[];
}

export interface ClaimState {
  claimId: string;
  fields: ClaimFields;
  deleted: boolean;
  /** One branch deleted the claim after the other changed it: the claim was kept. */
  deletionOverridden?: FieldSource;
  createdAt: string;
  updatedAt: string;
  /** Events nothing follows yet; more than one means branches not joined by a choice. */
  heads: string[];
  conflicts: FieldConflict[];
  sources: Partial<Record<ClaimField, FieldSource>>;
  /** The sign-off the claim's latest sign-off event left, withdrawn or not (see signOffState); absent when none or taken back. */
  signOff?: SignOff;
}

/** The latest sign-off event in a state's past, and the sign-off it leaves (null: taken back). */
interface SignOffMark extends FieldSource {
  value: SignOff | null;
}

const EMPTY_FIELDS: ClaimFields = emptyClaimFields();

interface NodeState {
  fields: ClaimFields;
  deleted: boolean;
  deletionOverridden?: FieldSource;
  conflicts: Map<ClaimField, ConflictOption[]>;
  sources: Partial<Record<ClaimField, FieldSource>>;
  deleteSource?: FieldSource;
  signOff?: SignOffMark;
  /** The newest event in this state's past (for updatedAt and for ordering branches). */
  last: FieldSource;
}

const EMPTY_NODE: NodeState = { fields: EMPTY_FIELDS, deleted: false, conflicts: new Map(), sources: {}, last: { eventId: '', author: '', at: '' } };

const later = (left: FieldSource, right: FieldSource): number => right.at.localeCompare(left.at) || right.eventId.localeCompare(left.eventId);

function sourceOf(event: ClaimEvent): FieldSource {
  return { eventId: event.id, author: event.author, at: event.at };
}

function applyEvent(before: NodeState, event: ClaimEvent): NodeState {
  const source = sourceOf(event);
  const conflicts = new Map(before.conflicts);
  const sources = { ...before.sources };
  for (const field of Object.keys(event.set) as ClaimField[]) {
    // Setting a field is the reviewer's choice for it: any conflict on it is settled.
    conflicts.delete(field);
    sources[field] = source;
  }
  const next: NodeState = { ...before, fields: { ...before.fields, ...event.set }, conflicts, sources, last: later(before.last, source) <= 0 ? before.last : source };
  if (event.kind === 'signed-off' && event.signed) return { ...next, signOff: { ...source, value: { by: event.author, at: event.at, ...event.signed } } };
  // Only the signer takes a sign-off back; anyone else's withdrawal (a forged file) changes nothing.
  if (event.kind === 'sign-off-withdrawn' && before.signOff?.value?.by === event.author) return { ...next, signOff: { ...source, value: null } };
  if (event.kind === 'deleted') return { ...next, deleted: true, deleteSource: source };
  if (event.kind === 'restored' || event.kind === 'resolved') return { ...next, deleted: false, deletionOverridden: undefined };
  return next;
}

/** Three-way merge of a list keyed by item id (evidence): additions from both sides, removals of untouched items. */
function mergeEvidence(base: Evidence[], left: Evidence[], right: Evidence[]): Evidence[] | undefined {
  const baseById = new Map(base.map((item) => [item.id, item]));
  const leftById = new Map(left.map((item) => [item.id, item]));
  const rightById = new Map(right.map((item) => [item.id, item]));
  const merged: Evidence[] = [];
  for (const id of new Set([...leftById.keys(), ...rightById.keys(), ...baseById.keys()])) {
    const [was, l, r] = [baseById.get(id), leftById.get(id), rightById.get(id)];
    // Both sides changed one source: its parts merge one by one (a copy kept here, a note written there).
    const pick = mergeValue(was, l, r) === CONFLICT && was && l && r ? mergeEvidenceItem(was, l, r) : mergeValue(was, l, r);
    if (pick === CONFLICT) return undefined;
    if (pick !== undefined) merged.push(pick as Evidence);
  }
  return merged;
}

/** One source changed on both sides, merged part by part; a part changed differently on each side is a conflict. */
function mergeEvidenceItem(base: Evidence, left: Evidence, right: Evidence): Evidence | typeof CONFLICT {
  const merged: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)]) as Set<keyof Evidence>) {
    const value = mergeValue(base[key], left[key], right[key]);
    if (value === CONFLICT) return CONFLICT;
    if (value !== undefined) merged[key] = value;
  }
  return merged as Evidence;
}

function mergeTags(base: string[], left: string[], right: string[]): string[] {
  const keep = (tag: string): boolean => (left.includes(tag) && right.includes(tag)) || (!base.includes(tag) && (left.includes(tag) || right.includes(tag)));
  return [...new Set([...left, ...right])].filter(keep);
}

const CONFLICT = Symbol('conflict');

function mergeValue<T>(base: T, left: T, right: T): T | typeof CONFLICT {
  if (equal(left, right)) return left;
  if (equal(left, base)) return right;
  if (equal(right, base)) return left;
  return CONFLICT;
}

/** True when `state` holds work done since `base`: a field changed, or a sign-off given or taken back. */
function changedSince(base: NodeState, state: NodeState): boolean {
  return state.conflicts.size > 0 || base.signOff?.eventId !== state.signOff?.eventId || CLAIM_FIELDS.some((field) => !equal(base.fields[field], state.fields[field]));
}

/**
 * The sign-off after two branches join: the one branch that changed it, or the later of two.
 * Not a conflict to choose: whichever stands, signOffState then compares it with the merged
 * values, so a sign-off of values the other branch changed reads as withdrawn.
 */
function mergeSignOff(base: SignOffMark | undefined, left: SignOffMark | undefined, right: SignOffMark | undefined): SignOffMark | undefined {
  if (left?.eventId === right?.eventId || right?.eventId === base?.eventId) return left;
  if (left?.eventId === base?.eventId) return right;
  return later(left as SignOffMark, right as SignOffMark) <= 0 ? left : right;
}

function conflictOptions(state: NodeState, field: ClaimField): ConflictOption[] {
  const own = state.conflicts.get(field);
  if (own) return own;
  const source = state.sources[field] ?? state.last;
  return [{ ...source, value: state.fields[field] }];
}

/** Merges two branches given their last common state; `left` and `right` are in a fixed order. */
function mergeBranches(base: NodeState, left: NodeState, right: NodeState): NodeState {
  const fields = { ...left.fields } as Record<ClaimField, unknown>;
  const sources = { ...left.sources };
  const conflicts = new Map<ClaimField, ConflictOption[]>();
  for (const field of CLAIM_FIELDS) {
    const fromRight = (): void => {
      fields[field] = right.fields[field];
      if (right.sources[field]) sources[field] = right.sources[field];
    };
    if (!left.conflicts.has(field) && !right.conflicts.has(field)) {
      const picked = mergeValue(base.fields[field], left.fields[field], right.fields[field]);
      if (picked !== CONFLICT) {
        if (picked === right.fields[field] && picked !== left.fields[field]) fromRight();
        continue;
      }
      const combined = field === 'tags' ? mergeTags(base.fields.tags, left.fields.tags, right.fields.tags) : field === 'evidence' ? mergeEvidence(base.fields.evidence, left.fields.evidence, right.fields.evidence) : undefined;
      if (combined !== undefined) {
        fields[field] = combined;
        sources[field] = later(left.sources[field] ?? left.last, right.sources[field] ?? right.last) <= 0 ? (left.sources[field] ?? left.last) : (right.sources[field] ?? right.last);
        continue;
      }
    } else if (!right.conflicts.has(field) && equal(base.fields[field], right.fields[field])) {
      continue; // only the left branch touched it: its conflict stands as it is
    } else if (!left.conflicts.has(field) && equal(base.fields[field], left.fields[field])) {
      fromRight();
      conflicts.set(field, right.conflicts.get(field) as ConflictOption[]);
      continue;
    }
    const options: ConflictOption[] = [];
    for (const option of [...conflictOptions(left, field), ...conflictOptions(right, field)].sort(later)) {
      if (!options.some((known) => equal(known.value, option.value))) options.push(option);
    }
    fields[field] = options[0]?.value;
    conflicts.set(field, options);
  }
  let deleted = left.deleted && right.deleted;
  let deletionOverridden: FieldSource | undefined = left.deletionOverridden ?? right.deletionOverridden;
  if (left.deleted !== right.deleted) {
    const [gone, kept] = left.deleted ? [left, right] : [right, left];
    // A deletion stands only if the other side did not change the claim since they parted.
    if (changedSince(base, kept)) deletionOverridden = gone.deleteSource;
    else deleted = true;
  }
  const deleteSource = left.deleteSource ?? right.deleteSource;
  const signOff = mergeSignOff(base.signOff, left.signOff, right.signOff);
  return { fields: fields as ClaimFields, deleted, deletionOverridden: deleted ? undefined : deletionOverridden, conflicts, sources, deleteSource, ...(signOff ? { signOff } : {}), last: later(left.last, right.last) <= 0 ? left.last : right.last };
}

/** Folds one claim's events in an order that depends only on the events themselves. */
function foldClaim(claimId: string, events: ClaimEvent[]): ClaimState {
  const byId = new Map(events.map((event) => [event.id, event]));
  const parentsOf = (event: ClaimEvent): string[] => event.parents.filter((parent) => byId.has(parent));
  // Topological order, ties broken by time then id (Kahn's algorithm).
  const waiting = new Map(events.map((event) => [event.id, parentsOf(event).length]));
  const children = new Map<string, string[]>();
  for (const event of events) {
    for (const parent of parentsOf(event)) {
      const known = children.get(parent);
      if (known) known.push(event.id);
      else children.set(parent, [event.id]);
    }
  }
  const ready = events.filter((event) => waiting.get(event.id) === 0);
  const order: ClaimEvent[] = [];
  while (ready.length > 0) {
    ready.sort((left, right) => left.at.localeCompare(right.at) || left.id.localeCompare(right.id));
    const next = ready.shift() as ClaimEvent;
    order.push(next);
    for (const child of children.get(next.id) ?? []) {
      const left = (waiting.get(child) as number) - 1;
      waiting.set(child, left);
      if (left === 0) ready.push(byId.get(child) as ClaimEvent);
    }
  }
  const rank = new Map(order.map((event, index) => [event.id, index]));
  const ancestorCache = new Map<string, Set<string>>();
  const ancestors = (id: string): Set<string> => {
    const cached = ancestorCache.get(id);
    if (cached) return cached;
    const found = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      const event = byId.get(stack.pop() as string);
      for (const parent of event ? parentsOf(event) : []) {
        if (!found.has(parent)) {
          found.add(parent);
          stack.push(parent);
        }
      }
    }
    ancestorCache.set(id, found);
    return found;
  };
  const states = new Map<string, NodeState>();
  /** Joins branch heads: each step merges with the newest event both sides share. */
  const join = (heads: string[]): NodeState => {
    const sorted = [...heads].sort();
    let reach = new Set(ancestors(sorted[0] as string));
    let state = states.get(sorted[0] as string) as NodeState;
    for (const head of sorted.slice(1)) {
      const theirs = ancestors(head);
      const shared = [...reach].filter((id) => theirs.has(id)).sort((left, right) => (rank.get(right) as number) - (rank.get(left) as number));
      const base = shared[0] === undefined ? EMPTY_NODE : (states.get(shared[0]) as NodeState);
      state = mergeBranches(base, state, states.get(head) as NodeState);
      reach = new Set([...reach, ...theirs]);
    }
    return state;
  };
  for (const event of order) {
    const parents = parentsOf(event);
    const before = parents.length === 0 ? EMPTY_NODE : join(parents);
    states.set(event.id, applyEvent(before, event));
  }
  const heads = order.filter((event) => !children.has(event.id)).map((event) => event.id).sort();
  const final = heads.length > 0 ? join(heads) : EMPTY_NODE;
  const created = order.find((event) => event.kind === 'created') ?? order[0];
  return {
    claimId,
    fields: final.fields,
    deleted: final.deleted,
    ...(final.deletionOverridden ? { deletionOverridden: final.deletionOverridden } : {}),
    createdAt: created?.at ?? '',
    updatedAt: final.last.at,
    heads,
    conflicts: [...final.conflicts.entries()].map(([field, options]) => ({ field, options })).sort((left, right) => CLAIM_FIELDS.indexOf(left.field) - CLAIM_FIELDS.indexOf(right.field)),
    sources: final.sources,
    ...(final.signOff?.value ? { signOff: final.signOff.value } : {}),
  };
}

/** Every claim's state from a review's history, by claim id. */
export function claimStates(history: readonly ClaimEvent[]): Map<string, ClaimState> {
  const byClaim = new Map<string, ClaimEvent[]>();
  for (const event of history) {
    const events = byClaim.get(event.claimId);
    if (events) events.push(event);
    else byClaim.set(event.claimId, [event]);
  }
  return new Map([...byClaim.entries()].map(([claimId, events]) => [claimId, foldClaim(claimId, events)]));
}

/** The state of one claim, or undefined when its history is empty. */
export function claimState(history: readonly ClaimEvent[], claimId: string): ClaimState | undefined {
  const events = history.filter((event) => event.claimId === claimId);
  return events.length > 0 ? foldClaim(claimId, events) : undefined;
}
