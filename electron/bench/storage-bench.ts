/**
 * `npm run bench`: what an autosave of one claim edit costs, against a raw write + fsync of the
 * whole review file's bytes measured in the same run, for a typical review and a 1 MB one with
 * 5,000 claims: (a) in the store (LibraryStore.saveReview with a claimChanges delta, durably:
 * temp file, fsync, backup, rename, folder fsync); (b) through the running server's path (the
 * loopback bridge started as the e2e tests start it, a POST of the body a window sends, the
 * handler registry's zod check, the store). A save of the whole review (doc + claims, as windows
 * sent before deltas) is measured beside them for comparison.
 */
import { mkdtemp, open, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocNode } from '../../shared/model/article-doc';
import { newClaim, type Claim } from '../../shared/model/claim';
import { DurableJsonFile, LibraryStore } from '../services/library';
// The services registry, loaded as the server and the app load it: a module that changes globals
// when it loads (as pdf.js's legacy build does to JSON.stringify) then shows in these figures too.
import '../services/factmark-services';
import { jsonStringifyIsNative } from './native-json';
import { startServer } from '../../e2e/support/factmark-server';
import { bridgeToken } from '../bridge/browser-address';
import { TOKEN_HEADER } from '../bridge/loopback-bridge';
import { reportFigures, type BenchFigure } from './bench-table';

console.log(`JSON.stringify with the services loaded as the app loads them: ${jsonStringifyIsNative() ? 'native' : 'REPLACED by a polyfill (every save pays for it)'}`);

/** Timed runs of each figure, interleaved with its reference so both see the same load. */
const RUNS = 21;
/**
 * Saves before timing: a running app has saved many times over, and V8 compiles the save path
 * only after it has run a while (the first saves after a start take longer, in both paths).
 */
const WARM_UP = 40;
const TARGET_RATIO = 1.5;

/** An article of `sentences` fifteen-word sentences, two to a paragraph, with `claimsWanted` of them marked as claims, spread evenly. */
function article(sentences: number, claimsWanted: number): { doc: DocNode & { type: 'doc' }; claims: Claim[] } {
  const sentence = 'The ministry said unemployment fell to 3.4 percent last year, the lowest rate since 1970. ';
  const content: DocNode[] = [];
  const claims: Claim[] = [];
  for (let index = 0; index < sentences; index += 2) {
    const parts: DocNode[] = [index, index + 1].map((at) => {
      if (Math.floor(((at + 1) * claimsWanted) / sentences) === Math.floor((at * claimsWanted) / sentences)) return { type: 'text', text: sentence };
      const id = `bench-claim-${at.toString().padStart(6, '0')}`;
      claims.push({ ...newClaim(id, '2026-01-01T00:00:00.000Z'), verdictId: 'false', rationale: 'Figures from the statistics office differ.' });
      return { type: 'text', text: sentence, marks: [{ type: 'claim', attrs: { claimId: id } }] };
    });
    content.push({ type: 'paragraph', content: parts });
  }
  return { doc: { type: 'doc', content }, claims };
}

const median = (times: number[]): number => [...times].sort((left, right) => left - right)[Math.floor(times.length / 2)] ?? 0;

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** Writes `bytes` to a file of its own and fsyncs it: what any durable save must at least do. */
async function rawWrite(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
  await handle.writeFile(bytes);
  await handle.sync();
  await handle.close();
}

/** One claim's rationale edited, as the window sends it after a keystroke. */
function edited(claim: Claim, edit: number): Claim {
  return { ...claim, rationale: `Figures from the statistics office differ (${edit}).`, updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, edit)).toISOString() };
}

interface Measured {
  delta: number;
  whole: number;
  raw: number;
  /** The store's own durable write of the same bytes, without any of the store's work: the floor of a save. */
  durable: number;
}

/**
 * Runs `save` (one claim edit) RUNS times after WARM_UP edits, each followed by a raw write +
 * fsync of the review file's bytes, then a third as many whole saves (`prepareWhole` makes what
 * the window would send, off the clock); medians in ms.
 */
async function measure(rawPath: string, reviewFile: string, save: (edit: number) => Promise<void>, prepareWhole: () => () => Promise<void>): Promise<Measured> {
  let edit = 0;
  for (let run = 0; run < WARM_UP; run++) await save(++edit);
  const bytes = await readFile(reviewFile);
  const durableFile = new DurableJsonFile<unknown>(join(dirname(rawPath), 'durable.json'), { parse: (value) => value, serialize: () => bytes });
  for (let run = 0; run < 3; run++) await durableFile.write(null);
  const delta: number[] = [];
  const whole: number[] = [];
  const raw: number[] = [];
  const durable: number[] = [];
  const steps = [
    async () => void delta.push(await timed(() => save(++edit))),
    async () => void raw.push(await timed(() => rawWrite(rawPath, bytes))),
    async () => void durable.push(await timed(() => durableFile.write(null))),
  ];
  // Each goes first in turn: an fsync also commits what the write before it left to the journal.
  for (let run = 0; run < RUNS; run++) for (let step = 0; step < steps.length; step++) await (steps[(run + step) % steps.length] as () => Promise<void>)();
  for (let run = 0; run < Math.ceil(RUNS / 3); run++) whole.push(await timed(prepareWhole()));
  return { delta: median(delta), whole: median(whole), raw: median(raw), durable: median(durable) };
}

async function benchSize(label: string, sentences: number, claimsWanted: number): Promise<BenchFigure[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'factmark-bench-'));
  const rawPath = join(await mkdtemp(join(tmpdir(), 'factmark-bench-raw-')), 'raw.json');
  const { doc, claims } = article(sentences, claimsWanted);
  const store = await LibraryStore.open(dataDir);
  const { id } = await store.createReview({ title: 'Bench', sourceUrl: '', origin: { kind: 'paste' }, doc });
  // The first save gives every claim its history; the timed ones are autosaves of one edited claim.
  await store.saveReview({ id, baseRevision: store.getReview(id).revision, doc, claims });
  const reviewFile = join(dataDir, 'reviews', `${id}.json`);

  // (a) In the store. A whole save is given fresh objects, as the contract's parse of a request makes them.
  const inStore = await measure(
    rawPath,
    reviewFile,
    async (edit) => {
      const review = store.getReview(id);
      const claim = review.claims[edit % review.claims.length] as Claim;
      await store.saveReview({ id, baseRevision: review.revision, claimChanges: { changed: [edited(claim, edit)], removed: [] } });
    },
    () => {
      const review = store.getReview(id);
      const sent = structuredClone({ doc: review.doc, claims: review.claims });
      return async () => void (await store.saveReview({ id, baseRevision: review.revision, ...sent }));
    },
  );
  const stored = store.getReview(id);
  await store.close();

  // (b) Through the running server: bodies are made before the clock starts, as the window made them.
  const token = await bridgeToken(dataDir);
  const server = await startServer(dataDir);
  let revision = stored.revision;
  let current = stored.claims;
  const post = async (body: string): Promise<void> => {
    const response = await fetch(new URL('api/review:save', server.url), { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body });
    const result = (await response.json()) as { ok: boolean; value?: { revision: number }; error?: { message: string } };
    if (!result.ok || !result.value) throw new Error(`review:save failed: ${result.error?.message ?? response.status}`);
    revision = result.value.revision;
  };
  let viaServer: Measured;
  try {
    viaServer = await measure(
      rawPath,
      reviewFile,
      async (edit) => {
        const index = edit % current.length;
        const claim = edited(current[index] as Claim, edit);
        current = current.map((candidate, at) => (at === index ? claim : candidate));
        const body = JSON.stringify({ id, baseRevision: revision, claimChanges: { changed: [claim], removed: [] } });
        await post(body);
      },
      () => {
        const body = JSON.stringify({ id, baseRevision: revision, doc: stored.doc, claims: current });
        return () => post(body);
      },
    );
  } finally {
    await server.stop();
  }

  const size = (await readFile(reviewFile)).length;
  const reference = { name: `raw write+fsync of the ${(size / 1024 / 1024).toFixed(2)} MB file`, value: inStore.raw };
  const serverReference = { name: reference.name, value: viaServer.raw };
  return [
    { name: `${label}: save one claim edit, store`, value: inStore.delta, unit: 'ms', reference, maxRatio: TARGET_RATIO },
    { name: `${label}: save one claim edit, server`, value: viaServer.delta, unit: 'ms', reference: serverReference, maxRatio: TARGET_RATIO },
    // Not a save: the same bytes through the same temp file, fsync, backup, rename and folder fsync, to show the floor.
    { name: `${label}: durable write alone, same bytes`, value: inStore.durable, unit: 'ms', reference },
    { name: `${label}: whole-review save, store`, value: inStore.whole, unit: 'ms', reference },
    { name: `${label}: whole-review save, server`, value: viaServer.whole, unit: 'ms', reference: serverReference },
  ];
}

console.log(`Saving one claim edit against a raw write+fsync of the review file, medians of ${RUNS} interleaved runs after ${WARM_UP} warm-up saves (${new Date().toISOString()})`);
const figures = [...(await benchSize('3,000 words, 200 claims', 200, 200)), ...(await benchSize('1 MB, 5,000 claims', 12_000, 5_000))];
reportFigures('storage: save one claim edit', figures);
