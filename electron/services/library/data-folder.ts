/**
 * Which folders Factmark may use as its data folder, and how. A folder is created only by a
 * command that writes, and only a folder the reviewer can own is used: a missing or empty one,
 * one Factmark made, or the app's own default folder. Anything else (a system folder, a
 * folder of someone's documents, a file) is refused before anything in it is read or written.
 */
import { constants } from 'node:fs';
import { access, mkdir, opendir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ApiError } from '../../../shared/api/envelope';
import { LOCK_FILE } from './folder-lock';

/** Names that show a folder holds a Factmark library. */
const FACTMARK_ENTRIES = new Set(['library.json', 'library.json.bak', 'reviews', LOCK_FILE]);
/** Names an operating system puts in any folder; they do not make a folder someone else's. */
const SYSTEM_LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini', 'lost+found', '.directory']);
/** Enough names to judge a folder; a folder with more (a system folder) is never read in full. */
const NAMES_TO_LOOK_AT = 64;

/** What a usable data folder is like now. */
export type DataFolderState =
  /** Nothing there yet: a writing command creates it, a reading one finds an empty library. */
  | { kind: 'missing' }
  /** A folder Factmark may keep its library in (empty, or already Factmark's). */
  | { kind: 'usable'; writable: boolean };

/** Where the option came from, for the advice in a refusal. */
export interface DataFolderOptions {
  /** The app's own default folder (Electron keeps its browser files there too). */
  isAppDefault?: boolean;
  /** How the reviewer chooses another folder where they are (a command-line option, a dialog). */
  howToChoose?: string;
}

/** The advice for the command line and browser mode. */
export const CHOOSE_WITH_OPTION = 'Choose an empty folder, or one Factmark made, with --data-dir (or leave the option out to use the app’s own folder).';

/** The first names in `dir`, read without listing a huge folder whole. */
async function firstNames(dir: string): Promise<string[]> {
  const names: string[] = [];
  const listing = await opendir(dir);
  try {
    for await (const entry of listing) {
      names.push(entry.name);
      if (names.length >= NAMES_TO_LOOK_AT) break;
    }
  } finally {
    await listing.close().catch(() => undefined);
  }
  return names;
}

/**
 * Judges `dir` as a data folder; throws ApiError with one plain sentence (what, why, what to do)
 * when Factmark must not use it. Reads at most a few names of the folder and writes nothing.
 */
export async function inspectDataFolder(dir: string, options: DataFolderOptions = {}): Promise<DataFolderState> {
  const CHOOSE = options.howToChoose ?? CHOOSE_WITH_OPTION;
  if (dir.trim() === '') throw new ApiError('invalid-input', `The data folder name is empty. ${CHOOSE}`);
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    if (error.code === 'ENOTDIR') throw new ApiError('invalid-input', `The data folder ${dir} cannot exist: part of its path is a file, not a folder. ${CHOOSE}`);
    if (error.code === 'EACCES' || error.code === 'EPERM') throw new ApiError('invalid-input', `You are not allowed to open the data folder ${dir}. ${CHOOSE}`);
    throw new ApiError('unavailable', `The data folder ${dir} cannot be opened (${error.code ?? error.message}). ${CHOOSE}`);
  });
  if (info === null) return { kind: 'missing' };
  if (!info.isDirectory()) throw new ApiError('invalid-input', `${dir} is a file, not a folder, so it cannot be the data folder. Nothing was changed. ${CHOOSE}`);
  let names: string[];
  try {
    names = await firstNames(dir);
  } catch {
    throw new ApiError('invalid-input', `You are not allowed to read the folder ${dir}, so it cannot be the data folder. ${CHOOSE}`);
  }
  const own = names.filter((name) => !SYSTEM_LITTER.has(name));
  if (!options.isAppDefault && own.length > 0 && !own.some((name) => FACTMARK_ENTRIES.has(name))) {
    const shown = own.slice(0, 3).join(', ');
    throw new ApiError('invalid-input', `${dir} already holds other files (${shown}${own.length > 3 ? ', …' : ''}) and is not a Factmark data folder, so Factmark will not use it. Nothing was changed. ${CHOOSE}`);
  }
  const writable = await access(dir, constants.W_OK).then(
    () => true,
    () => false,
  );
  return { kind: 'usable', writable };
}

/**
 * Creates the missing data folder `dir` one level at a time. (Node 20's recursive mkdir never
 * settles under /proc, where every level answers "no such file".) Throws the system error of
 * the level that could not be made.
 */
export async function createDataFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let level = resolve(dir);
  while (!(await stat(level).then(
    () => true,
    () => false,
  ))) {
    missing.unshift(level);
    const parent = dirname(level);
    if (parent === level) break;
    level = parent;
  }
  for (const folder of missing) await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

/** The refusal for a command that must write into a folder it may only read. */
export function readOnlyFolderError(dir: string): ApiError {
  return new ApiError('unavailable', `The data folder ${dir} is read-only for you, so nothing can be added or changed in it. Nothing was changed. Make it writable, or work on a copy with --data-dir.`);
}
