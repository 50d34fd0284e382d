/**
 * `npm run bench`: what a durable save costs. Times LibraryStore.saveReview (temp file, fsync,
 * backup rename, rename, folder fsync) against a plain writeFile of the same bytes and against
 * writeFile + fsync, in one run, for a typical and a very large review. Each timed save is an
 * autosave of one edited claim, so it includes recording the claim's history. Prints ratios.
 */
import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocNode } from '../../shared/model/article-doc';
import { newClaim, type Claim } from '../../shared/model/claim';
import { LibraryStore } from '../services/library';

function article(paragraphs: number, claimsWanted: number): { doc: DocNode & { type: 'doc' }; claims: Claim[] } {
  const sentence = 'The ministry said unemployment fell to 3.4 percent last year, the lowest rate since 1970. ';
  const content: DocNode[] = [];
  const claims: Claim[] = [];
  for (let index = 0; index < paragraphs; index++) {
    const marked = claims.length < claimsWanted;
    const id = `bench-claim-${index.toString().padStart(6, '0')}`;
    if (marked) claims.push({ ...newClaim(id, '2026-01-01T00:00:00.000Z'), verdictId: 'false', rationale: 'Figures from the statistics office differ.' });
    content.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: sentence },
        marked ? { type: 'text', text: sentence, marks: [{ type: 'claim', attrs: { claimId: id } }] } : { type: 'text', text: sentence },
      ],
    });
  }
  return { doc: { type: 'doc', content }, claims };
}

async function timeMedian(runs: number, action: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  return times[Math.floor(times.length / 2)] ?? 0;
}

async function benchSize(label: string, paragraphs: number, claimsWanted: number): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'factmark-bench-'));
  const store = await LibraryStore.open(dataDir);
  const { doc, claims } = article(paragraphs, claimsWanted);
  const review = await store.createReview({ title: 'Bench', sourceUrl: '', origin: { kind: 'paste' }, doc });
  // The first save gives every claim its history; the timed ones are autosaves of one edited claim.
  await store.saveReview({ id: review.id, baseRevision: store.getReview(review.id).revision, doc, claims });
  const bytes = JSON.stringify({ schemaVersion: 2, review: store.getReview(review.id) });
  const rawFile = join(dataDir, 'raw.json');
  const runs = 15;
  let edit = 0;

  const save = await timeMedian(runs, async () => {
    edit++;
    const edited = claims.map((claim, index) => (index === edit % claims.length ? { ...claim, rationale: `${claim.rationale} ${edit}`, updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, edit)).toISOString() } : claim));
    await store.saveReview({ id: review.id, baseRevision: store.getReview(review.id).revision, doc, claims: edited });
  });
  const raw = await timeMedian(runs, () => writeFile(rawFile, bytes));
  const rawSynced = await timeMedian(runs, async () => {
    const handle = await open(rawFile, 'w');
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
  });
  await store.close();
  const kb = (Buffer.byteLength(bytes) / 1024).toFixed(0);
  console.log(
    `${label.padEnd(28)} ${kb.padStart(6)} KB  save ${save.toFixed(2)} ms  raw write ${raw.toFixed(2)} ms  raw write+fsync ${rawSynced.toFixed(2)} ms  ` +
      `save/raw ${(save / raw).toFixed(1)}×  save/(raw+fsync) ${(save / rawSynced).toFixed(1)}×`,
  );
}

console.log(`Durable save vs plain writes of the same bytes (median of 15, ${new Date().toISOString()})`);
await benchSize('article, 100 claims', 300, 100);
await benchSize('long article, 5,000 claims', 6000, 5000);
