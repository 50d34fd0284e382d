/**
 * Where the PDF reader's worker is. Each build bundles pdf-worker.ts as PDF_WORKER_BUNDLE beside
 * the chunk this module ends up in (the app's out/main/chunks, the command's out/cli/<build>);
 * from the sources (unit tests, the bridge under tsx) this module is TypeScript, and the worker
 * starts from pdf-worker-source.mjs, which compiles it with tsx.
 *
 * The command's build rewrites `import.meta.url` to the source's address everywhere else; it
 * leaves this file's alone (build-cli-bundle.ts, KEEPS_BUNDLE_ADDRESS), as the worker sits beside
 * the bundle, not beside the source.
 */

/** The file name of the bundled worker, beside the code that starts it. */
export const PDF_WORKER_BUNDLE = 'pdf-worker.mjs';

/** The address of the file to start the PDF reader's worker from, in the way Factmark runs now. */
export function pdfWorkerFile(): URL {
  // Held in a variable so bundlers do not take `new URL('…', import.meta.url)` for an asset to copy.
  const here = import.meta.url;
  const fromSources = /\.[cm]?tsx?$/.test(new URL(here).pathname);
  return new URL(fromSources ? './pdf-worker-source.mjs' : `./${PDF_WORKER_BUNDLE}`, here);
}
