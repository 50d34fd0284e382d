/** Types of cli-bundle.js (plain JavaScript, read by bin.js before TypeScript can be compiled). */

/** The folder, relative to the project, holding one sub-folder per build. */
export declare const BUNDLE_FOLDER: string;
/** The record of the current build, relative to the project. */
export declare const CURRENT_BUILD_FILE: string;
/** The version of the record's format; a record of another format is never taken as fresh. */
export declare const BUILD_RECORD_FORMAT: number;
/** An input's size when it did not exist at build time (it must still not exist). */
export declare const MISSING: number;

/** One input of a build: its path relative to the project, size, and modification time (null: changed during the build). */
export type BuildInputRecord = [path: string, size: number, mtimeMs: number | null];

/** What out/cli/current.json holds. */
export interface BuildRecord {
  format: number;
  /** The build's sub-folder of BUNDLE_FOLDER. */
  build: string;
  /** The entry file, relative to the build's folder. */
  entry: string;
  inputs: BuildInputRecord[];
}

/** The absolute path of the built entry file when out/cli holds a build of the current sources, else undefined. */
export declare function freshBundleEntry(root: string): string | undefined;

