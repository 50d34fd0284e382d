#!/usr/bin/env node
// The `factmark` command. Runs the CLI as JavaScript built from its TypeScript (out/cli), building
// it first when a source changed since the last build, so a stale build never runs; with
// FACTMARK_CLI_FROM_SOURCE=1, or when it cannot build (esbuild not installed, out/ read-only), it
// runs the TypeScript through tsx instead, as development always could.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundleEntry } from './bundle/cli-bundle.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the CLI and returns its entry file, or undefined when it cannot be built here. */
async function rebuild() {
  try {
    const { tsImport } = await import('tsx/esm/api');
    const { buildCliBundle } = await tsImport('./bundle/build-cli-bundle.ts', import.meta.url);
    return (await buildCliBundle(root)).entry;
  } catch (error) {
    if (process.env.FACTMARK_DEBUG) process.stderr.write(`factmark: could not build the command, running its sources instead: ${error?.stack ?? error}\n`);
    return undefined;
  }
}

const entry = process.env.FACTMARK_CLI_FROM_SOURCE ? undefined : (freshBundleEntry(root) ?? (await rebuild()));
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
