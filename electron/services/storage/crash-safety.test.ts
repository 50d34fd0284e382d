/**
 * Kills a saving process with SIGKILL at random moments and checks that every acknowledged
 * save survives: the promise of saveReview must resolve only once the data is on disk.
 */
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from './library-store';
import { ARTICLE, counterClaim, readCounter, spawnStorageScript, tempDataDir } from './test-review.fixture';

const KILLS = 50;
const PRESTARTED = 4;

interface SavingChild {
  process: ChildProcess;
  /** Resolves at the first ACK; rejects if the child ends before acknowledging anything. */
  firstAck: Promise<void>;
  /** Resolves with the highest ACK once the child is gone and reaped (the lock's pid is dead). */
  exited: Promise<number>;
}

function startChild(dataDir: string, reviewId: string): SavingChild {
  const child = spawnStorageScript('crash-child.fixture.ts', [dataDir, reviewId]);
  let lastAck = 0;
  let buffered = '';
  let stderr = '';
  let onFirstAck: () => void = () => undefined;
  const firstAck = new Promise<void>((resolve, reject) => {
    onFirstAck = resolve;
    child.once('close', (code, signal) => reject(new Error(`crash child ended before its first ACK (${code ?? signal}): ${stderr}`)));
  });
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^ACK (\d+)$/.exec(line);
      if (!match) continue;
      lastAck = Math.max(lastAck, Number(match[1]));
      onFirstAck();
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close' comes after the process was reaped and its stdout drained: every ACK is counted.
  const exited = new Promise<number>((resolve) => child.once('close', () => resolve(lastAck)));
  return { process: child, firstAck, exited };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('saving under SIGKILL', () => {
  it(
    'keeps every acknowledged save when the saving process is killed at 50 random moments',
    async () => {
      const dataDir = await tempDataDir();
      const setup = await LibraryStore.open(dataDir);
      const { id } = await setup.createReview({ title: 'Crash test', sourceUrl: '', origin: { kind: 'paste' }, doc: ARTICLE });
      await setup.saveReview({ id, doc: ARTICLE, claims: [counterClaim(0)] });
      await setup.close();

      // Children are started ahead of their turn, so Node and tsx start-up (about a second on a
      // 2-core machine) overlaps earlier rounds; a waiting child touches nothing until told to go.
      const waiting = Array.from({ length: Math.min(PRESTARTED, KILLS) }, () => startChild(dataDir, id));
      for (let kill = 1; kill <= KILLS; kill++) {
        const current = waiting.shift();
        if (!current) throw new Error('no child left to run');
        current.process.stdin?.write('go\n');
        await current.firstAck;
        if (kill + waiting.length < KILLS) waiting.push(startChild(dataDir, id));
        await sleep(5 + Math.random() * 145);
        current.process.kill('SIGKILL');
        const lastAck = await current.exited;

        // The dead child's lock must be taken over at once, and its last ACK must be on disk.
        const store = await LibraryStore.open(dataDir);
        const counter = readCounter(store.getReview(id).claims);
        expect(counter, `after kill ${kill}`).toBeGreaterThanOrEqual(lastAck);
        // One ahead at most: a save can land on disk just before its ACK is printed.
        if (process.platform === 'linux') expect(counter, `after kill ${kill}`).toBeLessThanOrEqual(lastAck + 1);
        // A process crash (unlike a power cut) never damages a file, so nothing was set aside.
        expect(store.notices()).toEqual([]);
        await store.close();
      }
    },
    120_000,
  );
});
