/**
 * A lowdb adapter that survives crashes and power loss: each write goes to a temp file that
 * is fsynced, the previous file is linked as the `.bak` backup, the temp file is renamed over
 * the file (which so never goes missing, even for a moment) and the folder is fsynced. steno (lowdb's default writer) does not fsync, which can
 * leave an empty or NUL-filled file after a power cut (lowdb #549, #352, #139).
 */
import { copyFile, link, open, readFile, rename as fsRename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { DamagedFileError } from './migrate';

/** What happened when a damaged file was found on load. */
export interface RecoveryReport {
  file: string;
  /** Where the damaged bytes were moved, for a person to inspect. */
  quarantinedAs: string;
  restoredFromBackup: boolean;
  reason: string;
}

/** A file found changed on disk (by another program, or damaged) when it was about to become the backup. */
export interface OutsideChangeReport {
  file: string;
  /** Where the bytes found on disk were moved, so nothing is lost. */
  setAsideAs: string;
  /** False when what was found on disk did not even parse. */
  readable: boolean;
  reason: string;
}

export interface DurableJsonFileOptions<T> {
  /** Checks and upgrades what was read; throws ApiError('refused') for files it must not touch. */
  parse: (raw: unknown) => T;
  onRecovered?: (report: RecoveryReport) => void;
  /** Told when the file on disk is not the one this adapter last read or wrote. */
  onChangedOutside?: (report: OutsideChangeReport) => void;
  /** The rename to use; tests inject failures here. */
  rename?: (from: string, to: string) => Promise<void>;
  /**
   * Only read, never write or repair (a command that only reads, a read-only folder): a damaged
   * file is answered from its backup in memory and left as it is; `write` refuses with this error.
   */
  readOnly?: { refusal: () => Error };
  /**
   * The file's bytes for `data`, whole or in consecutive parts; must be JSON.stringify(data)
   * (the default), only made faster.
   */
  serialize?: (data: T) => FileBytes;
}

const RETRYABLE_RENAME_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Windows virus scanners and indexers hold files for seconds, not milliseconds. */
const RENAME_RETRY_BUDGET_MS = 5_000;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** What identifies one version of a file on disk: a rename or rewrite by anyone changes it. */
interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

async function identityOf(path: string): Promise<FileIdentity | null> {
  try {
    const info = await stat(path);
    return { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

const sameIdentity = (left: FileIdentity | null, right: FileIdentity | null): boolean =>
  left !== null && right !== null && left.ino === right.ino && left.size === right.size && left.mtimeMs === right.mtimeMs;

/**
 * A second name for `from` at `to` (a hard link: no bytes copied), or a copy where the file system
 * has no hard links. The file at `from` stays in place, so readers never find it missing.
 */
async function keepAs(from: string, to: string): Promise<void> {
  const linkOrCopy = async (): Promise<void> => {
    try {
      await link(from, to);
    } catch (error) {
      if (!['EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS', 'EMLINK', 'EOPNOTSUPP'].includes(errorCode(error) ?? '')) throw error;
      await copyFile(from, to);
    }
  };
  try {
    await linkOrCopy();
  } catch (error) {
    // A name left by an interrupted write is removed only when it is there: one system call less per save.
    if (errorCode(error) !== 'EEXIST') throw error;
    await unlink(to).catch(() => undefined);
    await linkOrCopy();
  }
}

/** A timestamp safe in file names on every system. */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** fsync a folder so a rename in it is durable (POSIX); Windows cannot open folders, which is fine there. */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF', 'EACCES'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Writes `bytes` to `path` through a temp file that is fsynced and renamed into place. */
export async function writeDurably(path: string, bytes: Uint8Array | string): Promise<void> {
  const temp = `${path}.tmp`;
  await writeSyncedTemp(temp, bytes);
  await fsRename(temp, path);
  await syncFolder(dirname(path));
}

/** What a file is written from: text, bytes, or bytes in consecutive parts. */
export type FileBytes = string | Uint8Array | readonly Uint8Array[];

/** Writes and fsyncs `temp`; a failed write (a full disk) removes what it left, so no half file stays behind. */
async function writeSyncedTemp(temp: string, bytes: FileBytes): Promise<void> {
  const handle = await open(temp, 'w');
  try {
    if (typeof bytes === 'string' || bytes instanceof Uint8Array) await handle.writeFile(bytes);
    else {
      // One gathered write, no copy into one buffer. It stops short, without an error, when the
      // system refuses a later part: writing the rest then raises that error (a full disk) or finishes.
      const parts = bytes;
      const { bytesWritten } = await handle.writev([...parts]);
      const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
      if (bytesWritten < total) await handle.writeFile(Buffer.concat(parts).subarray(bytesWritten));
    }
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

export class DurableJsonFile<T> implements Adapter<T> {
  private queue: Promise<void> = Promise.resolve();
  private readonly renameFile: (from: string, to: string) => Promise<void>;
  /** The file as this adapter last read (and parsed) or wrote it; only that version may become the backup. */
  private known: FileIdentity | null = null;
  /** What that version holds, to rebuild the backup from when the file on disk was damaged by someone else. */
  private lastGood: { data: T } | null = null;

  constructor(
    readonly path: string,
    private readonly options: DurableJsonFileOptions<T>,
  ) {
    this.renameFile = options.rename ?? fsRename;
  }

  /** The last-good copy kept beside the file. */
  get backupPath(): string {
    return `${this.path}.bak`;
  }

  private get tempPath(): string {
    return `${this.path}.tmp`;
  }

  /** Reads the file; a damaged one is set aside and its backup restored. Null when there is neither. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      // A crash between the two renames of a write leaves only the backup, the last acknowledged state.
      const backup = await this.readBackup();
      if (backup !== null && !this.options.readOnly) await this.writeNow(backup, { keepBackup: false });
      return backup;
    }
    try {
      const parsed = this.parseText(text);
      this.known = await identityOf(this.path);
      this.lastGood = { data: parsed };
      return parsed;
    } catch (error) {
      // Only a file that is not JSON or not in its format is damaged; any other error (a newer
      // format, a bug) leaves the file exactly as it is.
      if (!(error instanceof SyntaxError || error instanceof DamagedFileError)) throw error;
      return this.options.readOnly ? this.readBackup() : this.recover(error.message);
    }
  }

  /** Writes `data` durably; resolves once it is on disk. Writes run one at a time, in call order. */
  write(data: T): Promise<void> {
    if (this.options.readOnly) return Promise.reject(this.options.readOnly.refusal());
    const run = this.queue.then(() => this.writeNow(data, { keepBackup: true }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every write asked for so far has finished. */
  async settled(): Promise<void> {
    await this.queue;
  }

  private parseText(text: string): T {
    return this.options.parse(JSON.parse(text) as unknown);
  }

  private async readBackup(): Promise<T | null> {
    try {
      return this.parseText(await readFile(this.backupPath, 'utf8'));
    } catch {
      return null;
    }
  }

  private async recover(reason: string): Promise<T | null> {
    const quarantinedAs = `${this.path}.corrupt-${fileStamp()}`;
    await this.renameWithRetry(this.path, quarantinedAs);
    const backup = await this.readBackup();
    if (backup !== null) await this.writeNow(backup, { keepBackup: false });
    this.options.onRecovered?.({ file: this.path, quarantinedAs, restoredFromBackup: backup !== null, reason });
    return backup;
  }

  private serialize(data: T): FileBytes {
    return this.options.serialize ? this.options.serialize(data) : JSON.stringify(data);
  }

  private async writeNow(data: T, { keepBackup }: { keepBackup: boolean }): Promise<void> {
    await writeSyncedTemp(this.tempPath, this.serialize(data));
    try {
      if (keepBackup) await this.rotateIntoBackup();
      await this.renameWithRetry(this.tempPath, this.path);
    } catch (error) {
      // The file in place is untouched; leave no half-done temp files beside it.
      await unlink(this.tempPath).catch(() => undefined);
      await unlink(`${this.backupPath}.tmp`).catch(() => undefined);
      throw error;
    }
    // The file is renamed into place: what identifies it does not wait for the folder's fsync.
    const [known] = await Promise.all([identityOf(this.path), syncFolder(dirname(this.path))]);
    this.known = known;
    this.lastGood = { data };
  }

  /**
   * Makes the file on disk the backup, but only if it is the version this adapter read or wrote
   * (and so parsed). A file changed behind the app's back is set aside instead (its bytes kept
   * for a person to look at), and the backup is written from the last good version in memory.
   */
  private async rotateIntoBackup(): Promise<void> {
    const onDisk = await identityOf(this.path);
    if (onDisk === null) return;
    if (sameIdentity(onDisk, this.known)) {
      // The current file becomes the backup by a second name, so it never goes missing: the
      // rename of the new version then replaces it in one step.
      const backupTemp = `${this.backupPath}.tmp`;
      await keepAs(this.path, backupTemp);
      await this.renameWithRetry(backupTemp, this.backupPath);
      return;
    }
    let readable = true;
    let reason = 'it was changed by another program';
    try {
      this.parseText(await readFile(this.path, 'utf8'));
    } catch (error) {
      readable = false;
      // The parser quotes what it found: from a damaged file that is binary noise, kept out of the sentence.
      const detail = (error instanceof Error ? error.message : String(error)).replace(/[\p{Cc}\p{Co}\p{Cn}\uFFFD]+/gu, '?');
      reason = `it was damaged (${detail})`;
    }
    const setAsideAs = `${this.path}.${readable ? 'outside' : 'corrupt'}-${fileStamp()}`;
    await keepAs(this.path, setAsideAs);
    if (this.lastGood) {
      const backupTemp = `${this.backupPath}.tmp`;
      await writeSyncedTemp(backupTemp, this.serialize(this.lastGood.data));
      await this.renameWithRetry(backupTemp, this.backupPath);
    }
    this.options.onChangedOutside?.({ file: this.path, setAsideAs, readable, reason });
  }

  private async renameWithRetry(from: string, to: string): Promise<void> {
    const started = Date.now();
    for (let delay = 25; ; delay = Math.min(delay * 2, 1_000)) {
      try {
        await this.renameFile(from, to);
        return;
      } catch (error) {
        if (!RETRYABLE_RENAME_CODES.has(errorCode(error) ?? '') || Date.now() - started + delay > RENAME_RETRY_BUDGET_MS) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
