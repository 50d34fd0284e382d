/** Where the Electron executable of node_modules/electron is, if it has been downloaded. */
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
