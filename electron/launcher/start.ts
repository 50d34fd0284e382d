/**
 * `npm start`: builds Factmark and opens it in Electron. Where no Electron binary exists or
 * can be fetched, says so in one line and serves the same UI in browser mode on 127.0.0.1.
 * Arguments after `--` (e.g. `--data-dir DIR`) go to the app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, installedElectronBinary } from './electron-binary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const appArgs = process.argv.slice(2);

/** The Electron executable if it is installed or can be fetched now; otherwise the reason it cannot. */
function findElectron(): { path: string } | { reason: string } {
  const packageDir = electronPackageDir();
  if (!packageDir) return { reason: 'the electron package is not installed' };
  const present = installedElectronBinary(packageDir);
  if (present) return { path: present };
  // npm installs Electron without its binary when install scripts are off; fetch it once, if the network allows.
  const download = spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  const fetched = download.status === 0 ? installedElectronBinary(packageDir) : undefined;
  return fetched ? { path: fetched } : { reason: 'no Electron binary is installed and it could not be downloaded' };
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);

const electron = findElectron();
if ('path' in electron) {
  const child = spawn(electron.path, [root, ...appArgs], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Electron cannot run here (${electron.reason}); opening Factmark in browser mode instead.`);
  const bridge = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'bridge', 'main.ts'), ...appArgs], { cwd: root, stdio: 'inherit' });
  const stop = (): void => {
    bridge.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  bridge.on('exit', (code) => process.exit(code ?? 0));
}
