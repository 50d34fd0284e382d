/**
 * `npm run bench:reanchor`: re-anchoring after generated edits of a long article (copy-edits,
 * inserted and deleted sentences, reordered paragraphs, reworded claims) with known true places.
 * Prints correct / wrong / orphaned placements for Factmark, for the Update article path over the
 * same edit (see update-path), and for a plain best-fuzzy-match baseline (the Hypothesis approach
 * without threshold), and the time, from one run.
 * DEBUG=1 also prints what the wrong and the missed placements were, with examples.
 */
import search from 'approx-string-match';
import { performance } from 'node:perf_hooks';
import { reanchor, type Placement, type TextAnchor } from '../../shared/anchoring/re-anchor';
import { placementsThroughUpdate } from './update-path';

const WORDS =
  'council budget minister report percent growth figures city police crime housing schools roads taxes spending audit contract supplier health hospital water energy prices wages jobs exports'.split(
    ' ',
  );
// mulberry32: a small seeded generator, so every run edits the same article the same way.
let seed = 42;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const sentence = (): string => {
  const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () => pick(WORDS));
  words.push(String(Math.floor(random() * 10000)));
  const text = words.join(' ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
};

type Span = { start: number; end: number };
interface Claim {
  key: string;
  anchor: TextAnchor;
  /** Where the claim's sentence is after the edits; undefined when it was deleted or reworded. */
  expected?: Span;
  edited: boolean;
}

const CLAIMS = Number(process.env.CLAIMS ?? 5000);
const paragraphs: string[][] = Array.from({ length: 2600 }, () => Array.from({ length: 3 + Math.floor(random() * 3) }, sentence));
const join = (parts: string[][]): string => parts.map((sentences) => sentences.join(' ')).join('\n');
const oldText = join(paragraphs);

function offsetOf(parts: string[][], paragraph: number, index: number): number {
  let offset = 0;
  for (let p = 0; p < paragraph; p++) offset += (parts[p] as string[]).join(' ').length + 1;
  for (let s = 0; s < index; s++) offset += ((parts[paragraph] as string[])[s] as string).length + 1;
  return offset;
}

const claims: Claim[] = [];
while (claims.length < CLAIMS) {
  const paragraph = Math.floor(random() * paragraphs.length);
  const index = Math.floor(random() * (paragraphs[paragraph] as string[]).length);
  const key = `${paragraph}:${index}`;
  if (claims.some((claim) => claim.key === key)) continue;
  const exact = (paragraphs[paragraph] as string[])[index] as string;
  const start = offsetOf(paragraphs, paragraph, index);
  claims.push({
    key,
    anchor: { exact, start, end: start + exact.length, prefix: oldText.slice(Math.max(0, start - 32), start), suffix: oldText.slice(start + exact.length, start + exact.length + 32) },
    edited: false,
  });
}

// Edits: ~8 % of sentences copy-edited (one word changed), 2 % deleted, 2 % reworded, 3 % new sentences, 3 % paragraphs moved.
// The kind is kept apart from the text: a tag glued to the text ('E'/'R' + sentence) was once
// mistaken for the first letter of sentences starting "Energy", "Exports" or "Roads".
type Fate = { kind: 'same' | 'edited' | 'reworded'; text: string } | { kind: 'deleted' };
const fates = new Map<string, Fate>();
paragraphs.forEach((sentences, paragraph) => {
  sentences.forEach((text, index) => {
    const roll = random();
    let fate: Fate = { kind: 'same', text };
    if (roll < 0.08) {
      const words = text.split(' ');
      words[Math.floor(random() * words.length)] = pick(WORDS);
      const next = words.join(' ');
      if (next !== text) fate = { kind: 'edited', text: next };
    } else if (roll < 0.1) fate = { kind: 'deleted' };
    else if (roll < 0.12) fate = { kind: 'reworded', text: sentence() };
    fates.set(`${paragraph}:${index}`, fate);
  });
});
type Placed = { text: string; key?: string };
const rebuilt: Placed[][] = paragraphs.map((sentences, paragraph) => {
  const out: Placed[] = [];
  sentences.forEach((_, index) => {
    const key = `${paragraph}:${index}`;
    const fate = fates.get(key) as Fate;
    if (fate.kind !== 'deleted') out.push({ text: fate.text, key });
    if (random() < 0.03) out.push({ text: sentence() });
  });
  return out.length > 0 ? out : [{ text: sentence() }];
});
for (let move = 0; move < rebuilt.length * 0.03; move++) {
  const from = Math.floor(random() * rebuilt.length);
  const [moved] = rebuilt.splice(from, 1);
  rebuilt.splice(Math.floor(random() * rebuilt.length), 0, moved as Placed[]);
}
const newText = join(rebuilt.map((sentences) => sentences.map((placed) => placed.text)));
// Every sentence's span in the new text, so the judge checks places, not look-alike text.
const spans: Span[] = [];
const spanOfKey = new Map<string, Span>();
let cursor = 0;
for (const sentences of rebuilt) {
  for (const placed of sentences) {
    const span = { start: cursor, end: cursor + placed.text.length };
    spans.push(span);
    if (placed.key) spanOfKey.set(placed.key, span);
    cursor = span.end + 1;
  }
}
for (const claim of claims) {
  const fate = fates.get(claim.key) as Fate;
  if (fate.kind === 'same' || fate.kind === 'edited') claim.expected = spanOfKey.get(claim.key);
  claim.edited = fate.kind === 'edited';
}

type Outcome = 'correct' | 'wrong' | 'orphaned';
const isLoose = (char: string | undefined): boolean => char !== undefined && /[\s\p{P}]/u.test(char);
/** A span without the whitespace and punctuation at its ends. */
function core(span: Span): Span {
  let { start, end } = span;
  while (start < end && isLoose(newText[start])) start++;
  while (end > start && isLoose(newText[end - 1])) end--;
  return { start, end };
}
/**
 * An unedited claim must be on exactly its sentence. A copy-edited one, placed by fuzzy match,
 * may differ from its edited sentence only by whitespace or punctuation at the ends; touching a
 * letter of a neighbour or missing one of its own is wrong. A deleted or reworded claim must orphan.
 */
function judge(claim: Claim, placement: Placement): Outcome {
  if (placement.status === 'orphan') return 'orphaned';
  const expected = claim.expected;
  if (expected === undefined) return 'wrong';
  if (placement.start === expected.start && placement.end === expected.end) return 'correct';
  if (!claim.edited) return 'wrong';
  const placed = core(placement);
  const wanted = core(expected);
  return placed.start === wanted.start && placed.end === wanted.end ? 'correct' : 'wrong';
}

function tally(outcomes: Outcome[]): string {
  const count = (kind: Outcome): number => outcomes.filter((outcome) => outcome === kind).length;
  const share = (kind: Outcome): string => `${((count(kind) / outcomes.length) * 100).toFixed(2)} %`;
  return `correct ${count('correct')} (${share('correct')}), wrong ${count('wrong')} (${share('wrong')}), orphaned ${count('orphaned')} (${share('orphaned')})`;
}

/** Why a placement was wrong or missed, for DEBUG=1. */
function diagnose(claim: Claim, placement: Placement): string {
  const kind = claim.expected === undefined ? `${(fates.get(claim.key) as Fate).kind} claim` : claim.edited ? 'copy-edited claim' : 'unedited claim';
  if (placement.status === 'orphan') return `${kind} orphaned (${placement.reason})`;
  if (claim.expected === undefined) return `${kind} placed (${placement.status})`;
  const { start, end } = claim.expected;
  if (placement.end <= start || placement.start >= end) return `${kind} placed on another sentence (${placement.status})`;
  const spills = spans.some((span) => span.start !== start && placement.start < span.end && placement.end > span.start);
  return `${kind} on its sentence, ends ${spills ? 'spill into a neighbour' : 'a few characters short'} (${placement.status})`;
}

function report(outcomes: Outcome[]): void {
  const groups = new Map<string, string[]>();
  claims.forEach((claim, index) => {
    if (outcomes[index] === 'correct' || (outcomes[index] === 'orphaned' && claim.expected === undefined)) return;
    const placement = placements[index] as Placement;
    const label = `${outcomes[index]}: ${diagnose(claim, placement)}`;
    const placed = placement.status === 'orphan' ? '-' : JSON.stringify(newText.slice(placement.start, placement.end));
    const wanted = claim.expected ? JSON.stringify(newText.slice(claim.expected.start, claim.expected.end)) : '-';
    groups.set(label, [...(groups.get(label) ?? []), `    old ${JSON.stringify(claim.anchor.exact)}\n    new ${wanted}\n    got ${placed}`]);
  });
  for (const [label, examples] of [...groups].sort((left, right) => right[1].length - left[1].length)) {
    console.log(`  ${examples.length} × ${label}\n${examples.slice(0, 2).join('\n')}`);
  }
}

const deleted = claims.filter((claim) => claim.expected === undefined).length;
console.log(
  `${(newText.length / 1e6).toFixed(2)} MB article, ${claims.length} claims; ${deleted} claims' sentences deleted or reworded (orphaning them is right), ${claims.filter((claim) => claim.edited).length} copy-edited`,
);

let started = performance.now();
const placements = reanchor(
  claims.map((claim) => claim.anchor),
  newText,
  oldText,
);
const factmarkMs = performance.now() - started;
const outcomes = claims.map((claim, index) => judge(claim, placements[index] as Placement));
console.log(`Factmark: ${tally(outcomes)}; ${factmarkMs.toFixed(0)} ms for ${claims.length}`);
if (process.env.DEBUG) report(outcomes);

// Update article takes the same engine through claim marks and documents: it must place no claim wrongly either.
const update = placementsThroughUpdate(
  claims.map((claim) => claim.anchor),
  oldText,
  newText,
);
const updateOutcomes = claims.map((claim, index) => judge(claim, update.placements[index] as Placement));
const differing = updateOutcomes.filter((outcome, index) => outcome !== outcomes[index]).length;
console.log(`Update article path: ${tally(updateOutcomes)}; ${update.ms.toFixed(0)} ms for ${claims.length} (marks read, placed and written back); ${differing} outcomes differ from the engine's`);

const sample = claims.slice(0, Number(process.env.BASELINE_SAMPLE ?? 300));
if (sample.length > 0) {
  started = performance.now();
  const baseline = sample.map((claim): Placement => {
    const matches = search(newText, claim.anchor.exact, Math.floor(claim.anchor.exact.length / 2));
    const best = matches.sort((left, right) => left.errors - right.errors || Math.abs(left.start - claim.anchor.start) - Math.abs(right.start - claim.anchor.start))[0];
    return best ? { status: 'changed', start: best.start, end: best.end, similarity: 0, text: '' } : { status: 'orphan', reason: 'none', miss: { code: 'gone' } };
  });
  const baselineMs = performance.now() - started;
  console.log(
    `Baseline (best fuzzy match, first ${sample.length} claims): ${tally(sample.map((claim, index) => judge(claim, baseline[index] as Placement)))}; ${baselineMs.toFixed(0)} ms (≈ ${(((baselineMs / sample.length) * claims.length) / 1000).toFixed(0)} s for ${claims.length})`,
  );
  console.log(`Factmark on the same ${sample.length}: ${tally(outcomes.slice(0, sample.length))}`);
}
