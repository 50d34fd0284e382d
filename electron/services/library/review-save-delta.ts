/**
 * A save of the review desk that carries only what changed (see `review:save` in the contract):
 * top-level blocks of the article replaced, claims changed or removed. Checked and applied here,
 * so the store works on a whole article and claim list and still knows what the save touched.
 */
import { ApiError } from '../../../shared/api/envelope';
import type { ArticleDoc } from '../../../shared/model/article-doc';
import type { Claim } from '../../../shared/model/claim';
import type { ClaimChanges, DocChange } from '../../../shared/model/save-delta';

/** What a save may say about the article and the claims, each whole or as a change (or not at all). */
export interface SaveParts {
  doc?: ArticleDoc | undefined;
  docChange?: DocChange | undefined;
  claims?: Claim[] | undefined;
  claimChanges?: ClaimChanges | undefined;
}

/** How the article of a save differs from the stored one. */
export type ArticleEdit = { kind: 'same' } | { kind: 'whole' } | ({ kind: 'blocks' } & DocChange);

/** How the claims of a save differ from the ones it was based on. */
export type ClaimsEdit =
  | { kind: 'same' }
  | { kind: 'whole' }
  | {
      kind: 'some';
      /** The new records, in the order of the resulting list (edited ones where they were, new ones last). */
      changed: Claim[];
      /** The records they replace, for the edited ones. */
      replaced: Claim[];
      /** The records dropped, in the order they had. */
      removed: Claim[];
    };

/** A save applied: the whole article and claim list, and what changed to get there. */
export interface AppliedSave {
  doc: ArticleDoc;
  claims: Claim[];
  article: ArticleEdit;
  claimsEdit: ClaimsEdit;
}

function refuse(problem: string): never {
  throw new ApiError('invalid-input', `${problem} Nothing was saved; reload the review and make the change again.`);
}

function applyDocChange(doc: ArticleDoc, change: DocChange): ArticleDoc {
  const blocks = doc.content ?? [];
  const { start, deleteCount } = change;
  if (start + deleteCount > blocks.length) {
    refuse(`The save replaced blocks ${start + 1} to ${start + deleteCount} of the article, which has ${blocks.length}: it was made on another version of the text.`);
  }
  const content = [...blocks.slice(0, start), ...change.blocks, ...blocks.slice(start + deleteCount)];
  return { ...doc, content };
}

function applyClaimChanges(claims: readonly Claim[], changes: ClaimChanges): { list: Claim[]; edit: Extract<ClaimsEdit, { kind: 'some' }> } {
  const changedById = new Map<string, Claim>();
  for (const claim of changes.changed) {
    if (changedById.has(claim.id)) refuse(`The save changed claim ${claim.id} twice.`);
    changedById.set(claim.id, claim);
  }
  const removedIds = new Set<string>();
  for (const id of changes.removed) {
    if (changedById.has(id)) refuse(`The save both changed and removed claim ${id}.`);
    if (removedIds.has(id)) refuse(`The save removed claim ${id} twice.`);
    removedIds.add(id);
  }
  // One pass over the list finds every claim the save names.
  const list: Claim[] = [];
  const edited: Claim[] = [];
  const replaced: Claim[] = [];
  const removed: Claim[] = [];
  for (const claim of claims) {
    if (removedIds.has(claim.id)) {
      removed.push(claim);
      continue;
    }
    const next = changedById.get(claim.id);
    if (next) {
      changedById.delete(claim.id);
      edited.push(next);
      replaced.push(claim);
      list.push(next);
    } else list.push(claim);
  }
  if (removed.length !== removedIds.size) {
    const found = new Set(removed.map((claim) => claim.id));
    refuse(`The save removed claim ${[...removedIds].find((id) => !found.has(id)) ?? ''}, which is not in the review.`);
  }
  // What is left in changedById is new, appended in the order the save gave.
  const added = changes.changed.filter((claim) => changedById.has(claim.id));
  list.push(...added);
  return { list, edit: { kind: 'some', changed: [...edited, ...added], replaced, removed } };
}

/**
 * The article and claims a save leaves, from the stored `doc` and the `claims` it is based on
 * (the stored ones, or a merge's), with what it changed; refuses with `invalid-input` a save
 * that gives one part both whole and as a change, or a change that does not fit what is stored.
 */
export function applySave(base: { doc: ArticleDoc; claims: Claim[] }, parts: SaveParts): AppliedSave {
  if (parts.doc && parts.docChange) refuse('The save sent both the whole article and a change to part of it, so Factmark could not tell which is meant.');
  if (parts.claims && parts.claimChanges) refuse('The save sent both the whole claim list and changes to it, so Factmark could not tell which is meant.');
  let doc = base.doc;
  let article: ArticleEdit = { kind: 'same' };
  if (parts.doc) {
    doc = parts.doc;
    article = { kind: 'whole' };
  } else if (parts.docChange) {
    doc = applyDocChange(base.doc, parts.docChange);
    article = { kind: 'blocks', ...parts.docChange };
  }
  if (parts.claims) return { doc, article, claims: parts.claims, claimsEdit: { kind: 'whole' } };
  if (!parts.claimChanges) return { doc, article, claims: base.claims, claimsEdit: { kind: 'same' } };
  const applied = applyClaimChanges(base.claims, parts.claimChanges);
  return { doc, article, claims: applied.list, claimsEdit: applied.edit };
}
