/**
 * Whether `npm start` must build: the build's inputs (their paths, sizes and modification times)
 * are summed up in a stamp kept beside the output in out/.build-stamp, and a start whose inputs
 * give the same stamp uses the output as it is.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** One input file of the build, relative to the project folder with '/' separators. */
export interface BuildInput {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Folders whose files electron-vite compiles (entry points and everything they import). */
export const INPUT_FOLDERS = ['renderer', 'shared', 'electron'] as const;
/** Where the stamp of the last successful build is kept. */
export const STAMP_FILE = 'out/.build-stamp';
/** What a finished build leaves; without any of them the app cannot start. */
export const BUILD_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'] as const;

/**
 * Whether a project file (relative, '/'-separated) can change what the build makes: the source
 * folders except tests, the build and compiler settings, and the dependencies as installed.
 */
export function isBuildInput(path: string): boolean {
  const [top] = path.split('/');
  if ((INPUT_FOLDERS as readonly string[]).includes(top ?? '')) return !/\.test\.tsx?$/.test(path);
  return (
    /^electron\.vite\.config\.[cm]?[jt]s$/.test(path) ||
    /^tsconfig[\w.-]*\.json$/.test(path) ||
    ['package.json', 'package-lock.json', 'index.html', 'node_modules/.package-lock.json'].includes(path)
  );
}

/** The stamp of a set of inputs: it changes when a file is added, removed, renamed, resized or touched. */
export function stampOf(inputs: readonly BuildInput[]): string {
  const lines = inputs.map((input) => `${input.path}\t${input.size}\t${input.mtimeMs}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** Why a build is needed, or `null` when the output in out/ matches the inputs. */
export function buildReason(state: { rebuild: boolean; outputsPresent: boolean; storedStamp: string | undefined; inputsStamp: string }): string | null {
  if (state.rebuild) return '--rebuild was given';
  if (!state.outputsPresent) return 'out/ holds no complete build';
  if (state.storedStamp === undefined) return 'out/ has no build stamp';
  if (state.storedStamp !== state.inputsStamp) return 'files changed since the last build';
  return null;
}

/** Every build input under `root`, with its size and modification time. */
export async function listBuildInputs(root: string): Promise<BuildInput[]> {
  const top = await readdir(root);
  const nested = await Promise.all(INPUT_FOLDERS.map(async (folder) => (await readdir(join(root, folder), { recursive: true }).catch(() => [])).map((name) => `${folder}/${name}`)));
  const candidates = [...top, 'node_modules/.package-lock.json', ...nested.flat()].map((name) => name.split(sep).join('/')).filter(isBuildInput);
  const inputs = await Promise.all(
    candidates.map(async (path) => {
      const info = await stat(join(root, path)).catch(() => undefined);
      return info?.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : undefined;
    }),
  );
  return inputs.filter((input): input is BuildInput => input !== undefined);
}

/** What out/ holds now: whether the build outputs exist and the stamp of the build that made them. */
export async function readBuildState(root: string): Promise<{ outputsPresent: boolean; storedStamp: string | undefined }> {
  const storedStamp = (await readFile(join(root, STAMP_FILE), 'utf8').catch(() => '')).trim() || undefined;
  return { outputsPresent: BUILD_OUTPUTS.every((output) => existsSync(join(root, output))), storedStamp };
}

/** Forgets the stamp before building, so a build that fails halfway is never taken for a good one. */
export async function clearStamp(root: string): Promise<void> {
  await rm(join(root, STAMP_FILE), { force: true });
}

/** Records `stamp` as that of the build now in out/. */
export async function writeStamp(root: string, stamp: string): Promise<void> {
  await writeFile(join(root, STAMP_FILE), `${stamp}\n`);
}
