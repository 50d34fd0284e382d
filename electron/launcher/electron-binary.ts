/** Where the Electron executable of node_modules/electron is, and whether it can run on this machine. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The folder of the installed electron package, or undefined. */
export function electronPackageDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/**
 * The installed Electron executable, read the way the electron package itself does (path.txt),
 * without requiring the package: requiring it tries to download the binary.
 */
export function installedElectronBinary(packageDir = electronPackageDir()): string | undefined {
  if (!packageDir) return undefined;
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : undefined;
}

/**
 * The Electron executable if it is installed (or can be fetched now) and has a screen to open a
 * window on; otherwise the reason it cannot run, in words that fit after "Electron cannot run here: ".
 * With `verbose` the download's own output is shown.
 */
export function findElectron(options: { verbose: boolean; platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv }): { path: string } | { reason: string } {
  const { platform = process.platform, env = process.env } = options;
  const packageDir = electronPackageDir();
  if (!packageDir) return { reason: 'the electron package is not installed' };
  let executable = installedElectronBinary(packageDir);
  if (!executable) {
    // npm installs Electron without its binary when install scripts are off; fetch it once, if the network allows.
    const download = spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: options.verbose ? 'inherit' : 'ignore', timeout: 120_000 });
    executable = download.status === 0 ? installedElectronBinary(packageDir) : undefined;
    if (!executable) return { reason: 'no Electron binary is installed and it could not be downloaded' };
  }
  // On Linux a window needs an X11 or Wayland display; without one Electron exits at once.
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are not set)' };
  return { path: executable };
}
