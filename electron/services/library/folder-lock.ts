/**
 * One owner per data folder. lowdb is safe only with a single writer, so the app, the browser
 * mode server and the command line take this lock before touching a folder.
 * Why not proper-lockfile: its mtime-based staleness needs ≥ 2 s after a crash before the
 * folder can be used again; checking whether the owning process still lives frees it at once.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { ApiError } from '../../../shared/api/envelope';

export const LOCK_FILE = 'factmark.lock';

interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface FolderLock {
  /** Lets go of the folder if this process still holds it. */
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  return ownerOf(await readFile(path, 'utf8').catch(() => ''));
}

function ownerOf(text: string): LockOwner | null {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.hostname === 'string' ? { pid: owner.pid, hostname: owner.hostname, startedAt: String(owner.startedAt) } : null;
  } catch {
    return null;
  }
}

/** Takes the data folder for this process, or explains which process has it. */
export async function acquireFolderLock(dataDir: string): Promise<FolderLock> {
  const path = join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(me));
        await handle.sync();
      } finally {
        await handle.close();
      }
      return {
        release: async () => {
          const owner = await readOwner(path);
          if (owner?.pid === me.pid && owner.startedAt === me.startedAt) await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const judged = await readFile(path, 'utf8').catch(() => '');
      const owner = ownerOf(judged);
      // A lock from a process that died (or a half-written lock file) is stale: take the folder over.
      const stale = owner === null || (owner.hostname === me.hostname && owner.pid !== me.pid && !isAlive(owner.pid));
      if (!stale) {
        const who = owner.pid === me.pid ? 'this same process' : `process ${owner.pid}${owner.hostname === me.hostname ? '' : ` on ${owner.hostname}`}`;
        throw new ApiError(
          'refused',
          `Another Factmark (${who}) is already using the data folder ${dataDir}. Nothing was changed. Close the other Factmark first, or choose another folder with --data-dir.`,
        );
      }
      // Move the stale lock aside rather than deleting it: if two processes find it stale at once,
      // only one rename succeeds, so only one of them can go on to take the folder.
      const aside = `${path}.stale-${process.pid}`;
      const movedAside = await rename(path, aside).then(
        () => true,
        () => false,
      );
      if (!movedAside) continue;
      if ((await readFile(aside, 'utf8').catch(() => '')) !== judged) {
        // Another process took the folder between our look and our move: give its lock back.
        await rename(aside, path).catch(() => undefined);
        continue;
      }
      await unlink(aside).catch(() => undefined);
    }
  }
  throw new ApiError('refused', `The data folder ${dataDir} could not be locked. Nothing was changed. Try again, or choose another folder with --data-dir.`);
}
