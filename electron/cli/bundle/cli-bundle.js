/**
 * Where the `factmark` command's JavaScript build lives and whether it is still that of the
 * sources. Plain JavaScript, because bin.js reads it before anything can compile TypeScript.
 * The build (build-cli-bundle.ts) records each input's size and modification time in
 * out/cli/current.json; a build whose inputs all still match is fresh. Statting a few hundred
 * files costs about a millisecond; hashing their contents on every call would cost tens.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The folder, relative to the project, holding one sub-folder per build. */
export const BUNDLE_FOLDER = 'out/cli';
/** The record of the current build, relative to the project. */
export const CURRENT_BUILD_FILE = `${BUNDLE_FOLDER}/current.json`;
/** The version of the record's format; a record of another format is never taken as fresh. */
export const BUILD_RECORD_FORMAT = 3;
/** An input's size when it did not exist at build time (it must still not exist). */
export const MISSING = -1;

/**
 * Whether one recorded input still matches the file system. `size` MISSING: the file must not
 * exist; `mtimeMs` null: the file changed while the build ran, so the build is never fresh.
 * @param {string} root
 * @param {[string, number, number | null]} input
 */
function inputUnchanged(root, [path, size, mtimeMs]) {
  const info = statSync(join(root, path), { throwIfNoEntry: false });
  if (size === MISSING) return info === undefined;
  return info !== undefined && mtimeMs !== null && info.size === size && info.mtimeMs === mtimeMs;
}

/**
 * The absolute path of the built entry file when out/cli holds a build of the current sources,
 * else undefined (no build, a build of other sources, or a record it cannot read).
 * @param {string} root the project folder
 * @returns {string | undefined}
 */
export function freshBundleEntry(root) {
  let record;
  try {
    record = JSON.parse(readFileSync(join(root, CURRENT_BUILD_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  if (record?.format !== BUILD_RECORD_FORMAT || typeof record.build !== 'string' || typeof record.entry !== 'string' || !Array.isArray(record.inputs)) return undefined;
  if (!record.inputs.every((input) => inputUnchanged(root, input))) return undefined;
  const entry = join(root, BUNDLE_FOLDER, record.build, record.entry);
  return existsSync(entry) ? entry : undefined;
}

