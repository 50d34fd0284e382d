import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableJsonFile, type RecoveryReport } from './durable-json-file';
import { migrateReviewFile } from './migrate';
import type { RenameImpl } from './rename-with-retry';
import { CorruptFileError, NewerFormatError } from './storage-errors';
import { tempDataDir } from './test-review.fixture';

interface Note {
  schemaVersion: 1;
  text: string;
}

function parseNote(raw: unknown): Note {
  const { schemaVersion, text } = (raw ?? {}) as Record<string, unknown>;
  if (schemaVersion === 99) throw new NewerFormatError(99);
  if (schemaVersion !== 1 || typeof text !== 'string') throw new CorruptFileError('not a note');
  return { schemaVersion: 1, text };
}

const note = (text: string): Note => ({ schemaVersion: 1, text });

async function noteFile(options: { renameImpl?: RenameImpl } = {}): Promise<{ path: string; reports: RecoveryReport[]; file: DurableJsonFile<Note> }> {
  const path = join(await tempDataDir(), 'note.json');
  const reports: RecoveryReport[] = [];
  const file = new DurableJsonFile<Note>(path, { parse: parseNote, onRecovered: (report) => reports.push(report), ...options });
  return { path, reports, file };
}

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8')) as unknown;

describe('DurableJsonFile', () => {
  it('reads back what it wrote and keeps the previous version as the .bak backup', async () => {
    const { path, file } = await noteFile();
    expect(await file.read()).toBeNull();
    await file.write(note('first'));
    await file.write(note('second'));
    expect(await file.read()).toEqual(note('second'));
    expect(await readJson(`${path}.bak`)).toEqual(note('first'));
    expect(await readdir(join(path, '..'))).toEqual(['note.json', 'note.json.bak']);
  });

  it('writes only the newest data when several writes wait for their turn, and resolves them all', async () => {
    let renames = 0;
    const { path, file } = await noteFile({ renameImpl: (from, to) => ((renames += 1), rename(from, to)) });
    await file.write(note('start'));
    renames = 0;
    const first = file.write(note('one'));
    // The first write has not started yet when the next calls arrive: all three become one write.
    const joined = [file.write(note('two')), file.write(note('three'))];
    await Promise.all([first, ...joined]);
    expect(await readJson(path)).toEqual(note('three'));
    expect(renames).toBe(2); // file -> .bak, .tmp -> file: a single write
  });

  it('queues a write that arrives while another is on its way to disk', async () => {
    const { path, file } = await noteFile();
    const first = file.write(note('one'));
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    const second = file.write(note('two'));
    await Promise.all([first, second]);
    expect(await readJson(path)).toEqual(note('two'));
    expect(await readJson(`${path}.bak`)).toEqual(note('one'));
  });

  it('retries a rename refused with EPERM, as Windows virus scanners cause, until the write lands', async () => {
    let failures = 0;
    const flakyRename: RenameImpl = async (from, to) => {
      if (failures < 3) {
        failures += 1;
        throw Object.assign(new Error(`EPERM: operation not permitted, rename '${from}'`), { code: 'EPERM' });
      }
      await rename(from, to);
    };
    const { path, file } = await noteFile({ renameImpl: flakyRename });
    await file.write(note('saved despite the scanner'));
    expect(failures).toBe(3);
    expect(await readJson(path)).toEqual(note('saved despite the scanner'));
  });

  it('fails at once on a rename error that waiting cannot fix, leaving the old file in place', async () => {
    let calls = 0;
    const { path, file } = await noteFile();
    await file.write(note('kept'));
    const broken = new DurableJsonFile<Note>(path, {
      parse: parseNote,
      renameImpl: async () => {
        calls += 1;
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    });
    await expect(broken.write(note('lost'))).rejects.toThrow(/ENOSPC/);
    expect(calls).toBe(1);
    expect(await readJson(path)).toEqual(note('kept'));
  });

  it('restores the backup when a crash fell between the two renames and only .bak is left', async () => {
    const { path, file, reports } = await noteFile();
    await file.write(note('acknowledged'));
    await rename(path, `${path}.bak`);
    const reopened = new DurableJsonFile<Note>(path, { parse: parseNote });
    expect(await reopened.read()).toEqual(note('acknowledged'));
    expect(await readJson(path)).toEqual(note('acknowledged'));
    expect(reports).toEqual([]);
  });

  it('sets a damaged file aside with its bytes and restores the backup, reporting both', async () => {
    const { path, file, reports } = await noteFile();
    await file.write(note('good'));
    await file.write(note('newer'));
    const damaged = Buffer.from('{"schemaVersion":1,"te');
    await writeFile(path, damaged);
    const reopened = new DurableJsonFile<Note>(path, { parse: parseNote, onRecovered: (report) => reports.push(report) });
    expect(await reopened.read()).toEqual(note('good'));
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report).toMatchObject({ file: path, restoredFromBackup: true });
    expect(report?.quarantinedAs).toMatch(/note\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z$/);
    expect(await readFile(report?.quarantinedAs ?? '')).toEqual(damaged);
    expect(await readJson(path)).toEqual(note('good'));
    expect(await readJson(`${path}.bak`)).toEqual(note('good'));
  });

  it('reports a damaged file with no backup as not restored and reads nothing', async () => {
    const { path, reports } = await noteFile();
    await writeFile(path, Buffer.alloc(64));
    const file = new DurableJsonFile<Note>(path, { parse: parseNote, onRecovered: (report) => reports.push(report) });
    expect(await file.read()).toBeNull();
    expect(reports).toMatchObject([{ restoredFromBackup: false }]);
    expect(await readFile(reports[0]?.quarantinedAs ?? '')).toEqual(Buffer.alloc(64));
  });

  it('never overwrites an earlier damaged copy set aside in the same millisecond', async () => {
    const { path, reports } = await noteFile();
    const frozen = new Date('2026-03-14T10:00:00.000Z');
    for (const bytes of ['first damage', 'second damage']) {
      await writeFile(path, bytes);
      await new DurableJsonFile<Note>(path, { parse: parseNote, now: () => frozen, onRecovered: (report) => reports.push(report) }).read();
    }
    const names = reports.map((report) => report.quarantinedAs);
    expect(new Set(names).size).toBe(2);
    expect(await Promise.all(names.map((name) => readFile(name, 'utf8')))).toEqual(['first damage', 'second damage']);
  });

  it('refuses a file of a newer format without renaming or changing it', async () => {
    const { path, reports } = await noteFile();
    const newer = Buffer.from(JSON.stringify({ schemaVersion: 99, text: 'from the future' }));
    await writeFile(path, newer);
    const file = new DurableJsonFile<Note>(path, { parse: parseNote, onRecovered: (report) => reports.push(report) });
    await expect(file.read()).rejects.toThrow(/newer version of Factmark \(format 99\)\. Nothing was changed/);
    expect(await readFile(path)).toEqual(newer);
    expect(await readdir(join(path, '..'))).toEqual(['note.json']);
    expect(reports).toEqual([]);
  });

  it('leaves a file alone when parse fails for a reason other than damage', async () => {
    const { path } = await noteFile();
    await writeFile(path, JSON.stringify(note('fine')));
    const file = new DurableJsonFile<Note>(path, {
      parse: () => {
        throw new TypeError('a bug in the parser');
      },
    });
    await expect(file.read()).rejects.toThrow(TypeError);
    expect(await readdir(join(path, '..'))).toEqual(['note.json']);
  });

  it('refuses a review file of format 99 through migrateReviewFile, leaving its bytes unchanged', async () => {
    const path = join(await tempDataDir(), 'review.json');
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 99, review: { anything: true } }));
    await writeFile(path, bytes);
    const file = new DurableJsonFile(path, { parse: migrateReviewFile });
    await expect(file.read()).rejects.toMatchObject({ code: 'refused' });
    expect(await readFile(path)).toEqual(bytes);
  });
});
