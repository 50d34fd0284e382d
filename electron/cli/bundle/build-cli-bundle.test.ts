/** The CLI's JavaScript build: made from the sources, taken as fresh only while every input is unchanged. */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PDF_WORKER_BUNDLE } from '../../services/import/pdf-worker-file';
import { buildCliBundle } from './build-cli-bundle';
import { CURRENT_BUILD_FILE, freshBundleEntry } from './cli-bundle.js';

const PROJECT = fileURLToPath(new URL('../../..', import.meta.url));
const projects: string[] = [];

afterAll(async () => {
  await Promise.all(projects.map((root) => rm(root, { recursive: true, force: true })));
});

/** A small project in a temp folder: an entry that prints a greeting from another module and where it finds a data file. */
async function tinyProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'factmark-cli-bundle-'));
  projects.push(root);
  await mkdir(join(root, 'src', 'data'), { recursive: true });
  await writeFile(join(root, 'src', 'greeting.ts'), "export const greeting: string = 'hello';\n");
  await writeFile(
    join(root, 'src', 'entry.ts'),
    [
      "import { fileURLToPath } from 'node:url';",
      "import { greeting } from './greeting';",
      'console.log(greeting);',
      "console.log(fileURLToPath(new URL('./data/words.txt', import.meta.url)));",
      "if (process.argv.includes('--later')) console.log((await import('./later')).later);",
    ].join('\n'),
  );
  await writeFile(join(root, 'src', 'later.ts'), "export const later = 'loaded when asked';\n");
  return root;
}

const runNode = (file: string, ...args: string[]): string[] => execFileSync(process.execPath, [file, ...args], { encoding: 'utf8' }).trim().split('\n');

describe('the CLI build', () => {
  it('runs what the sources say, finds files beside its sources, and keeps a dynamic import in its own chunk', async () => {
    const root = await tinyProject();
    const { entry } = await buildCliBundle(root, 'src/entry.ts');
    expect(freshBundleEntry(root)).toBe(entry);
    expect(runNode(entry)).toEqual(['hello', join(root, 'src', 'data', 'words.txt')]);
    expect(runNode(entry, '--later')).toEqual(['hello', join(root, 'src', 'data', 'words.txt'), 'loaded when asked']);
    expect(await readFile(entry, 'utf8')).not.toContain('loaded when asked');
  });

  it('is stale as soon as a source changes, and a new build runs the new code', async () => {
    const root = await tinyProject();
    await buildCliBundle(root, 'src/entry.ts');
    await writeFile(join(root, 'src', 'greeting.ts'), "export const greeting: string = 'hello again';\n");
    expect(freshBundleEntry(root)).toBeUndefined();
    const { entry } = await buildCliBundle(root, 'src/entry.ts');
    expect(freshBundleEntry(root)).toBe(entry);
    expect(runNode(entry)[0]).toBe('hello again');
  });

  it('is stale when a settings file that was missing appears, such as the packages installed by npm ci', async () => {
    const root = await tinyProject();
    await buildCliBundle(root, 'src/entry.ts');
    await mkdir(join(root, 'node_modules'));
    await writeFile(join(root, 'node_modules', '.package-lock.json'), '{}\n');
    expect(freshBundleEntry(root)).toBeUndefined();
  });

  it('is never fresh when a source was saved while the build ran', async () => {
    const root = await tinyProject();
    // A modification time after the build started stands for a save during the build.
    const later = new Date(Date.now() + 60_000);
    await utimes(join(root, 'src', 'greeting.ts'), later, later);
    await buildCliBundle(root, 'src/entry.ts');
    expect(freshBundleEntry(root)).toBeUndefined();
  });

  it('is not fresh without a readable record of the build', async () => {
    const root = await tinyProject();
    expect(freshBundleEntry(root)).toBeUndefined();
    await buildCliBundle(root, 'src/entry.ts');
    await writeFile(join(root, CURRENT_BUILD_FILE), '{"format": 1, "build": ');
    expect(freshBundleEntry(root)).toBeUndefined();
  });

  it('keeps pdf.js, Playwright and the import and export code out of what every factmark command loads', async () => {
    const { metafile, entry } = await buildCliBundle(PROJECT);
    const outputs = metafile.outputs;
    const name = Object.keys(outputs).find((path) => join(PROJECT, path) === entry) as string;
    // The chunks loaded before the program runs: the entry and its static imports, transitively.
    const loaded = new Set<string>();
    const externals = new Set<string>();
    const visit = (path: string): void => {
      if (loaded.has(path)) return;
      loaded.add(path);
      for (const imported of outputs[path]?.imports ?? []) {
        if (imported.kind !== 'import-statement') continue;
        if (imported.external) externals.add(imported.path);
        else visit(imported.path);
      }
    };
    visit(name);
    const inputs = [...loaded].flatMap((path) => Object.keys(outputs[path]?.inputs ?? {}));
    expect(inputs.some((input) => input.endsWith('electron/cli/factmark.ts'))).toBe(true);
    expect(inputs.filter((input) => /pdfjs-dist|playwright|electron\/services\/(import|export|share)\//.test(input))).toEqual([]);
    expect([...externals].filter((path) => /pdfjs-dist|playwright|mammoth|linkedom/.test(path))).toEqual([]);
  });

  it('builds the PDF reader worker beside the command, where the code that starts it looks', async () => {
    const { metafile, entry } = await buildCliBundle(PROJECT);
    const outputs = Object.entries(metafile.outputs);
    const [workerPath, worker] = outputs.find(([path]) => join(PROJECT, path) === join(dirname(entry), PDF_WORKER_BUNDLE)) ?? [];
    expect(workerPath, 'the worker bundle beside main.mjs').toBeDefined();
    expect(worker?.entryPoint).toBe('electron/services/import/pdf-worker.ts');
    expect(worker?.imports.some((imported) => imported.external && imported.path.startsWith('pdfjs-dist'))).toBe(true);
    // The starter keeps the bundle's own address (not rewritten to the source's), so it finds the worker.
    const [starterPath] = outputs.find(([, output]) => Object.keys(output.inputs).includes('electron/services/import/pdf-worker-file.ts')) ?? [];
    const starter = await readFile(join(PROJECT, starterPath as string), 'utf8');
    expect(starter).toContain('import.meta.url');
    expect(starter).not.toMatch(/pdf-worker-file\.ts",\s*import\.meta\.url/);
  });
});
