/** Where Factmark keeps its data when no folder is named: the same place Electron's `userData` is. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Electron's `app.getPath('userData')` for an app named Factmark, computed without Electron. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Factmark');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Factmark');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Factmark');
}

/**
 * The data folder chosen by `--data-dir DIR` (or `--data-dir=DIR`) in `argv`, else by
 * FACTMARK_DATA_DIR, else undefined (the caller then uses its platform default).
 */
export function dataDirFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--data-dir' && argv[index + 1]) return resolve(argv[index + 1] as string);
    if (arg.startsWith('--data-dir=')) return resolve(arg.slice('--data-dir='.length));
  }
  return env.FACTMARK_DATA_DIR ? resolve(env.FACTMARK_DATA_DIR) : undefined;
}
