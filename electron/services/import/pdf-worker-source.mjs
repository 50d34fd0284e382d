// The PDF reader's worker when Factmark runs from its TypeScript sources (unit tests, the bridge
// under tsx); builds bundle pdf-worker.ts instead (pdf-worker-file.ts). Node 20 cannot load .ts
// itself, and tsx would transform pdf.js's 2 MB again on every start (2–5 s a PDF), so this
// bundles pdf-worker.ts and the project modules it imports with esbuild, in memory (~0.1 s), and
// runs that, with packages loaded by Node from node_modules. Without esbuild (an install without
// development packages) it falls back to tsx, slower but the same.
import { fileURLToPath } from 'node:url';

const WORKER_SOURCE = new URL('./pdf-worker.ts', import.meta.url);

/** esbuild, or undefined where it is not installed. */
async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch {
    return undefined;
  }
}

/** Leaves every package to Node, by absolute address: a data: URL module cannot resolve bare names. */
const packagesByAddress = {
  name: 'factmark-packages-by-address',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => ({ path: import.meta.resolve(args.path), external: true }));
  },
};

const esbuild = await loadEsbuild();
if (esbuild) {
  const { outputFiles } = await esbuild.build({
    entryPoints: [fileURLToPath(WORKER_SOURCE)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    plugins: [packagesByAddress],
    logLevel: 'silent',
  });
  await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`);
} else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(WORKER_SOURCE.href, import.meta.url);
}
