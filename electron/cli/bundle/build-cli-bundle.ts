/**
 * Builds the `factmark` command to JavaScript with esbuild, so a call runs compiled code instead
 * of compiling TypeScript first (tsx took 0.7–3 s for `--version`). The few packages every call
 * loads are bundled in (Node's loader reads zod's hundreds of files more slowly than one file);
 * every other package stays in node_modules, imported as in development (an ES module, so a
 * package's own ES build, as under tsx) and only when needed, and dynamic imports stay dynamic
 * (separate chunks), so `--version` never loads pdf.js or Playwright.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { readFile, readdir, rename, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { PDF_WORKER_BUNDLE } from '../../services/import/pdf-worker-file';
import { BUILD_RECORD_FORMAT, BUNDLE_FOLDER, CURRENT_BUILD_FILE, MISSING, type BuildInputRecord, type BuildRecord } from './cli-bundle.js';

/** The packages on the path of every command, bundled in; others are loaded from node_modules. */
export const BUNDLED_PACKAGES: readonly string[] = ['zod', 'commander', 'csv-parse', 'csv-stringify', 'fast-deep-equal'];

/** Files that change a build without being bundled: settings esbuild reads, the installed packages, this builder. */
const SETTINGS_INPUTS = ['package.json', 'tsconfig.json', 'tsconfig.base.json', 'node_modules/.package-lock.json', 'electron/cli/bundle/build-cli-bundle.ts', 'electron/cli/bundle/cli-bundle.js'];

/** The CLI's entry, relative to the project. */
const CLI_ENTRY = 'electron/cli/main.ts';

/**
 * Worker threads the CLI starts, each built as its own entry (output name → source) beside the
 * CLI's chunks, where the code that starts it looks for it (pdf-worker-file.ts).
 */
const CLI_WORKERS: Readonly<Record<string, string>> = { [PDF_WORKER_BUNDLE.replace(/\.mjs$/, '')]: 'electron/services/import/pdf-worker.ts' };

/** Sources whose `import.meta.url` stays the bundle's own: they find files the build puts beside the bundle. */
const KEEPS_BUNDLE_ADDRESS = ['electron/services/import/pdf-worker-file.ts'];

/** Builds older than this are removed by the next build (a command still running may be loading chunks from its own). */
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;

/** The package a bare import names ("@scope/name/sub" → "@scope/name"), or undefined for a path or a Node built-in. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || isAbsolute(specifier) || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Leaves every package but BUNDLED_PACKAGES to be imported from node_modules at run time. */
const packagesOutside: Plugin = {
  name: 'factmark-packages-outside',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageOf(args.path);
      return name !== undefined && !BUNDLED_PACKAGES.includes(name) ? { path: args.path, external: true } : undefined;
    });
  },
};

/**
 * Keeps `import.meta.url` meaning the source file's own address, as under tsx: code that finds
 * files beside it (resources/schemas/…) runs from out/cli/<build>/ once bundled.
 */
function sourceAddresses(root: string, outDir: string): Plugin {
  return {
    name: 'factmark-source-addresses',
    setup(builder) {
      builder.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
        if (args.path.split(sep).includes('node_modules')) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (/import\.meta\.(dirname|filename)\b/.test(source)) {
          return { errors: [{ text: `${relative(root, args.path)} uses import.meta.dirname or import.meta.filename, which would name the bundle's folder; use new URL('…', import.meta.url).` }] };
        }
        if (!source.includes('import.meta.url') || KEEPS_BUNDLE_ADDRESS.includes(relative(root, args.path).split(sep).join('/'))) return undefined;
        const fromBundle = relative(outDir, args.path).split(sep).join('/');
        return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

/** The size and modification time of each input now; null for one modified after `startedAt` (while the build read it). */
async function recordInputs(root: string, paths: readonly string[], startedAt: number): Promise<BuildInputRecord[]> {
  return Promise.all(
    [...new Set(paths)].sort().map(async (path): Promise<BuildInputRecord> => {
      const info = await stat(join(root, path)).catch(() => undefined);
      if (!info) return [path, MISSING, 0];
      return [path, info.size, info.mtimeMs >= startedAt ? null : info.mtimeMs];
    }),
  );
}

/** Removes the builds, other than `keep`, made more than KEEP_OLD_BUILDS_MS ago. */
async function removeOldBuilds(root: string, keep: string): Promise<void> {
  const folder = join(root, BUNDLE_FOLDER);
  for (const name of await readdir(folder).catch(() => [])) {
    if (name === keep || !name.startsWith('build-')) continue;
    const info = await stat(join(folder, name)).catch(() => undefined);
    if (info?.isDirectory() && Date.now() - info.mtimeMs > KEEP_OLD_BUILDS_MS) await rm(join(folder, name), { recursive: true, force: true });
  }
}

/**
 * Builds `entry` (relative to `root`, by default the CLI's main.ts, then with the CLI's worker
 * threads) into a new folder of out/cli and records it as the current build, with its inputs for
 * freshBundleEntry. Several processes may build at once: each writes its own folder, and the
 * record is replaced whole.
 */
export async function buildCliBundle(
  root: string,
  entry = CLI_ENTRY,
  workers: Readonly<Record<string, string>> = entry === CLI_ENTRY ? CLI_WORKERS : {},
): Promise<{ entry: string; metafile: Metafile }> {
  const startedAt = Date.now();
  const name = `build-${startedAt.toString(36)}-${process.pid}`;
  const outDir = join(root, BUNDLE_FOLDER, name);
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: join(root, entry), ...Object.fromEntries(Object.entries(workers).map(([output, source]) => [output, join(root, source)])) },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // .mjs: an ES module wherever the project sits, whatever package.json says.
    outExtension: { '.js': '.mjs' },
    // Bundled CommonJS packages (commander) call require, which an ES module lacks.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    plugins: [packagesOutside, sourceAddresses(root, outDir)],
    // Less to read and parse on every call; names are kept for stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'silent',
  });
  const sources = Object.keys(result.metafile.inputs).filter((path) => !path.split('/').includes('node_modules') && !path.startsWith('..'));
  const record: BuildRecord = { format: BUILD_RECORD_FORMAT, build: name, entry: 'main.mjs', inputs: await recordInputs(root, [...sources, ...SETTINGS_INPUTS], startedAt) };
  await mkdir(join(root, BUNDLE_FOLDER), { recursive: true });
  // Replaced whole: a command reading the record meanwhile sees the old build or the new one.
  const temp = join(root, `${CURRENT_BUILD_FILE}.${process.pid}.tmp`);
  await writeFile(temp, `${JSON.stringify(record)}\n`);
  await rename(temp, join(root, CURRENT_BUILD_FILE));
  await removeOldBuilds(root, name);
  return { entry: join(outDir, 'main.mjs'), metafile: result.metafile };
}
