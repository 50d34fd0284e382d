/**
 * `npm start`: builds Factmark if its sources changed and opens it in Electron. Where Electron
 * cannot run, it serves the same UI in browser mode on 127.0.0.1 and prints one line: the
 * address, how to stop, and why not Electron. Options go after `--` (see launch-options).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureAppBuilt } from './app-build';
import { runBrowserMode } from './browser-mode';
import { findElectron } from './electron-binary';
import { parseLaunchOptions } from './launch-options';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs Electron on the build in out/ until its window closes; resolves with its exit code. */
function runElectron(executable: string, dataDir: string | undefined): Promise<number> {
  console.log('Factmark is open in its own window — close it, or press Ctrl+C here, to stop');
  const child = spawn(executable, [root, ...(dataDir === undefined ? [] : ['--data-dir', dataDir])], { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 0)));
}

async function main(): Promise<number> {
  const parsed = parseLaunchOptions(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`Factmark could not start: ${parsed.problem}`);
    return 1;
  }
  const { options } = parsed;
  const build = await ensureAppBuilt(root, options);
  if (!build.ok) {
    process.stderr.write(build.output);
    console.error('Factmark could not start: the build failed (its output is above). Your data folder was not touched.');
    return 1;
  }
  const electron = options.browser ? undefined : findElectron({ verbose: options.verbose });
  if (electron && 'path' in electron) return runElectron(electron.path, options.dataDir);
  return runBrowserMode(root, { dataDir: options.dataDir, port: options.port, verbose: options.verbose, note: electron ? `Electron cannot run here: ${electron.reason}` : undefined });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Factmark could not start: ${error instanceof Error ? error.message : String(error)}`);
    if (process.argv.includes('--verbose')) console.error(error);
    process.exit(1);
  },
);
