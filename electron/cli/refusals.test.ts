/**
 * What the command line refuses, and how it says so: data folders it must not use, paths that
 * are not what they seem, addresses that are not web addresses, read-only and full disks. Every
 * refusal is one plain sentence (no stack trace, no "unexpected failure"), and leaves every file
 * byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderSnapshot } from '../services/library/folder-snapshot.fixture';
import { factmark, lastLine, runFactmark, type CommandResult } from './run-factmark.fixture';

const ARTICLE = 'The mayor said crime fell by 20 percent since 2020.\n\nCritics said crime fell by 5 percent at most.\n';

/** A refusal as a reviewer should see it: exit code, one plain line, no programmer's detail. */
function expectPlainRefusal(result: CommandResult, words: RegExp, code = 1): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr).toMatch(words);
  expect(result.stderr).not.toMatch(/unexpected failure|\n\s+at |Error:|ENOENT|EACCES|Invalid input|FACTMARK_DEBUG/);
  expect(result.stderr.trim().split('\n').filter((line) => line.startsWith('factmark:'))).toHaveLength(1);
}

const mounted: string[] = [];
/** A tmpfs of `size` on a new folder, or null where this machine does not allow mounting. */
async function smallDisk(size: string): Promise<string | null> {
  const folder = await mkdtemp(join(tmpdir(), 'factmark-cli-disk-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder], { stdio: 'ignore' }).status !== 0) return null;
  mounted.push(folder);
  return folder;
}
const canMount = (await smallDisk('64k')) !== null;
afterAll(() => {
  for (const folder of mounted.splice(0)) spawnSync('umount', ['-l', folder], { stdio: 'ignore' });
});

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-refusals-'));
  await writeFile(join(work, 'article.txt'), ARTICLE);
});

describe('data folders the command line will not use', () => {
  it('refuses the kernel’s process folder at once instead of spinning', async () => {
    const result = await runFactmark(['--data-dir', '/proc', 'list'], { timeoutMs: 20_000 });
    expectPlainRefusal(result, /\/proc already holds other files .* is not a Factmark data folder/);
    // Node's recursive mkdir never settles there; the folder is made one level at a time.
    expectPlainRefusal(await runFactmark(['--data-dir', '/proc/factmark', 'import', join(work, 'article.txt')], { timeoutMs: 20_000 }), /The data folder \/proc\/factmark could not be created/);
  });

  it('refuses a folder of other files (as /etc is) and creates nothing in it', async () => {
    const system = join(work, 'etc-like');
    await mkdir(system);
    await writeFile(join(system, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    await writeFile(join(system, 'hosts'), '127.0.0.1 localhost\n');
    const before = await folderSnapshot(system);
    for (const args of [['list'], ['import', join(work, 'article.txt')], ['export', 'abcdefgh1234', '--format', 'md']]) {
      expectPlainRefusal(await factmark(system, ...args), /already holds other files \(.*hosts.*\) and is not a Factmark data folder/);
    }
    expect(await folderSnapshot(system)).toEqual(before);
  });

  it('says an empty --data-dir needs a name instead of using the default folder', async () => {
    expectPlainRefusal(await runFactmark(['--data-dir', '', 'list']), /--data-dir needs a folder name/, 2);
    expectPlainRefusal(await runFactmark(['--data-dir=', 'list']), /--data-dir needs a folder name/, 2);
  });

  it('says a file is not a folder, without a stack trace', async () => {
    const file = join(work, 'notes.txt');
    await writeFile(file, 'my notes');
    expectPlainRefusal(await factmark(file, 'list'), /notes\.txt is a file, not a folder/);
    expectPlainRefusal(await factmark(join(file, 'inside'), 'import', join(work, 'article.txt')), /part of its path is a file/);
  });

  it('creates a missing folder only for a command that writes', async () => {
    const fresh = join(work, 'not-yet', 'library');
    const listed = await factmark(fresh, 'list');
    expect(listed).toMatchObject({ code: 0, stdout: expect.stringContaining('No reviews yet') });
    expect(existsSync(join(work, 'not-yet'))).toBe(false);
    const imported = await factmark(fresh, 'import', join(work, 'article.txt'));
    expect(imported.code, imported.stderr).toBe(0);
    expect((await readdir(fresh)).sort()).toEqual(['library.json', 'originals', 'reviews']);
  });
});

describe('paths given to import and export', () => {
  let dataDir: string;
  let id: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'factmark-refusals-data-'));
    id = lastLine((await factmark(dataDir, 'import', join(work, 'article.txt'))).stdout);
  });

  it('imports only regular files: not a link to the password-hash file, a device or a folder', async () => {
    const before = await folderSnapshot(dataDir);
    const link = join(work, 'innocent.txt');
    await symlink('/etc/shadow', link);
    expectPlainRefusal(await factmark(dataDir, 'import', link), /innocent\.txt is a symbolic link \(to \/etc\/shadow\); Factmark imports only the file itself/);
    expectPlainRefusal(await factmark(dataDir, 'import', '/dev/zero'), /\/dev\/zero is not a regular file/);
    expectPlainRefusal(await factmark(dataDir, 'import', work), /is a folder; give the path of a document file/);
    expectPlainRefusal(await factmark(dataDir, 'import', join(work, 'missing.txt')), /missing\.txt cannot be read: there is no such file or folder/);
    expect(await folderSnapshot(dataDir)).toEqual(before);
  });

  it('reads files to check or to take claims from only when they are regular files: a device or a pipe is refused at once', async () => {
    const pipe = join(await mkdtemp(join(tmpdir(), 'factmark-pipe-')), 'pipe');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    for (const args of [['validate', '/dev/zero'], ['validate', pipe], ['annotate', id, '--from', '/dev/zero'], ['annotate', id, '--from', pipe]]) {
      const result = await runFactmark(['--data-dir', dataDir, ...args], { timeoutMs: 20_000 });
      expectPlainRefusal(result, /is not a regular file/);
    }
  });

  it('writes a report to standard output for -o -, and never a file named "-"', async () => {
    const result = await runFactmark(['--data-dir', dataDir, 'export', id, '--format', 'md', '-o', '-'], { cwd: work });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# Fact-check: article\n/);
    expect(existsSync(join(work, '-'))).toBe(false);
  });

  it('says a folder or a missing folder is no place for a report, and writes nothing', async () => {
    const before = await folderSnapshot(work);
    expectPlainRefusal(await factmark(dataDir, 'export', id, '--format', 'html', '-o', work), /is a folder\. Give a file name with -o/);
    expectPlainRefusal(await factmark(dataDir, 'export', id, '--format', 'html', '-o', join(work, 'no-such-folder', 'report.html')), /no-such-folder does not exist\. Nothing was written/);
    expectPlainRefusal(await factmark(dataDir, 'share', id, '-o', join(work, 'no-such-folder', 'x.factmark')), /does not exist\. Nothing was written/);
    // A device is never replaced by a report, even for root.
    expectPlainRefusal(await factmark(dataDir, 'export', id, '--format', 'html', '-o', '/dev/full'), /\/dev\/full is not a regular file \(a device, pipe or socket\)/);
    expect((await lstat('/dev/full')).isCharacterDevice()).toBe(true);
    expectPlainRefusal(await factmark(dataDir, 'export', id, '--format', 'md', '-o', '/proc/version'), /\/proc\/version could not be written: there is no such file or folder\. Nothing was written\./);
    expect(await folderSnapshot(work)).toEqual(before);
  });

  it('says in --help that -o replaces an existing file and that - is standard output', async () => {
    const help = await factmark(dataDir, 'export', '--help');
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/replacing it if it exists; - for standard output/);
  });

  it('refuses an evidence address that is not a web address, naming it, and changes nothing', async () => {
    const before = await folderSnapshot(dataDir);
    const hostile = 'http://evil.example/"><img src=x onerror=alert(4)>';
    expectPlainRefusal(await factmark(dataDir, 'annotate', id, '--quote', 'crime fell by 20 percent', '--evidence', hostile), /Evidence address 1 of claim 1: “http:\/\/evil\.example\/"><img src=x onerror=alert\(4\)>” is not a web address: it contains a quote mark/);
    expectPlainRefusal(await factmark(dataDir, 'annotate', id, '--quote', 'crime fell by 20 percent', '--appearance', 'http:/x'), /has no real site in it/);
    expect(await folderSnapshot(dataDir)).toEqual(before);
    const kept = await factmark(dataDir, 'annotate', id, '--quote', 'crime fell by 20 percent', '--evidence', 'stats.example.gov/crime');
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).toBe('note: stats.example.gov/crime is kept as https://stats.example.gov/crime\n');
  });
});

describe('disks that cannot take a write', () => {
  it.skipIf(!canMount)('reads a library on a read-only disk: list, export and validate work; import says the folder is read-only (needs mount)', async () => {
    const disk = (await smallDisk('4m')) as string;
    const imported = await factmark(disk, 'import', join(work, 'article.txt'));
    const id = lastLine(imported.stdout);
    expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
    const before = await folderSnapshot(disk);
    expect(await factmark(disk, 'list')).toMatchObject({ code: 0, stdout: expect.stringContaining(id) });
    expect(await factmark(disk, 'export', id, '--format', 'csv')).toMatchObject({ code: 0, stdout: expect.stringContaining('quote') });
    expect((await factmark(disk, 'validate', id)).code).toBe(0);
    expectPlainRefusal(await factmark(disk, 'import', join(work, 'article.txt')), /is read-only for you, so nothing can be added or changed in it/);
    expect(await folderSnapshot(disk)).toEqual(before);
  });

  it.skipIf(!canMount)('says a full disk is full, and leaves no empty lock file behind (needs mount)', async () => {
    const disk = (await smallDisk('64k')) as string;
    spawnSync('dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=4k', 'count=64'], { stdio: 'ignore' });
    const dataDir = join(disk, 'library');
    const result = await factmark(dataDir, 'import', join(work, 'article.txt'));
    expectPlainRefusal(result, /The disk that holds the data folder .* is full\. Nothing was changed\. Free some space/);
    expect(existsSync(join(dataDir, 'factmark.lock'))).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)('says a folder it may not read is not usable (needs a user without root’s rights)', async () => {
    const locked = join(work, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o000);
    expectPlainRefusal(await factmark(locked, 'list'), /not allowed to read the folder/);
    await chmod(locked, 0o700);
  });
});
