/** Builds the app with electron-vite when its inputs changed: silently, unless it fails or --verbose asks. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildReason, clearStamp, listBuildInputs, readBuildState, stampOf, writeStamp } from './build-stamp';

/** The outcome of making sure out/ holds a build of the current sources. */
export type BuildOutcome = { ok: true; built: boolean } | { ok: false; output: string };

/**
 * Builds into `root`/out when out/ is missing, stale or `rebuild` is set. The build's output goes
 * to the terminal only with `verbose`; otherwise it is kept and returned if the build fails.
 */
export async function ensureAppBuilt(root: string, options: { rebuild: boolean; verbose: boolean }): Promise<BuildOutcome> {
  // Stamped before building: a file saved during the build makes the next start build again.
  const inputsStamp = stampOf(await listBuildInputs(root));
  const reason = buildReason({ rebuild: options.rebuild, inputsStamp, ...(await readBuildState(root)) });
  if (reason === null) {
    if (options.verbose) console.log('The build in out/ is up to date; starting it (--rebuild builds anyway).');
    return { ok: true, built: false };
  }
  if (options.verbose) console.log(`Building Factmark: ${reason}.`);
  await clearStamp(root);
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: options.verbose ? 'inherit' : 'pipe',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    const output = options.verbose ? '' : `${build.stdout ?? ''}${build.stderr ?? ''}${build.error ? `${build.error.message}\n` : ''}`;
    return { ok: false, output };
  }
  await writeStamp(root, inputsStamp);
  // The `factmark` command as well, so its next call is quick; should this fail, the command builds itself when run.
  await import('../cli/bundle/build-cli-bundle')
    .then(({ buildCliBundle }) => buildCliBundle(root))
    .catch(() => undefined);
  return { ok: true, built: true };
}
