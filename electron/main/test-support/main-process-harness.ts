/**
 * Starts the real main process (real services on real files in a temp folder) under the
 * Electron stand-in, and quits and cleans up after. The test file itself must mock `electron`:
 * `vi.mock('electron', async () => (await import('./test-support/electron-stand-in')).electronModule)`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMainProcess } from '../main-process';
import { electronModule, electronStandIn } from './electron-stand-in';

const folders: string[] = [];

/** A new empty folder, removed by `quitAndCleanUp`. */
export async function tempFolder(name: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), `factmark-main-${name}-`));
  folders.push(folder);
  return folder;
}

/** A built renderer as electron-vite leaves it: out/renderer/index.html and an asset. */
export async function builtRendererFolder(): Promise<string> {
  const rendererDir = join(await tempFolder('out'), 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Factmark</title><div id="root"></div>');
  await writeFile(join(rendererDir, 'assets', 'index.js'), 'console.log("Factmark");');
  return rendererDir;
}

/** Where the started process keeps its data and its renderer. */
export interface StartedMainProcess {
  dataDir: string;
  rendererDir: string;
  preloadPath: string;
}

/**
 * Runs `startMainProcess` as Electron would run index.ts, with `--data-dir` naming a fresh temp
 * folder unless `dataDir` is given (null: no --data-dir, so the app's userData path is used).
 */
export async function startInTempFolders(options: { dataDir?: string | null; env?: NodeJS.ProcessEnv } = {}): Promise<StartedMainProcess> {
  const dataDir = options.dataDir === undefined ? await tempFolder('data') : options.dataDir;
  // Electron always knows its userData folder; a test that starts without --data-dir sets its own.
  electronStandIn.state.paths.userData ??= await tempFolder('user-data');
  electronStandIn.state.paths.appData ??= await tempFolder('app-data');
  const rendererDir = await builtRendererFolder();
  const preloadPath = join(rendererDir, '..', 'preload', 'index.cjs');
  const argv = ['/opt/Factmark/factmark', '.', ...(dataDir === null ? [] : ['--data-dir', dataDir])];
  await startMainProcess({ argv, env: options.env ?? {}, rendererDir, preloadPath });
  return { dataDir: dataDir ?? '', rendererDir, preloadPath };
}

/** Quits as the reviewer would (pending writes flushed, the folder lock let go), then removes the temp folders. */
export async function quitAndCleanUp(): Promise<void> {
  electronModule.app.quit();
  await electronStandIn.whenQuit();
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
}
