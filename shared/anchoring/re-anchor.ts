/**
 * Finds claims again in an article whose text changed. In order: the quote where a diff of the two
 * texts (or, without the old text, the old offset) says it went; the diff-mapped passage when it
 * is a light edit of the quote; the exact quote elsewhere with its context; then a fuzzy search
 * (approx-string-match, as the Hypothesis client uses) near the mapped place, and elsewhere only
 * where pieces of the quote survive and its context agrees strongly. A claim whose evidence is
 * weak is never placed silently: it becomes an orphan.
 */
import search from 'approx-string-match';
import { GRAM, GramIndex, pieceStarts } from './gram-index';
import { TextMapper } from './text-mapper';
import { fit, similarity, type Fitted } from './text-similarity';
import type { AnchorMiss } from '../model/attention-why';

/** Where a claim was, in the text it was made on (offsets in UTF-16 code units). */
export interface TextAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** Where a claim is in the new text, or why it could not be placed. */
export type Placement =
  /** Same words, same place. */
  | { status: 'exact'; start: number; end: number }
  /** Same words, elsewhere (text before them changed, or their paragraph moved). */
  | {
      status: 'moved';
      start: number;
      end: number;
      from: number;
      /** True when the words are where a diff of the two texts puts them (text before them changed), not found elsewhere. */
      mapped: boolean;
    }
  /** The words themselves were edited; placed by the diff or a fuzzy match, for the reviewer to check. */
  | { status: 'changed'; start: number; end: number; similarity: number; text: string }
  /** Not placed: `reason` in English (reports, the command line), `miss` as data the interface words. */
  | { status: 'orphan'; reason: string; miss: AnchorMiss };

/** The English reason for `miss`, as reports and the command line print it. */
export function missReason(miss: AnchorMiss): string {
  switch (miss.code) {
    case 'no-quote':
      return 'the claim has no quote';
    case 'gone':
      return 'the quoted words are no longer in the article (deleted or reworded)';
    case 'repeated':
      return `the quote appears ${miss.count} times and its context does not tell which one`;
    case 'tied':
      return 'two passages match the edited quote equally well';
  }
}

/** An orphan placement for `miss`. */
export const orphaned = (miss: AnchorMiss): Placement => ({ status: 'orphan', reason: missReason(miss), miss });

/** Below these a candidate is not trusted (measured on generated edits; see npm run bench:reanchor). */
const MIN_QUOTE_SIMILARITY = 0.75;
const MIN_CONTEXT_SIMILARITY = 0.5;
/** Away from where the diff or the old offset points, only a long quote with agreeing context is evidence. */
const MIN_CONTEXT_AWAY = 0.7;
const MIN_QUOTE_LENGTH_AWAY = 20;
/** More than this share of a candidate was already in the old text elsewhere: another passage, not the claim. */
const MAX_FOREIGN_SHARE = 0.5;
/** A piece of a quote found more often than this says nothing about where the quote is. */
const PIECE_LIMIT = 64;
/** Texts this short are searched whole when a quote has no pieces to look up. */
const SMALL_TEXT = 200_000;

interface Scene {
  text: string;
  mapper: TextMapper | undefined;
  /** Built on first use: most claims in a lightly edited article need no search at all. */
  index: () => GramIndex;
}

interface Candidate extends Fitted {
  context: number;
  score: number;
}

/** How well the text around [start, end) agrees with the claim's context: both sides averaged, and the better side. */
function contextAgreement(anchor: TextAnchor, text: string, start: number, end: number): { mean: number; best: number } {
  const before = similarity(anchor.prefix, text.slice(Math.max(0, start - anchor.prefix.length), start));
  const after = similarity(anchor.suffix, text.slice(end, end + anchor.suffix.length));
  return { mean: (before + after) / 2, best: Math.max(before, after) };
}

function contextSimilarity(anchor: TextAnchor, text: string, start: number, end: number): number {
  return contextAgreement(anchor, text, start, end).mean;
}

function foreignShare(anchor: TextAnchor, scene: Scene, start: number, end: number): number {
  return scene.mapper ? scene.mapper.foreignShare(start, end, anchor.start, anchor.end) : 0;
}

function placeExact(anchor: TextAnchor, start: number, mapped = false): Placement {
  const end = start + anchor.exact.length;
  return start === anchor.start ? { status: 'exact', start, end } : { status: 'moved', start, end, from: anchor.start, mapped };
}

function placeChanged(scene: Scene, candidate: Fitted): Placement {
  const { start, end } = candidate;
  return { status: 'changed', start, end, similarity: Number(candidate.similarity.toFixed(3)), text: scene.text.slice(start, end) };
}

const piecesOf = new WeakMap<TextAnchor, number[]>();

/** Offsets in the quote where pieces start, so they line up with the index's. */
function quotePieces(anchor: TextAnchor): number[] {
  let pieces = piecesOf.get(anchor);
  if (!pieces) {
    pieces = pieceStarts(anchor.exact);
    if (anchor.exact.length >= GRAM && /^\S/u.test(anchor.exact) && /(^|\s)$/u.test(anchor.prefix)) pieces.unshift(0);
    piecesOf.set(anchor, pieces);
  }
  return pieces;
}

/** Every exact occurrence of the quote: through the rarest piece's places when it has one. */
function exactOccurrences(anchor: TextAnchor, scene: Scene): number[] {
  const { exact } = anchor;
  for (const piece of quotePieces(anchor)) {
    const places = scene.index().find(exact, piece, PIECE_LIMIT);
    if (places) return places.map((place) => place - piece).filter((start) => start >= 0 && scene.text.startsWith(exact, start));
  }
  const found: number[] = [];
  for (let index = scene.text.indexOf(exact); index >= 0; index = scene.text.indexOf(exact, index + 1)) found.push(index);
  return found;
}

/** Chooses among exact copies of the quote; `nearMapped` copies are where the diff points, so one needs no context. */
function placeByOccurrences(anchor: TextAnchor, scene: Scene, occurrences: number[], nearMapped = false): Placement | undefined {
  const { text } = scene;
  const scored = occurrences
    .filter((start) => foreignShare(anchor, scene, start, start + anchor.exact.length) <= MAX_FOREIGN_SHARE)
    // Context alone decides: a position hint that missed says nothing about which copy is right.
    .map((start) => ({ start, score: contextSimilarity(anchor, text, start, start + anchor.exact.length) }))
    .sort((left, right) => right.score - left.score);
  const [best, second] = scored;
  if (!best) return undefined;
  if (!second) {
    // A short quote that survives only as a stray phrase elsewhere is not the claim.
    return nearMapped || anchor.exact.length >= MIN_QUOTE_LENGTH_AWAY || best.score >= MIN_CONTEXT_SIMILARITY ? placeExact(anchor, best.start, nearMapped) : undefined;
  }
  if (best.score - second.score > 0.05 && best.score >= MIN_CONTEXT_SIMILARITY) return placeExact(anchor, best.start, nearMapped);
  return orphaned({ code: 'repeated', count: scored.length });
}

type Acceptance = (quote: number, context: { mean: number; best: number }) => boolean;

/** Near the mapped place, in text the diff saw as new, a nearly unchanged quote needs no context: its neighbours may have been edited too. */
const acceptNear =
  (mapped: boolean): Acceptance =>
  (quote, context) =>
    context.mean >= MIN_CONTEXT_SIMILARITY || (mapped && quote >= 0.9);
/** Elsewhere the context must agree strongly: on average, or one side almost exactly with an almost unchanged quote. */
const acceptAway: Acceptance = (quote, context) => context.mean >= MIN_CONTEXT_AWAY || (context.best >= 0.9 && quote >= 0.85);

/** Fuzzy matches of the quote inside [from, to), with ends snapped and scored against quote and context. */
function fuzzyIn(anchor: TextAnchor, scene: Scene, from: number, to: number, accept: Acceptance): Candidate[] {
  const { exact, prefix, suffix } = anchor;
  const maxErrors = Math.max(1, Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY)));
  const candidates: Candidate[] = [];
  for (const match of search(scene.text.slice(from, to), exact, maxErrors)) {
    const fitted = fit(exact, prefix, suffix, scene.text, from + match.start, from + match.end, MIN_QUOTE_SIMILARITY);
    if (fitted.similarity < MIN_QUOTE_SIMILARITY || candidates.some((seen) => seen.start === fitted.start && seen.end === fitted.end)) continue;
    const context = contextAgreement(anchor, scene.text, fitted.start, fitted.end);
    if (!accept(fitted.similarity, context) || foreignShare(anchor, scene, fitted.start, fitted.end) > MAX_FOREIGN_SHARE) continue;
    candidates.push({ ...fitted, context: context.mean, score: 0.6 * fitted.similarity + 0.4 * context.mean });
  }
  return candidates;
}

/** The best candidate, unless another far from it is about as good. */
function decide(anchor: TextAnchor, scene: Scene, candidates: Candidate[]): Placement | undefined {
  const [best, second] = [...candidates].sort((left, right) => right.score - left.score);
  if (!best) return undefined;
  if (second && best.score - second.score < 0.02 && Math.abs(best.start - second.start) > anchor.exact.length / 2) {
    return orphaned({ code: 'tied' });
  }
  return placeChanged(scene, best);
}

/** Where pieces of the quote point the quote's start, most votes first. */
function seededStarts(anchor: TextAnchor, scene: Scene): number[] {
  const votes = new Map<number, number>();
  for (const piece of quotePieces(anchor)) {
    for (const place of scene.index().find(anchor.exact, piece, PIECE_LIMIT) ?? []) votes.set(place - piece, (votes.get(place - piece) ?? 0) + 1);
  }
  // Starts within a few characters are one place, shifted by an edit inside the quote.
  const slack = Math.floor(anchor.exact.length * (1 - MIN_QUOTE_SIMILARITY)) + 8;
  const clusters: { start: number; votes: number }[] = [];
  for (const [start, count] of [...votes].sort((left, right) => left[0] - right[0])) {
    const last = clusters.at(-1);
    if (last && start - last.start <= slack) last.votes += count;
    else clusters.push({ start, votes: count });
  }
  return clusters.sort((left, right) => right.votes - left.votes).map((cluster) => cluster.start);
}

function reanchorOne(anchor: TextAnchor, scene: Scene): Placement {
  const { exact } = anchor;
  const { text, mapper } = scene;
  if (exact.length === 0) return orphaned({ code: 'no-quote' });
  const hint = mapper ? mapper.map(anchor.start) : Math.min(anchor.start, text.length);
  const hintEnd = Math.max(hint, mapper ? mapper.map(anchor.end, 'end') : Math.min(anchor.end, text.length));

  // 1. The diff (or the old offset) says where the words went, and they are there unchanged.
  if (text.startsWith(exact, hint)) return placeExact(anchor, hint, mapper !== undefined);

  // The exact words right by the mapped place beat any fuzzy fit there: a diff may fold an
  // untouched quote into a larger change around it.
  const nearFrom = Math.max(0, hint - exact.length - 64);
  const nearTo = Math.min(text.length, Math.max(hintEnd, hint + exact.length) + exact.length + 64);
  const near = text.slice(nearFrom, nearTo);
  const nearby: number[] = [];
  for (let at = near.indexOf(exact); at >= 0; at = near.indexOf(exact, at + 1)) nearby.push(nearFrom + at);
  const byNearby = nearby.length > 0 ? placeByOccurrences(anchor, scene, nearby, mapper !== undefined) : undefined;
  if (byNearby && byNearby.status !== 'orphan') return byNearby;

  // 2. The diff says where the words went and they were edited there: trust it if they are still alike.
  // A span whose length alone rules out enough similarity (even after moving each end a word) is not fitted.
  if (mapper && hintEnd > hint && Math.abs(hintEnd - hint - exact.length) <= exact.length * (1 - MIN_QUOTE_SIMILARITY) + 32) {
    // An end the diff mapped next to the quote's own first (or last) letters needs no second guess.
    const edge = Math.min(8, exact.length);
    const trusted = { start: text.startsWith(exact.slice(0, edge), hint), end: text.slice(hintEnd - edge, hintEnd) === exact.slice(-edge) };
    const fitted = fit(exact, anchor.prefix, anchor.suffix, text, hint, hintEnd, MIN_QUOTE_SIMILARITY, trusted);
    if (fitted.similarity >= MIN_QUOTE_SIMILARITY && foreignShare(anchor, scene, fitted.start, fitted.end) <= MAX_FOREIGN_SHARE) return placeChanged(scene, fitted);
  }

  // 3. The exact words elsewhere (a moved paragraph, or no old text to diff against).
  const byOccurrence = placeByOccurrences(anchor, scene, exactOccurrences(anchor, scene));
  if (byOccurrence) return byOccurrence;

  // 4. Fuzzy, near the mapped place; quote and context must both agree.
  const margin = Math.min(exact.length, 256) + 32;
  const from = Math.max(0, hint - margin);
  // A long replaced stretch is searched whole, up to a cap that keeps the matcher cheap.
  const to = Math.min(text.length, Math.min(hintEnd, hint + Math.max(exact.length * 2, 4096)) + margin);
  const fuzzyNear = decide(anchor, scene, fuzzyIn(anchor, scene, from, to, acceptNear(mapper !== undefined)));
  if (fuzzyNear) return fuzzyNear;

  // 5. Fuzzy anywhere else, only where surviving pieces of a long quote point and the context agrees strongly.
  if (exact.length >= MIN_QUOTE_LENGTH_AWAY) {
    const reach = Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY)) + 16;
    const starts = quotePieces(anchor).length > 0 ? seededStarts(anchor, scene).filter((start) => start + exact.length + reach < from || start - reach > to) : [];
    const windows: [number, number][] = starts.slice(0, 4).map((start) => [Math.max(0, start - reach), Math.min(text.length, start + exact.length + reach)]);
    if (quotePieces(anchor).length === 0 && text.length <= SMALL_TEXT) windows.push([0, text.length]);
    const away = decide(
      anchor,
      scene,
      windows.flatMap(([start, end]) => fuzzyIn(anchor, scene, start, end, acceptAway)),
    );
    if (away) return away;
  }
  return orphaned({ code: 'gone' });
}

/**
 * Places every anchor in `newText`. `oldText` (the text the anchors were made on) lets positions
 * be mapped through a diff; without it only the quotes, their context and the offsets are used.
 */
export function reanchor(anchors: readonly TextAnchor[], newText: string, oldText?: string): Placement[] {
  const mapper = oldText !== undefined && oldText !== newText ? new TextMapper(oldText, newText) : undefined;
  let index: GramIndex | undefined;
  // With a diff, a claim's words can only have moved into text the diff saw as new: older
  // copies elsewhere are another passage (see MAX_FOREIGN_SHARE), so only new text is indexed.
  const scene: Scene = { text: newText, mapper, index: () => (index ??= new GramIndex(newText, mapper?.newRanges())) };
  return anchors.map((anchor) => reanchorOne(anchor, scene));
}
