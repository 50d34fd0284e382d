import { spawn } from 'node:child_process';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/envelope';
import { acquireFolderLock, LOCK_FILE_NAME } from './folder-lock';
import { tempDataDir } from './test-review.fixture';

/** The pid of a process that has just exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('the child process did not start');
  return child.pid;
}

const lockText = (pid: number, host = hostname()): string => JSON.stringify({ pid, hostname: host, startedAt: '2026-03-14T10:00:00.000Z' });

describe('acquireFolderLock', () => {
  it('refuses a second owner in the same process, naming the holder, and allows one after release', async () => {
    const dataDir = await tempDataDir();
    const lock = await acquireFolderLock(dataDir);
    const second = acquireFolderLock(dataDir);
    await expect(second).rejects.toBeInstanceOf(ApiError);
    await expect(second).rejects.toMatchObject({
      code: 'refused',
      message: `Another Factmark (process ${process.pid}) is already using the data folder ${dataDir}. Close it first, or choose another folder with --data-dir.`,
    });
    await lock.release();
    const again = await acquireFolderLock(dataDir);
    await again.release();
  });

  it('records the owner pid, host name and start time in the lock file', async () => {
    const dataDir = await tempDataDir();
    const lock = await acquireFolderLock(dataDir);
    const owner = JSON.parse(await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(owner).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(Number.isNaN(Date.parse(String(owner.startedAt)))).toBe(false);
    await lock.release();
  });

  it('takes over at once a lock left by a process that no longer exists', async () => {
    const dataDir = await tempDataDir();
    await writeFile(join(dataDir, LOCK_FILE_NAME), lockText(await deadPid()));
    const lock = await acquireFolderLock(dataDir);
    expect(JSON.parse(await readFile(lock.path, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it.each([
    ['empty', ''],
    ['half-written', '{"pid":12'],
  ])('takes over an %s lock file left by a crash', async (_case, text) => {
    const dataDir = await tempDataDir();
    const path = join(dataDir, LOCK_FILE_NAME);
    await writeFile(path, text);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(path, anHourAgo, anHourAgo);
    const lock = await acquireFolderLock(dataDir);
    await lock.release();
  });

  it('refuses a lock held from another computer, whose process cannot be checked from here', async () => {
    const dataDir = await tempDataDir();
    await writeFile(join(dataDir, LOCK_FILE_NAME), lockText(await deadPid(), 'newsroom-laptop-7'));
    await expect(acquireFolderLock(dataDir)).rejects.toThrow(/process \d+ on newsroom-laptop-7\).*delete factmark\.lock/);
  });

  it('does not remove a lock that another owner took over meanwhile', async () => {
    const dataDir = await tempDataDir();
    const lock = await acquireFolderLock(dataDir);
    const theirs = lockText(process.ppid);
    await writeFile(lock.path, theirs);
    await lock.release();
    expect(await readFile(lock.path, 'utf8')).toBe(theirs);
  });

  it('lets release be called twice without touching a later owner', async () => {
    const dataDir = await tempDataDir();
    const first = await acquireFolderLock(dataDir);
    await first.release();
    const second = await acquireFolderLock(dataDir);
    await first.release();
    await expect(acquireFolderLock(dataDir)).rejects.toMatchObject({ code: 'refused' });
    await second.release();
  });
});
