/**
 * Finds claims again in an article whose text changed. In order: map the old position through a
 * diff of the two texts; the exact quote with its context; the position hint; then a fuzzy
 * search (approx-string-match, as the Hypothesis client uses) near the mapped place before the
 * whole text. A claim whose evidence is weak is never placed silently: it becomes an orphan.
 */
import search from 'approx-string-match';
import { TextMapper } from './text-mapper';

/** Where a claim was, in the text it was made on (offsets in UTF-16 code units). */
export interface TextAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export type Placement =
  /** Same words, same place. */
  | { status: 'exact'; start: number; end: number }
  /** Same words, elsewhere (text before them changed). */
  | { status: 'moved'; start: number; end: number; from: number }
  /** The words themselves were edited; placed by fuzzy match, for the reviewer to check. */
  | { status: 'changed'; start: number; end: number; similarity: number; text: string }
  | { status: 'orphan'; reason: string };

/** Below these a fuzzy candidate is not trusted (measured on generated edits; see npm run bench:reanchor). */
const MIN_QUOTE_SIMILARITY = 0.75;
const MIN_CONTEXT_SIMILARITY = 0.5;

function levenshtein(left: string, right: string): number {
  if (left === right) return 0;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row++) {
    const current = [row];
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      current.push(Math.min((previous[column] as number) + 1, (current[column - 1] as number) + 1, (previous[column - 1] as number) + cost));
    }
    previous = current;
  }
  return previous[right.length] as number;
}

/** 1 when `actual` is `expected`, falling towards 0 as they differ; empty context counts as agreeing. */
function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  return Math.max(0, 1 - levenshtein(expected, actual) / expected.length);
}

function contextSimilarity(anchor: TextAnchor, text: string, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - anchor.prefix.length), start);
  const after = text.slice(end, end + anchor.suffix.length);
  return (similarity(anchor.prefix, before) + similarity(anchor.suffix, after)) / 2;
}

function allOccurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(exact); index >= 0; index = text.indexOf(exact, index + 1)) found.push(index);
  return found;
}

function placeExact(anchor: TextAnchor, start: number): Placement {
  const end = start + anchor.exact.length;
  return start === anchor.start ? { status: 'exact', start, end } : { status: 'moved', start, end, from: anchor.start };
}

function reanchorOne(anchor: TextAnchor, text: string, mapper: TextMapper | undefined): Placement {
  if (anchor.exact.length === 0) return { status: 'orphan', reason: 'the claim has no quote' };
  const hint = mapper ? mapper.map(anchor.start) : anchor.start;
  const hintEnd = mapper ? mapper.map(anchor.end, 'end') : anchor.end;

  // 1. The diff says where the words went, and they are there unchanged.
  if (text.slice(hint, hint + anchor.exact.length) === anchor.exact) return placeExact(anchor, hint);

  // 2. The exact words elsewhere: one occurrence, or the one whose context agrees best.
  const occurrences = allOccurrences(text, anchor.exact);
  if (occurrences.length === 1) {
    const [only] = occurrences as [number];
    const context = contextSimilarity(anchor, text, only, only + anchor.exact.length);
    // A short quote that survives only as a stray word elsewhere is not the claim.
    if (anchor.exact.length >= 20 || context >= MIN_CONTEXT_SIMILARITY) return placeExact(anchor, only);
  } else if (occurrences.length > 1) {
    const scored = occurrences
      // Context alone decides: a position hint that missed (step 1) says nothing about which copy is right.
      .map((start) => ({ start, score: contextSimilarity(anchor, text, start, start + anchor.exact.length) }))
      .sort((left, right) => right.score - left.score);
    const [best, second] = scored as [{ start: number; score: number }, { start: number; score: number }];
    if (best.score - second.score > 0.05 && best.score >= MIN_CONTEXT_SIMILARITY) return placeExact(anchor, best.start);
    return { status: 'orphan', reason: `the quote appears ${occurrences.length} times and its context does not tell which one` };
  }

  // 3. Fuzzy: near the mapped place first, then anywhere; quote and context must both agree.
  const maxErrors = Math.max(1, Math.floor(anchor.exact.length * (1 - MIN_QUOTE_SIMILARITY)));
  const margin = anchor.exact.length * 2 + 64;
  const windows: [number, number][] = [[Math.max(0, hint - margin), Math.min(text.length, hintEnd + margin)]];
  if (anchor.exact.length >= 12) windows.push([0, text.length]);
  for (const [from, to] of windows) {
    const candidates = search(text.slice(from, to), anchor.exact, maxErrors)
      .map((match) => {
        const start = from + match.start;
        const end = from + match.end;
        const quote = 1 - match.errors / anchor.exact.length;
        const context = contextSimilarity(anchor, text, start, end);
        return { start, end, quote, context, score: 0.6 * quote + 0.4 * context };
      })
      .filter((candidate) => candidate.quote >= MIN_QUOTE_SIMILARITY && candidate.context >= MIN_CONTEXT_SIMILARITY)
      .sort((left, right) => right.score - left.score);
    const [best, second] = candidates;
    if (!best) continue;
    if (second && best.score - second.score < 0.02 && Math.abs(best.start - second.start) > anchor.exact.length) {
      return { status: 'orphan', reason: 'two passages match the edited quote equally well' };
    }
    return { status: 'changed', start: best.start, end: best.end, similarity: Number(best.quote.toFixed(3)), text: text.slice(best.start, best.end) };
  }
  return { status: 'orphan', reason: 'the quoted words are no longer in the article (deleted or reworded)' };
}

/**
 * Places every anchor in `newText`. `oldText` (the text the anchors were made on) lets positions
 * be mapped through a diff; without it only the quotes, their context and the offsets are used.
 */
export function reanchor(anchors: readonly TextAnchor[], newText: string, oldText?: string): Placement[] {
  const mapper = oldText !== undefined && oldText !== newText ? new TextMapper(oldText, newText) : undefined;
  return anchors.map((anchor) => reanchorOne(anchor, newText, mapper));
}
