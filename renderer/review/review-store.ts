/**
 * The open review's state outside the document: claim records by id, the claims' places as
 * last read from the editor, the selected claim, and the save state. Positions are never
 * stored here for long: the document's claim marks are the truth, placements are derived.
 */
import { create } from 'zustand';
import { articleDetailsOf, type ArticleDetails } from '../../shared/model/article-details';
import { newClaim, type Claim } from '../../shared/model/claim';
import { localisedScale } from '../../shared/i18n/scale-words';
import { interfaceLanguage } from '../i18n/interface-i18n';
import { numberClaims } from '../../shared/model/claim-numbers';
import type { RatingScale } from '../../shared/model/rating-scale';
import type { Review } from '../../shared/model/review';
import { historyHasBranches } from '../../shared/history/linear-history';
import { conflictNotes } from '../../shared/share-file/merge-share';
import type { ConflictNote } from '../../shared/share-file/merge-report';

/** Where a claim sits in the editor document right now. */
export interface ClaimPlacement {
  claimId: string;
  from: number;
  to: number;
  quote: string;
}

/** True when `next` holds the same claims, in the same order, with the same words, as `current`. */
function samePlacedWords(current: readonly ClaimPlacement[], next: readonly ClaimPlacement[]): boolean {
  return current.length === next.length && next.every((placement, index) => current[index]?.claimId === placement.claimId && current[index]?.quote === placement.quote);
}

/**
 * Where the open review's changes are: on disk, waiting, being written, being merged with another
 * window's, or not written because saving failed (`retryAt`: when the next attempt starts, null
 * when only a new change or Save now tries again).
 */
export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'merging' }
  | { kind: 'failed'; message: string; retryAt: number | null };

/** The open review apart from its article and claims: the checked article's details, and its numbering. */
export interface ReviewMeta extends ArticleDetails {
  id: string;
  createdAt: string;
  /** The highest claim number given so far (see claim-numbers); a new claim here takes the next. */
  lastClaimNumber: number;
}

interface ReviewStoreState {
  meta: ReviewMeta | null;
  scale: RatingScale | null;
  claims: Record<string, Claim>;
  /** Claims the reviewer deleted this session: hidden, kept in memory so undo brings their fields back. */
  removedClaimIds: ReadonlySet<string>;
  placements: ClaimPlacement[];
  /**
   * False from `open` until the editor's placements are first read: until then no claim is known
   * to be placed, and none may be shown as detached (a long review would list thousands for a frame).
   */
  placementsRead: boolean;
  selectedClaimId: string | null;
  saveState: SaveState;
  /** Bumped on every change that must reach the disk; autosave watches it. */
  changeCount: number;
  /** Fields changed differently in two copies, by claim id, waiting for the reviewer's choice. */
  conflicts: Record<string, ConflictNote['fields']>;

  open(review: Review, scale: RatingScale): void;
  setMeta(meta: Partial<ArticleDetails>): void;
  addClaim(claim: Claim): void;
  /** Changes fields of a claim; `fromUndo` when the undo history puts values back (not a new step). */
  updateClaim(id: string, patch: ClaimPatch, options?: { fromUndo?: boolean }): void;
  removeClaim(id: string): void;
  selectClaim(id: string | null): void;
  setPlacements(placements: ClaimPlacement[]): void;
  documentChanged(): void;
  setSaveState(state: SaveState): void;
  /** Takes a claim as the service stored it after a choice between conflicting values. */
  conflictSettled(claim: Claim, remaining: ConflictNote['fields']): void;
  /** Takes the permanent numbers storage gave to claims (not a change of this window). */
  takeNumbers(numbers: Record<string, number>): void;
  /** Takes the claims of a review that came from storage (another window's work, merged); not a change of this window. */
  adoptStored(review: Review): void;
}

function conflictsOf(review: Review): Record<string, ConflictNote['fields']> {
  // Only joined branches conflict; folding every claim's log to find none cost ~200 ms at 5,000 claims.
  if (!historyHasBranches(review.history)) return {};
  // The store keeps which fields conflict; the words shown beside them come from the placements.
  return Object.fromEntries(conflictNotes(review, new Map()).map((note) => [note.claimId, note.fields]));
}

/** Fields of a claim a reviewer changes. */
export type ClaimPatch = Partial<Omit<Claim, 'id' | 'createdAt' | 'updatedAt'>>;

type ClaimEditListener = (claimId: string, before: ClaimPatch, after: ClaimPatch) => void;
const claimEditListeners = new Set<ClaimEditListener>();

/** Hears every field edit the reviewer makes (not those an undo puts back); returns the unsubscribe. */
export function onClaimEdit(listener: ClaimEditListener): () => void {
  claimEditListeners.add(listener);
  return () => claimEditListeners.delete(listener);
}

/** `claim` with the review's next claim number when it has none, and the meta that counts it. */
function withNextNumber(claim: Claim, meta: ReviewMeta | null): [Claim, ReviewMeta | null] {
  if (claim.number !== undefined || !meta) return [claim, meta];
  const number = meta.lastClaimNumber + 1;
  return [{ ...claim, number }, { ...meta, lastClaimNumber: number }];
}

function numberedNewClaims(added: Claim[], state: Pick<ReviewStoreState, 'claims' | 'meta'>): Pick<ReviewStoreState, 'claims' | 'meta'> {
  let meta = state.meta;
  const claims = { ...state.claims };
  for (const claim of added) {
    const [numbered, next] = withNextNumber(claim, meta);
    meta = next;
    claims[numbered.id] = numbered;
  }
  return { claims, meta };
}

export const useReviewStore = create<ReviewStoreState>()((set, get) => ({
  meta: null,
  scale: null,
  claims: {},
  removedClaimIds: new Set(),
  placements: [],
  placementsRead: false,
  selectedClaimId: null,
  saveState: { kind: 'saved', at: '' },
  changeCount: 0,
  conflicts: {},

  open: (review, scale) =>
    set({
      meta: { id: review.id, ...articleDetailsOf(review), createdAt: review.createdAt, lastClaimNumber: numberClaims(review.claims, review.lastClaimNumber).lastClaimNumber },
      // The built-in verdicts in the interface's language; a newsroom's own words as they are.
      scale: localisedScale(scale, interfaceLanguage()),
      claims: Object.fromEntries(review.claims.map((claim) => [claim.id, claim])),
      removedClaimIds: new Set(),
      placements: [],
      placementsRead: false,
      selectedClaimId: null,
      saveState: { kind: 'saved', at: review.updatedAt },
      changeCount: 0,
      conflicts: conflictsOf(review),
    }),
  setMeta: (meta) => set((state) => (state.meta ? { meta: { ...state.meta, ...meta } } : {})),
  addClaim: (added) =>
    set((state) => {
      const removed = new Set(state.removedClaimIds);
      removed.delete(added.id);
      // The next number at once, so the claim is named as it will be published; storage settles a clash between two windows.
      const [claim, meta] = withNextNumber(added, state.meta);
      return { claims: { ...state.claims, [claim.id]: claim }, removedClaimIds: removed, changeCount: state.changeCount + 1, meta };
    }),
  updateClaim: (id, patch, options) => {
    const claim = get().claims[id];
    if (!claim) return;
    const keys = Object.keys(patch) as (keyof ClaimPatch)[];
    const before = Object.fromEntries(keys.map((key) => [key, claim[key]])) as ClaimPatch;
    set((state) => {
      // Editing a field in conflict is the reviewer's choice for it, as the history records it.
      const open = state.conflicts[id]?.filter((conflict) => !(conflict.field in patch));
      const conflicts = open === undefined ? state.conflicts : { ...state.conflicts, [id]: open };
      if (open?.length === 0) delete conflicts[id];
      return {
        claims: { ...state.claims, [id]: { ...claim, ...patch, updatedAt: new Date().toISOString() } },
        changeCount: state.changeCount + 1,
        conflicts,
      };
    });
    if (!options?.fromUndo) for (const listener of claimEditListeners) listener(id, before, patch);
  },
  removeClaim: (id) =>
    set((state) => ({
      removedClaimIds: new Set([...state.removedClaimIds, id]),
      selectedClaimId: state.selectedClaimId === id ? null : state.selectedClaimId,
      changeCount: state.changeCount + 1,
    })),
  selectClaim: (id) => set({ selectedClaimId: id }),
  setPlacements: (placements) =>
    set((state) => {
      if (state.placementsRead && samePlacedWords(state.placements, placements) && placements.every((placement) => state.claims[placement.claimId] && !state.removedClaimIds.has(placement.claimId))) {
        // Typing moved claims but changed no claim's words or order: nothing shown changes, so no
        // re-render (each one cost React a walk of the whole article to keep the caret). Positions
        // are only read when acted on (getState), so they are updated where they are kept.
        for (const [index, placement] of placements.entries()) Object.assign(state.placements[index] as ClaimPlacement, { from: placement.from, to: placement.to });
        return state;
      }
      // A mark that comes back (undo of a delete) brings its claim back too.
      const placed = new Set(placements.map((placement) => placement.claimId));
      const removed = [...state.removedClaimIds].filter((id) => !placed.has(id));
      // A highlight pasted from another review arrives without its record: it starts as a new claim.
      const missing = placements.filter((placement) => !state.claims[placement.claimId]);
      const now = new Date().toISOString();
      // A claim whose marking was undone, with nothing recorded on it, is gone: nothing stays selected.
      const selected = state.selectedClaimId ? state.claims[state.selectedClaimId] : undefined;
      const selectionGone = selected !== undefined && !placed.has(selected.id) && !hasReviewerInput(selected) && selected.attention === undefined;
      return {
        placements,
        placementsRead: true,
        ...(selectionGone ? { selectedClaimId: null } : {}),
        ...(removed.length === state.removedClaimIds.size ? {} : { removedClaimIds: new Set(removed) }),
        ...(missing.length === 0
          ? {}
          : {
              ...numberedNewClaims(missing.map((placement) => newClaim(placement.claimId, now)), state),
              changeCount: state.changeCount + 1,
            }),
      };
    }),
  documentChanged: () => set((state) => ({ changeCount: state.changeCount + 1 })),
  setSaveState: (saveState) => set({ saveState }),
  takeNumbers: (numbers) =>
    set((state) => ({
      claims: Object.fromEntries(Object.entries(state.claims).map(([id, claim]) => [id, numbers[id] === undefined ? claim : { ...claim, number: numbers[id] }])),
      meta: state.meta ? { ...state.meta, lastClaimNumber: Math.max(state.meta.lastClaimNumber, ...Object.values(numbers)) } : state.meta,
    })),
  adoptStored: (review) =>
    set((state) => {
      const claims = Object.fromEntries(review.claims.map((claim) => [claim.id, claim]));
      return {
        meta: state.meta ? { ...state.meta, ...articleDetailsOf(review), lastClaimNumber: Math.max(state.meta.lastClaimNumber, review.lastClaimNumber) } : state.meta,
        claims,
        removedClaimIds: new Set(),
        selectedClaimId: state.selectedClaimId && claims[state.selectedClaimId] ? state.selectedClaimId : null,
        conflicts: conflictsOf(review),
      };
    }),
  conflictSettled: (claim, remaining) =>
    set((state) => {
      const conflicts = { ...state.conflicts };
      if (remaining.length > 0) conflicts[claim.id] = remaining;
      else delete conflicts[claim.id];
      // Stored already: no save needed, and the same values saved again record nothing.
      return { claims: { ...state.claims, [claim.id]: claim }, conflicts };
    }),
}));

/** True when a claim record holds anything a reviewer typed or chose. */
export function hasReviewerInput(claim: Claim): boolean {
  return (
    claim.verdictId !== null ||
    claim.rationale.trim() !== '' ||
    claim.claimant.trim() !== '' ||
    claim.claimDate !== '' ||
    claim.appearanceUrl !== '' ||
    claim.status !== 'to-check' ||
    claim.tags.length > 0 ||
    claim.evidence.length > 0
  );
}

/**
 * The claim records worth writing: every claim placed in the article, plus claims whose text
 * was deleted from the article but which hold the reviewer's work (they show as detached).
 */
export function claimsToPersist(state: Pick<ReviewStoreState, 'claims' | 'placements' | 'removedClaimIds'>): Claim[] {
  const placed = new Set(state.placements.map((placement) => placement.claimId));
  return Object.values(state.claims).filter(
    (claim) => placed.has(claim.id) || (!state.removedClaimIds.has(claim.id) && (hasReviewerInput(claim) || claim.attention !== undefined)),
  );
}

/** Claims with work in them (or a merge's orphans) whose text is not in the article; none before the placements are read. */
export function detachedClaims(state: Pick<ReviewStoreState, 'claims' | 'placements' | 'placementsRead' | 'removedClaimIds'>): Claim[] {
  if (!state.placementsRead) return [];
  const placed = new Set(state.placements.map((placement) => placement.claimId));
  return Object.values(state.claims).filter(
    (claim) => !placed.has(claim.id) && !state.removedClaimIds.has(claim.id) && (hasReviewerInput(claim) || claim.attention !== undefined),
  );
}
