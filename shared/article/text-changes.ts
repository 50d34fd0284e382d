/**
 * What changed in an article's words since it was imported: word by word (jsdiff), each change
 * with a little context, so a reviewer can see every edit made to the text under check.
 */
import { diffLines, diffWordsWithSpace, type Change } from 'diff';

/** A run of the compared text: unchanged, only in the current text, or only in the original. */
export interface TextPart {
  kind: 'same' | 'inserted' | 'deleted';
  text: string;
}

/** One edit: words removed and/or added at one place, with the unchanged words around it. */
export interface TextChange {
  /** What the original had here ('' for a pure insertion). */
  before: string;
  /** What the text has now ('' for a pure deletion). */
  after: string;
  contextBefore: string;
  contextAfter: string;
}

export interface TextComparison {
  parts: TextPart[];
  changes: TextChange[];
}

const CONTEXT = 40;
/** Word diffs of long, much-edited texts can take long; past this, lines are compared instead. */
const WORD_DIFF_BUDGET_MS = 1_500;

function partsOf(changes: Change[]): TextPart[] {
  return changes.map((change) => ({ kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same', text: change.value }));
}

/** Compares `original` with `current`, word by word. */
export function compareTexts(original: string, current: string): TextComparison {
  if (original === current) return { parts: [{ kind: 'same', text: current }], changes: [] };
  const words = diffWordsWithSpace(original, current, { timeout: WORD_DIFF_BUDGET_MS });
  const parts = partsOf(words ?? diffLines(original, current));
  const changes: TextChange[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as TextPart;
    if (part.kind === 'same') continue;
    let before = '';
    let after = '';
    const first = index;
    while (index < parts.length && (parts[index] as TextPart).kind !== 'same') {
      const changed = parts[index] as TextPart;
      if (changed.kind === 'deleted') before += changed.text;
      else after += changed.text;
      index++;
    }
    const previous = parts[first - 1]?.text ?? '';
    const next = parts[index]?.text ?? '';
    changes.push({ before, after, contextBefore: previous.slice(-CONTEXT), contextAfter: next.slice(0, CONTEXT) });
  }
  return { parts, changes };
}

/** `parts` cut into the article's lines (paragraphs), each line the runs that fall on it. */
export function linesOfParts(parts: readonly TextPart[]): TextPart[][] {
  const lines: TextPart[][] = [[]];
  for (const part of parts) {
    part.text.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push([]);
      if (piece) (lines[lines.length - 1] as TextPart[]).push({ kind: part.kind, text: piece });
    });
  }
  return lines;
}
