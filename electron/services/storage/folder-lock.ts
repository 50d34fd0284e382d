/**
 * One owner per data folder. lowdb is safe only with a single writer, so whoever opens a data
 * folder (the app, the browser-mode server, the command line) first takes this lock, and a
 * second owner is refused with a message that says which process holds it.
 *
 * Why not proper-lockfile: it judges staleness by the lock's mtime, so after a crash the folder
 * stays locked for at least its 2 s stale period. Recording the owner's pid and checking that
 * the process still lives frees the folder at once after a crash or SIGKILL.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { ApiError } from '../../../shared/api/envelope';
import { errorCode } from './storage-errors';

/** The lock's name inside the data folder. */
export const LOCK_FILE_NAME = 'factmark.lock';

/** Who holds a folder, as written in its lock file. */
export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** A held lock on a data folder. */
export interface FolderLock {
  readonly path: string;
  /** Removes the lock file if it is still this holder's; safe to call twice. */
  release(): Promise<void>;
}

/**
 * A lock file is empty for a moment between its exclusive creation and the write of its owner.
 * One that stays unreadable for longer than this was left by a crash.
 */
const UNREADABLE_LOCK_GRACE_MS = 500;
const MAX_ATTEMPTS = 3;

/** Lock files this process holds, so a second open in the same process is refused too. */
const heldByThisProcess = new Set<string>();

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user, so it is alive.
    return errorCode(error) !== 'ESRCH';
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { pid, hostname: host, startedAt } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof host !== 'string') return null;
    return { pid, hostname: host, startedAt: typeof startedAt === 'string' ? startedAt : '' };
  } catch {
    return null;
  }
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** The lock file's text once it is complete (or clearly abandoned); null when it vanished. */
async function readSettledLock(path: string): Promise<{ text: string; owner: LockOwner | null } | null> {
  for (;;) {
    const text = await readIfExists(path);
    if (text === null) return null;
    const owner = parseOwner(text);
    if (owner) return { text, owner };
    const modified = await stat(path).then(
      (stats) => stats.mtimeMs,
      () => 0,
    );
    if (Date.now() - modified > UNREADABLE_LOCK_GRACE_MS) return { text, owner: null };
    await sleep(25);
  }
}

function isStale(path: string, owner: LockOwner | null): boolean {
  if (owner === null) return true;
  // A pid on another computer (a shared network folder) cannot be checked from here.
  if (owner.hostname !== hostname()) return false;
  // Our own pid in a lock we do not hold: a previous run whose pid was reused (e.g. in a container).
  if (owner.pid === process.pid) return !heldByThisProcess.has(path);
  return !isAlive(owner.pid);
}

/**
 * Moves a stale lock out of the way. Renaming it aside and checking that what moved is the
 * stale lock we judged (not a fresh one another process wrote meanwhile) keeps two processes
 * that find the same stale lock from both taking the folder, as a plain unlink would allow.
 */
async function removeStaleLock(path: string, staleText: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomUUID()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  if ((await readIfExists(aside)) === staleText) {
    await unlink(aside).catch(() => undefined);
  } else {
    await rename(aside, path);
  }
}

/** Creates the lock file with O_EXCL; false when one is already there. */
async function tryCreateLockFile(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return true;
}

function holdLock(path: string, text: string): FolderLock {
  heldByThisProcess.add(path);
  let released = false;
  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    heldByThisProcess.delete(path);
    // Only our own lock: if it was taken over meanwhile, the file belongs to someone else.
    if ((await readIfExists(path)) === text) await unlink(path).catch(() => undefined);
  };
  return { path, release };
}

function refusal(dataDir: string, owner: LockOwner): ApiError {
  if (owner.hostname !== hostname()) {
    return new ApiError(
      'refused',
      `Another Factmark (process ${owner.pid} on ${owner.hostname}) is already using the data folder ${dataDir}. Close it first, or choose another folder with --data-dir. If that Factmark is no longer running, delete ${LOCK_FILE_NAME} in that folder.`,
    );
  }
  return new ApiError(
    'refused',
    `Another Factmark (process ${owner.pid}) is already using the data folder ${dataDir}. Close it first, or choose another folder with --data-dir.`,
  );
}

/**
 * Makes this process the one owner of `dataDir` (which must exist). A lock left by a dead
 * process on this computer, or an unreadable one, is taken over; a live owner means
 * ApiError('refused') naming its pid.
 */
export async function acquireFolderLock(dataDir: string): Promise<FolderLock> {
  const path = resolve(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  const myText = JSON.stringify(me);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    if (await tryCreateLockFile(path, myText)) return holdLock(path, myText);
    const found = await readSettledLock(path);
    if (found === null) continue;
    if (found.owner && !isStale(path, found.owner)) throw refusal(dataDir, found.owner);
    await removeStaleLock(path, found.text);
  }
  throw new ApiError(
    'refused',
    `The data folder ${dataDir} could not be locked because other programs keep changing its ${LOCK_FILE_NAME}. Nothing was changed. Close other Factmark windows and try again.`,
  );
}
