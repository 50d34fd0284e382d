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
import { explainOpenFailure } from './write-failure';

export const LOCK_FILE = 'factmark.lock';

/** Where a running app answers API calls for its data folder, so the command line can work through it. */
export interface OwnerEndpoint {
  url: string;
  token: string;
}

interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  endpoint?: OwnerEndpoint;
}

export interface FolderLock {
  /** Lets go of the folder if this process still holds it. */
  release(): Promise<void>;
  /** Says in the lock file where this process answers API calls (readable by the folder's owner only). */
  advertise(endpoint: OwnerEndpoint): Promise<void>;
}

/** What a store opened only for reading holds: no lock at all (it never writes). */
export const READ_ONLY_LOCK: FolderLock = {
  release: async () => undefined,
  advertise: async () => {
    throw new ApiError('refused', 'A data folder opened only for reading cannot be shared with the command line.');
  },
};

/** The live process holding `dataDir` and where it answers, or null when no live process holds it. */
export async function runningOwner(dataDir: string): Promise<{ pid: number; endpoint: OwnerEndpoint | null } | null> {
  const owner = await readOwner(join(dataDir, LOCK_FILE));
  if (!owner || owner.hostname !== hostname() || owner.pid === process.pid || !isAlive(owner.pid)) return null;
  return { pid: owner.pid, endpoint: owner.endpoint ?? null };
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
    if (typeof owner.pid !== 'number' || typeof owner.hostname !== 'string') return null;
    const endpoint = owner.endpoint && typeof owner.endpoint.url === 'string' && typeof owner.endpoint.token === 'string' && /^http:\/\/127\.0\.0\.1:\d+\/$/.test(owner.endpoint.url) ? { url: owner.endpoint.url, token: owner.endpoint.token } : undefined;
    return { pid: owner.pid, hostname: owner.hostname, startedAt: String(owner.startedAt), ...(endpoint ? { endpoint } : {}) };
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
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(me));
        await handle.sync();
      } catch (error) {
        // A full disk: an empty lock file left behind would only confuse the next start.
        await handle.close().catch(() => undefined);
        await unlink(path).catch(() => undefined);
        throw explainOpenFailure(error, dataDir);
      }
      await handle.close();
      return {
        release: async () => {
          const owner = await readOwner(path);
          if (owner?.pid === me.pid && owner.startedAt === me.startedAt) await unlink(path).catch(() => undefined);
        },
        advertise: async (endpoint) => {
          // Written aside and renamed over the lock, so the lock file never stops existing.
          const aside = `${path}.${process.pid}.tmp`;
          const handle = await open(aside, 'w', 0o600);
          try {
            await handle.writeFile(JSON.stringify({ ...me, endpoint }));
            await handle.sync();
          } finally {
            await handle.close();
          }
          await rename(aside, path);
        },
      };
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw explainOpenFailure(error, dataDir);
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
