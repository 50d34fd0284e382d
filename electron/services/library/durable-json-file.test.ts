import { mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableJsonFile } from './durable-json-file';

const parseCounter = (raw: unknown): { n: number } => {
  if (typeof (raw as { n?: unknown }).n !== 'number') throw new Error('no counter');
  return raw as { n: number };
};

describe('DurableJsonFile', () => {
  it('keeps the previous version as a backup', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'factmark-durable-')), 'data.json');
    const adapter = new DurableJsonFile(file, { parse: parseCounter });
    await adapter.write({ n: 1 });
    await adapter.write({ n: 2 });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 2 });
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8'))).toEqual({ n: 1 });
  });

  it('retries a rename refused with EPERM, as Windows does while a scanner holds the file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'factmark-durable-')), 'data.json');
    let refusals = 3;
    const flakyRename = async (from: string, to: string): Promise<void> => {
      if (refusals-- > 0) throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
      await rename(from, to);
    };
    const adapter = new DurableJsonFile(file, { parse: parseCounter, rename: flakyRename });
    await adapter.write({ n: 7 });
    expect(await adapter.read()).toEqual({ n: 7 });
    expect(refusals).toBeLessThan(0);
  });

  it('gives up on a rename that keeps failing, leaving the old file in place', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'factmark-durable-')), 'data.json');
    await new DurableJsonFile(file, { parse: parseCounter }).write({ n: 1 });
    const refusing = new DurableJsonFile(file, {
      parse: parseCounter,
      rename: async () => {
        throw Object.assign(new Error('no such device'), { code: 'ENODEV' });
      },
    });
    await expect(refusing.write({ n: 2 })).rejects.toThrow('no such device');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 1 });
    expect((await readdir(dirname(file))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('uses the backup when a crash left no file between the two renames', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'factmark-durable-')), 'data.json');
    const adapter = new DurableJsonFile(file, { parse: parseCounter });
    await adapter.write({ n: 1 });
    await adapter.write({ n: 2 });
    await rename(file, `${file}.bak`);
    await writeFile(`${file}.tmp`, '{"n": 3');
    expect(await new DurableJsonFile(file, { parse: parseCounter }).read()).toEqual({ n: 2 });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 2 });
  });

  it('runs writes one at a time in the order they were asked for', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'factmark-durable-')), 'data.json');
    const adapter = new DurableJsonFile(file, { parse: parseCounter });
    await Promise.all(Array.from({ length: 20 }, (_, index) => adapter.write({ n: index })));
    expect(await adapter.read()).toEqual({ n: 19 });
  });

  it('leaves a file untouched when reading it fails for another reason than damage', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'factmark-durable-')), 'data.json');
    await new DurableJsonFile(file, { parse: parseCounter }).write({ n: 1 });
    const before = await readFile(file, 'utf8');
    const buggy = new DurableJsonFile(file, {
      parse: () => {
        throw new TypeError('a bug in the reader');
      },
    });
    await expect(buggy.read()).rejects.toThrow('a bug in the reader');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('never rotates a file damaged behind its back into the backup: it is set aside and the backup is the last good version', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'factmark-durable-'));
    const file = join(folder, 'data.json');
    const changes: { readable: boolean; setAsideAs: string }[] = [];
    const adapter = new DurableJsonFile(file, { parse: parseCounter, onChangedOutside: (report) => changes.push(report) });
    await adapter.write({ n: 1 });
    await adapter.write({ n: 2 });
    for (const round of [3, 4]) {
      const garbage = randomBytes(300);
      await writeFile(file, garbage);
      await adapter.write({ n: round });
      expect(JSON.parse(await readFile(`${file}.bak`, 'utf8'))).toEqual({ n: round - 1 });
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: round });
      const aside = changes.at(-1);
      expect(aside?.readable).toBe(false);
      expect(await readFile(aside?.setAsideAs as string)).toEqual(garbage);
    }
    // Damaged again, then a restart: the backup is the last good version before the damage.
    await writeFile(file, randomBytes(300));
    expect(await new DurableJsonFile(file, { parse: parseCounter }).read()).toEqual({ n: 3 });
  });

  it('sets aside a readable file another program wrote, so neither version is lost', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'factmark-durable-'));
    const file = join(folder, 'data.json');
    const changes: { readable: boolean; setAsideAs: string; reason: string }[] = [];
    const adapter = new DurableJsonFile(file, { parse: parseCounter, onChangedOutside: (report) => changes.push(report) });
    await adapter.write({ n: 1 });
    await adapter.write({ n: 2 });
    await writeFile(file, JSON.stringify({ n: 99 }));
    await adapter.write({ n: 3 });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ readable: true, reason: 'it was changed by another program' });
    expect(JSON.parse(await readFile(changes[0]?.setAsideAs as string, 'utf8'))).toEqual({ n: 99 });
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8'))).toEqual({ n: 2 });
    expect((await readdir(folder)).sort()).toEqual(['data.json', 'data.json.bak', (changes[0]?.setAsideAs as string).slice(folder.length + 1)].sort());
  });

  it('never lets the file go missing while it is replaced, so another reader always finds a whole version', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'factmark-durable-')), 'data.json');
    const adapter = new DurableJsonFile(file, { parse: parseCounter });
    await adapter.write({ n: 0 });
    let reading = true;
    const seen: number[] = [];
    const reader = (async () => {
      while (reading) {
        seen.push(parseCounter(JSON.parse(await readFile(file, 'utf8'))).n);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let n = 1; n <= 200; n++) await adapter.write({ n });
    reading = false;
    await reader;
    expect(seen.length).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8'))).toEqual({ n: 199 });
  });
});
