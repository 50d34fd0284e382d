/**
 * A lowdb adapter that survives crashes and power loss. steno, lowdb's own writer, renames a
 * temp file into place without fsync, which can leave an empty or NUL-filled file after a power
 * cut (lowdb #549, #352, #139). Here each write is fsynced before it replaces the file, the
 * previous file is kept as `.bak`, and a damaged file found on load is set aside, not lost.
 */
import { lstat, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { fileStamp } from './file-stamp';
import { renameWithRetry, type RenameImpl } from './rename-with-retry';
import { errorCode, isCorruption } from './storage-errors';

/** What happened when a damaged file was found on load. */
export interface RecoveryReport {
  /** The file that was damaged. */
  file: string;
  /** Where its bytes now are, for a person to inspect. */
  quarantinedAs: string;
  /** True when the `.bak` copy was put in its place; false when there was no usable one. */
  restoredFromBackup: boolean;
  /** Why the file was judged damaged, e.g. the JSON or schema error. */
  reason: string;
}

/** How a DurableJsonFile checks what it reads and tells about repairs. */
export interface DurableJsonFileOptions<T> {
  /**
   * Turns parsed JSON into T. Throw CorruptFileError for damaged content; any other error
   * (NewerFormatError above all) is passed to the caller with the file left untouched.
   */
  parse: (raw: unknown) => T;
  /** Called after a damaged file was set aside (and perhaps replaced by its backup). */
  onRecovered?: (report: RecoveryReport) => void;
  /** Replaces fs.rename; tests use it to simulate Windows sharing violations. */
  renameImpl?: RenameImpl;
  /** The clock for quarantine names. */
  now?: () => Date;
}

/** A write waiting for its turn; later writes replace its data instead of queueing behind it. */
interface PendingWrite<T> {
  data: T;
  done: Promise<void>;
}

// A folder cannot be opened or fsynced on Windows (EISDIR/EPERM) nor on some network and FUSE
// file systems (EINVAL, ENOTSUP). The file itself was already fsynced, so the save stands.
const UNSYNCABLE_FOLDER_CODES = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EBADF', 'ENOTSUP']);

/** fsync a folder so the renames in it survive a power cut (POSIX). */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (!UNSYNCABLE_FOLDER_CODES.has(errorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A JSON file written atomically and durably, with one last-good backup. All reads and writes
 * of one instance run one after another; use exactly one instance per file.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private readonly renameImpl: RenameImpl | undefined;
  private readonly now: () => Date;
  /** The end of the chain of file operations; never rejects. */
  private tail: Promise<void> = Promise.resolve();
  private pending: PendingWrite<T> | null = null;

  constructor(
    readonly path: string,
    private readonly options: DurableJsonFileOptions<T>,
  ) {
    this.renameImpl = options.renameImpl;
    this.now = options.now ?? (() => new Date());
  }

  /** The last-good copy: the file as it was before the latest write. */
  get backupPath(): string {
    return `${this.path}.bak`;
  }

  private get tempPath(): string {
    return `${this.path}.tmp`;
  }

  /**
   * Loads the file. A missing file is restored from `.bak` (a crash between the two renames of
   * a write leaves only that); a damaged one is set aside and `.bak` restored. Null when there is
   * no usable data. A newer-format file makes this throw and is left byte for byte as it was.
   */
  read(): Promise<T | null> {
    return this.exclusive(() => this.load());
  }

  /**
   * Writes `data`; resolves once it (or newer data from a later call) is durably on disk.
   * A call made while another write is waiting joins it: only the newest data is written,
   * so a burst of saves costs one write. `data` is serialised when its turn comes, so callers
   * must hand over a value they no longer mutate.
   */
  write(data: T): Promise<void> {
    if (this.pending) {
      this.pending.data = data;
      return this.pending.done;
    }
    const pending: PendingWrite<T> = { data, done: Promise.resolve() };
    pending.done = this.exclusive(async () => {
      // From here on, new calls queue a fresh write: this one's data is being serialised.
      this.pending = null;
      await this.persist(JSON.stringify(pending.data), { keepBackup: true });
    });
    this.pending = pending;
    return pending.done;
  }

  /** Resolves when every read and write asked for so far has finished, failed or not. */
  settled(): Promise<void> {
    return this.tail;
  }

  private exclusive<R>(task: () => Promise<R>): Promise<R> {
    const run = this.tail.then(task);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private parseText(text: string): T {
    return this.options.parse(JSON.parse(text) as unknown);
  }

  private async load(): Promise<T | null> {
    const text = await readTextIfExists(this.path);
    if (text === null) return this.restoreMissing();
    try {
      return this.parseText(text);
    } catch (error) {
      if (!isCorruption(error)) throw error;
      return this.restoreDamaged(describe(error));
    }
  }

  private async restoreMissing(): Promise<T | null> {
    const backupText = await readTextIfExists(this.backupPath);
    if (backupText === null) return null;
    try {
      const data = this.parseText(backupText);
      await this.persist(backupText, { keepBackup: false });
      return data;
    } catch (error) {
      if (!isCorruption(error)) throw error;
      const quarantinedAs = await this.setAside(this.backupPath);
      this.options.onRecovered?.({ file: this.path, quarantinedAs, restoredFromBackup: false, reason: describe(error) });
      return null;
    }
  }

  private async restoreDamaged(reason: string): Promise<T | null> {
    const quarantinedAs = await this.setAside(this.path);
    let restored: T | null = null;
    const backupText = await readTextIfExists(this.backupPath);
    if (backupText !== null) {
      try {
        restored = this.parseText(backupText);
      } catch (error) {
        if (!isCorruption(error)) throw error;
        // Left where it is: the next write replaces it with a good copy.
      }
    }
    // The backup is copied, not moved, so the folder holds a good copy at every moment.
    if (restored !== null && backupText !== null) await this.persist(backupText, { keepBackup: false });
    this.options.onRecovered?.({ file: this.path, quarantinedAs, restoredFromBackup: restored !== null, reason });
    return restored;
  }

  /** Moves a damaged file to `<file>.corrupt-<time>`, never over an earlier damaged copy. */
  private async setAside(path: string): Promise<string> {
    const base = `${this.path}.corrupt-${fileStamp(this.now())}`;
    let target = base;
    for (let copy = 2; await exists(target); copy++) target = `${base}-${copy}`;
    await renameWithRetry(path, target, this.renameImpl);
    return target;
  }

  private async persist(text: string, { keepBackup }: { keepBackup: boolean }): Promise<void> {
    const handle = await open(this.tempPath, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (keepBackup) {
      try {
        await renameWithRetry(this.path, this.backupPath, this.renameImpl);
      } catch (error) {
        // No current file yet (first write): there is nothing to keep.
        if (errorCode(error) !== 'ENOENT') throw error;
      }
    }
    await renameWithRetry(this.tempPath, this.path, this.renameImpl);
    await syncFolder(dirname(this.path));
  }
}
