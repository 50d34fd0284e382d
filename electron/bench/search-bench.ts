/**
 * `npm run bench`: library search at newsroom scale. A seeded library of 2,000 reviews and 50,000
 * claims (English and Arabic, articles of 3–7 KB) is indexed from its Review objects; prints the
 * full build time, the index file's size and load time, query p50/p95 over 240 varied queries
 * (partial words, typos, Arabic with prefixes, filters), the incremental update after one save,
 * "checked before" times, memory, and the checked-before evaluation for both measures.
 * Targets (issue #13): build ≤ 5 s, query p95 ≤ 50 ms, update ≤ 20 ms.
 */
import { mkdtemp, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readArticleText } from '../../shared/article/claim-spans';
import type { Review } from '../../shared/model/review';
import type { SearchQuery } from '../../shared/search/search-schema';
import { CHECKED_BEFORE_THRESHOLD, findCheckedBefore, wordingMeasure } from '../services/search/checked-before';
import { evaluate } from '../services/search/checked-before-evaluation.fixture';
import { LibraryIndex } from '../services/search/library-index';
import { searchLibrary } from '../services/search/library-query';
import { readIndexFile, writeIndexFile } from '../services/search/search-index-file';
import { trigramJaccard } from '../services/search/wording-similarity';
import { generateLibrary, seededRandom } from './search-library-generator';

const REVIEWS = 2_000;
const CLAIMS_EACH = 25;

const percentile = (sorted: readonly number[], fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
const megabytes = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

/** 240 queries as journalists type them, drawn from the library's own words. */
function queries(reviews: readonly Review[]): SearchQuery[] {
  const random = seededRandom(7);
  const words = (review: Review): string[] =>
    readArticleText(review.doc)
      .text.split(/[\s.]+/)
      .filter((word) => word.length > 3);
  const pickWord = (arabic: boolean): string => {
    // Every third review is in Arabic (see the generator).
    const review = reviews[3 * Math.floor(random() * (reviews.length / 3 - 1)) + (arabic ? 2 : 0)] as Review;
    const list = words(review);
    return list[Math.floor(random() * list.length)] ?? 'budget';
  };
  const list: SearchQuery[] = [];
  for (let round = 0; round < 20; round++) {
    list.push({ query: pickWord(false) });
    list.push({ query: `${pickWord(false)} ${pickWord(false)}` });
    list.push({ query: pickWord(false).slice(0, 4) });
    list.push({ query: pickWord(false).replace(/[aeiou]/, 'x') });
    list.push({ query: pickWord(true) });
    list.push({ query: `و${pickWord(true)}` });
    list.push({ query: `لل${pickWord(true).replace(/^ال/, '')}` });
    list.push({ query: `${pickWord(true)} ${pickWord(true)}` });
    list.push({
      query: 'unemployment',
      filters: { verdicts: ['False'], statuses: ['reviewed'] },
    });
    list.push({
      query: 'البطالة',
      filters: { from: '2025-03-01', to: '2025-06-30' },
    });
    list.push({ query: '', filters: { tags: ['housing'] } });
    list.push({
      query: `${pickWord(false)} ${pickWord(false)} ${pickWord(false)} ${pickWord(false)} ${pickWord(false)}`,
    });
  }
  return list;
}

function articleReader(reviews: ReadonlyMap<string, Review>): (id: string) => string {
  const cache = new Map<string, string>();
  return (id) => {
    let text = cache.get(id);
    if (text === undefined) {
      text = readArticleText((reviews.get(id) as Review).doc).text;
      if (cache.size > 32) cache.clear();
      cache.set(id, text);
    }
    return text;
  };
}

console.log(`Library search (${new Date().toISOString()}; load average ${loadavg()[0]?.toFixed(1)}: on a busy machine wall times grow, CPU times less)`);
const generateStart = performance.now();
const reviews = generateLibrary(REVIEWS, CLAIMS_EACH);
const byId = new Map(reviews.map((review) => [review.id, review]));
const articleBytes = reviews.reduce((sum, review) => sum + Buffer.byteLength(readArticleText(review.doc).text), 0);
console.log(
  `generated ${reviews.length} reviews, ${reviews.reduce((sum, review) => sum + review.claims.length, 0)} claims, ${megabytes(articleBytes)} of article text in ${((performance.now() - generateStart) / 1000).toFixed(1)} s`,
);

const memoryBefore = process.memoryUsage();
const buildStart = performance.now();
const buildCpu = process.cpuUsage();
const index = new LibraryIndex();
for (const review of reviews) index.put(review);
const build = performance.now() - buildStart;
const buildCpuMs = cpuMs(buildCpu);
const memoryAfter = process.memoryUsage();
console.log(`full build            ${(build / 1000).toFixed(2)} s (CPU ${(buildCpuMs / 1000).toFixed(2)} s)  (target ≤ 5 s: ${verdict(build <= 5_000)}), ${index.mini.termCount} terms`);
console.log(`memory after build    heap +${megabytes(memoryAfter.heapUsed - memoryBefore.heapUsed)} (heap ${megabytes(memoryAfter.heapUsed)}, RSS ${megabytes(memoryAfter.rss)})`);

const folder = await mkdtemp(join(tmpdir(), 'factmark-search-bench-'));
const file = join(folder, 'search-index.json');
const saveStart = performance.now();
await writeIndexFile(file, index);
const save = performance.now() - saveStart;
const loadStart = performance.now();
const loadCpu = process.cpuUsage();
const stored = await readIndexFile(file);
if (!('mini' in stored)) throw new Error(`the index file did not load: ${stored.problem}`);
const loaded = new LibraryIndex(stored.mini);
for (const review of reviews) if (!loaded.adopt(review, stored.reviews.get(review.id)?.documents ?? [])) throw new Error(`review ${review.id} did not load`);
const load = performance.now() - loadStart;
const loadCpuMs = cpuMs(loadCpu);
console.log(
  `index file            ${megabytes((await stat(file)).size)}, written in ${(save / 1000).toFixed(2)} s, loaded (parse + check every review) in ${(load / 1000).toFixed(2)} s (CPU ${(loadCpuMs / 1000).toFixed(2)} s)`,
);

const readArticle = articleReader(byId);
const timed: number[] = [];
/** The kinds of query, in the order queries() makes them each round. */
const KINDS = [
  'word',
  'two words',
  '4-letter prefix',
  'typo',
  'Arabic word',
  'Arabic with و',
  'Arabic with لل',
  'two Arabic words',
  'word + verdict/status',
  'Arabic + dates',
  'tag only',
  'five words',
];
const byKind = new Map<string, number[]>();
const queryCpu = process.cpuUsage();
let totalHits = 0;
for (const [position, query] of queries(reviews).entries()) {
  const started = performance.now();
  totalHits += searchLibrary(loaded, query, readArticle).total;
  const took = performance.now() - started;
  timed.push(took);
  const kind = KINDS[position % KINDS.length] as string;
  byKind.set(kind, [...(byKind.get(kind) ?? []), took]);
}
const queryCpuMs = cpuMs(queryCpu) / timed.length;
timed.sort((left, right) => left - right);
const p95 = percentile(timed, 0.95);
console.log(
  `queries (${timed.length})         p50 ${percentile(timed, 0.5).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  max ${(timed.at(-1) ?? 0).toFixed(1)} ms  (target p95 ≤ 50 ms: ${verdict(p95 <= 50)}), CPU ${queryCpuMs.toFixed(1)} ms a query on average, ${(totalHits / timed.length).toFixed(0)} hits on average`,
);

console.log(
  `  p95 by kind: ${[...byKind]
    .map(
      ([kind, times]) =>
        `${kind} ${percentile(
          [...times].sort((left, right) => left - right),
          0.95,
        ).toFixed(0)}`,
    )
    .join(', ')} ms`,
);

const updates: number[] = [];
const updateCpu = process.cpuUsage();
for (let run = 0; run < 25; run++) {
  const review = reviews[run * 37] as Review;
  const saved: Review = {
    ...review,
    revision: review.revision + 1,
    claims: review.claims.map((claim, number) => (number === 0 ? { ...claim, rationale: `${claim.rationale} updated ${run}` } : claim)),
  };
  const started = performance.now();
  loaded.put(saved);
  updates.push(performance.now() - started);
}
const updateCpuMs = cpuMs(updateCpu) / updates.length;
updates.sort((left, right) => left - right);
console.log(
  `update after a save   median ${percentile(updates, 0.5).toFixed(1)} ms  max ${(updates.at(-1) ?? 0).toFixed(1)} ms, CPU ${updateCpuMs.toFixed(1)} ms each  (target ≤ 20 ms: ${verdict(percentile(updates, 0.5) <= 20)})`,
);

const similar: number[] = [];
for (let run = 0; run < 50; run++) {
  const review = reviews[run * 29] as Review;
  const quote = readArticleText(review.doc).spans[run % CLAIMS_EACH]?.quote ?? 'unemployment fell';
  const started = performance.now();
  findCheckedBefore(loaded, quote, { limit: 5, excludeReviewId: review.id });
  similar.push(performance.now() - started);
}
similar.sort((left, right) => left - right);
console.log(`checked before (50)   p50 ${percentile(similar, 0.5).toFixed(1)} ms  p95 ${percentile(similar, 0.95).toFixed(1)} ms`);

console.log(`checked before on fixtures/checked-before-pairs.json (threshold ${CHECKED_BEFORE_THRESHOLD} for the measure used; best threshold for the compared one):`);
const trigram = (_index: LibraryIndex, text: string) => (candidate: string) => trigramJaccard(text, candidate);
for (const [name, measure, threshold] of [
  ['IDF-weighted word Dice (used)', wordingMeasure, CHECKED_BEFORE_THRESHOLD],
  ['character 3-gram Jaccard     ', trigram, 0.5],
] as const) {
  for (const language of ['en', 'ar'] as const) {
    const figures = evaluate(measure, threshold, language);
    console.log(
      `  ${name} ${language}: top-1 precision ${figures.precision.toFixed(3)} (${figures.correctTop}/${figures.offered} offered), recall ${figures.recall.toFixed(3)} (${figures.correctTop}/${figures.queries}), ` +
        `distractor asked → something offered ${figures.falseOffers}/${figures.distractorQueries}, distractor offered for a reworded claim ${figures.distractorsOffered}/${figures.queries}`,
    );
  }
}
