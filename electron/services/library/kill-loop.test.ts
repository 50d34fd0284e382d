/**
 * Crash safety under real kills: a child process saves a large review (a long article, hundreds
 * of claims and their history) as fast as it can, and is killed with SIGKILL at 200 random
 * moments. After every kill the library reopens with no damaged file, holds every save that was
 * acknowledged, and its backup is a readable earlier version.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../shared/model/article-doc';
import { newClaim } from '../../../shared/model/claim';
import { LibraryStore } from './library-store';
import { migrateReviewFile } from './migrate';

const KILLS = 200;
const PARAGRAPHS = 2_000;
const CLAIMS = 400;

/** A review of ~1 MB: long article, claims with their history. */
async function largeReview(dataDir: string): Promise<string> {
  const store = await LibraryStore.open(dataDir);
  const sentence = 'The ministry said unemployment fell to 3.4 percent last year, the lowest since 1970. ';
  const content: DocNode[] = [];
  const claims = [];
  for (let index = 0; index < PARAGRAPHS; index++) {
    const id = `kill-claim-${index.toString().padStart(6, '0')}`;
    const marked = index < CLAIMS;
    if (marked) claims.push({ ...newClaim(id, '2026-01-01T00:00:00.000Z'), verdictId: 'false', rationale: 'Figures differ.' });
    content.push({ type: 'paragraph', content: [{ type: 'text', text: sentence }, { type: 'text', text: sentence, ...(marked ? { marks: [{ type: 'claim', attrs: { claimId: id } }] } : {}) }] });
  }
  const review = await store.createReview({ title: 'Kill loop', sourceUrl: '', origin: { kind: 'paste' }, doc: { type: 'doc', content } });
  await store.saveReview({ id: review.id, baseRevision: review.revision, doc: review.doc, claims });
  await store.close();
  return review.id;
}

/** The child as one bundled file: it starts in a fraction of the time tsx needs, so more kills fit. */
async function bundledChild(folder: string): Promise<string> {
  const outfile = join(folder, 'crash-child.mjs');
  await build({ entryPoints: [fileURLToPath(new URL('./crash-child.fixture.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
  return outfile;
}

describe('saving through SIGKILL', () => {
  it(`holds every acknowledged save of a large review through ${KILLS} kills at random moments, and never finds a damaged file`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-kill-'));
    const id = await largeReview(dataDir);
    const child = await bundledChild(await mkdtemp(join(tmpdir(), 'factmark-kill-child-')));
    const file = join(dataDir, 'reviews', `${id}.json`);
    let lastAck = 0;
    let revision = 0;
    for (let round = 0; round < KILLS; round++) {
      const running = spawn(process.execPath, [child, dataDir, id, String(lastAck)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let buffered = '';
      let stderr = '';
      running.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const acked = (): number => Math.max(lastAck, ...[...buffered.matchAll(/ACK (\d+)\n/g)].map((match) => Number(match[1])));
      await new Promise<void>((resolve, reject) => {
        running.stdout.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          if (acked() > lastAck) resolve();
        });
        running.on('exit', () => reject(new Error(`the child ended by itself: ${stderr}`)));
      });
      // Somewhere inside a later save: writing the temp file, fsync, one of the renames.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 120));
      running.kill('SIGKILL');
      await new Promise((resolve) => running.once('exit', resolve));
      const ackedNow = acked();

      const reopened = await LibraryStore.open(dataDir);
      try {
        expect(reopened.notices()).toEqual([]);
        const review = reopened.getReview(id);
        const counter = Number(/save (\d+)/.exec(review.claims[0]?.rationale ?? '')?.[1]);
        expect(counter).toBeGreaterThanOrEqual(ackedNow);
        expect(counter).toBeLessThanOrEqual(ackedNow + 1);
        expect(review.claims).toHaveLength(CLAIMS);
        expect(review.revision).toBeGreaterThan(revision);
        revision = review.revision;
        lastAck = counter;
      } finally {
        await reopened.close();
      }
      // The backup, when there is one, is a whole earlier version.
      const backup = await readFile(`${file}.bak`, 'utf8').catch(() => null);
      if (backup !== null) expect(migrateReviewFile(JSON.parse(backup)).review.revision).toBeLessThanOrEqual(revision);
    }
  }, 600_000);
});
