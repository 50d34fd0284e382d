/**
 * `npm run bench:reanchor`: re-anchoring after generated edits of a long article (copy-edits,
 * inserted and deleted sentences, reordered paragraphs, reworded claims) with known true places.
 * Prints correct / wrong / orphaned placements for Factmark and for a plain best-fuzzy-match
 * baseline (the Hypothesis approach without threshold), and the time, from one run.
 */
import search from 'approx-string-match';
import { performance } from 'node:perf_hooks';
import { reanchor, type Placement, type TextAnchor } from '../../shared/anchoring/re-anchor';

const WORDS = 'council budget minister report percent growth figures city police crime housing schools roads taxes spending audit contract supplier health hospital water energy prices wages jobs exports'.split(' ');
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

interface Claim {
  paragraph: number;
  sentence: number;
  anchor: TextAnchor;
  /** The claim's sentence after the edits, or undefined when it was deleted or reworded. */
  expected?: string;
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
const used = new Set<string>();
while (claims.length < CLAIMS) {
  const paragraph = Math.floor(random() * paragraphs.length);
  const index = Math.floor(random() * (paragraphs[paragraph] as string[]).length);
  if (used.has(`${paragraph}:${index}`)) continue;
  used.add(`${paragraph}:${index}`);
  const exact = (paragraphs[paragraph] as string[])[index] as string;
  const start = offsetOf(paragraphs, paragraph, index);
  claims.push({ paragraph, sentence: index, anchor: { exact, start, end: start + exact.length, prefix: oldText.slice(Math.max(0, start - 32), start), suffix: oldText.slice(start + exact.length, start + exact.length + 32) }, expected: exact, edited: false });
}

// Edits: ~8 % of sentences copy-edited (one word changed), 2 % deleted, 2 % reworded, 3 % new sentences, 3 % paragraphs moved.
const edited = paragraphs.map((sentences) => [...sentences]);
const marks = new Map<string, string | undefined>();
edited.forEach((sentences, paragraph) => {
  sentences.forEach((text, index) => {
    const roll = random();
    let next: string | undefined = text;
    if (roll < 0.08) {
      const words = text.split(' ');
      words[Math.floor(random() * words.length)] = pick(WORDS);
      next = words.join(' ');
    } else if (roll < 0.1) next = undefined;
    else if (roll < 0.12) next = sentence();
    marks.set(`${paragraph}:${index}`, next === text ? text : next === undefined ? undefined : `${roll < 0.1 ? 'E' : 'R'}${next}`);
  });
});
const rebuilt: string[][] = edited.map((sentences, paragraph) => {
  const out: string[] = [];
  sentences.forEach((_, index) => {
    const mark = marks.get(`${paragraph}:${index}`);
    if (mark !== undefined) out.push(mark.startsWith('E') || mark.startsWith('R') ? mark.slice(1) : mark);
    if (random() < 0.03) out.push(sentence());
  });
  return out.length > 0 ? out : [sentence()];
});
for (let move = 0; move < rebuilt.length * 0.03; move++) {
  const from = Math.floor(random() * rebuilt.length);
  const [moved] = rebuilt.splice(from, 1);
  rebuilt.splice(Math.floor(random() * rebuilt.length), 0, moved as string[]);
}
const newText = join(rebuilt);
for (const claim of claims) {
  const mark = marks.get(`${claim.paragraph}:${claim.sentence}`);
  if (mark === undefined || mark.startsWith('R')) claim.expected = undefined;
  else if (mark.startsWith('E')) {
    claim.expected = mark.slice(1);
    claim.edited = true;
  }
}

type Outcome = 'correct' | 'wrong' | 'orphaned';
function judge(claim: Claim, placement: Placement): Outcome {
  if (placement.status === 'orphan') return 'orphaned';
  const placed = newText.slice(placement.start, placement.end);
  if (claim.expected === undefined) return 'wrong';
  // Unique-enough sentences: the expected text occurring exactly at the placed spot is the true place.
  return placed === claim.expected || (claim.edited && placed.length > 0 && claim.expected.includes(placed) && placed.length >= claim.expected.length * 0.9) ? 'correct' : 'wrong';
}

function tally(outcomes: Outcome[]): string {
  const count = (kind: Outcome): number => outcomes.filter((outcome) => outcome === kind).length;
  const share = (kind: Outcome): string => `${((count(kind) / outcomes.length) * 100).toFixed(2)} %`;
  return `correct ${count('correct')} (${share('correct')}), wrong ${count('wrong')} (${share('wrong')}), orphaned ${count('orphaned')} (${share('orphaned')})`;
}

const deleted = claims.filter((claim) => claim.expected === undefined).length;
console.log(`${(newText.length / 1e6).toFixed(2)} MB article, ${claims.length} claims; ${deleted} claims' sentences deleted or reworded (orphaning them is right), ${claims.filter((claim) => claim.edited).length} copy-edited`);

let started = performance.now();
const placements = reanchor(claims.map((claim) => claim.anchor), newText, oldText);
const factmarkMs = performance.now() - started;
console.log(`Factmark: ${tally(claims.map((claim, index) => judge(claim, placements[index] as Placement)))}; ${factmarkMs.toFixed(0)} ms for ${claims.length}`);

const sample = claims.slice(0, Number(process.env.BASELINE_SAMPLE ?? 300));
started = performance.now();
const baseline = sample.map((claim): Placement => {
  const matches = search(newText, claim.anchor.exact, Math.floor(claim.anchor.exact.length / 2));
  const best = matches.sort((left, right) => left.errors - right.errors || Math.abs(left.start - claim.anchor.start) - Math.abs(right.start - claim.anchor.start))[0];
  return best ? { status: 'changed', start: best.start, end: best.end, similarity: 0, text: '' } : { status: 'orphan', reason: 'none' };
});
const baselineMs = performance.now() - started;
console.log(`Baseline (best fuzzy match, first ${sample.length} claims): ${tally(sample.map((claim, index) => judge(claim, baseline[index] as Placement)))}; ${baselineMs.toFixed(0)} ms (≈ ${((baselineMs / sample.length) * claims.length / 1000).toFixed(0)} s for ${claims.length})`);
const sampleFactmark = tally(sample.map((claim, index) => judge(claim, placements[index] as Placement)));
console.log(`Factmark on the same ${sample.length}: ${sampleFactmark}`);
