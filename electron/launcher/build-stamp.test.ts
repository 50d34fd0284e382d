import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReason, isBuildInput, listBuildInputs, readBuildState, stampOf, writeStamp, type BuildInput } from './build-stamp';

const INPUTS: BuildInput[] = [
  { path: 'renderer/main.tsx', size: 120, mtimeMs: 1_700_000_000_000.5 },
  { path: 'shared/model/review.ts', size: 900, mtimeMs: 1_700_000_000_100 },
  { path: 'package.json', size: 2_000, mtimeMs: 1_700_000_000_200 },
];

describe('build stamp', () => {
  it('counts sources, build settings and installed dependencies as inputs, but not tests or docs', () => {
    for (const path of ['renderer/index.html', 'renderer/styles/app.css', 'shared/api/contract.ts', 'electron/main/index.ts', 'electron.vite.config.ts', 'tsconfig.web.json', 'package-lock.json', 'node_modules/.package-lock.json']) {
      expect(isBuildInput(path), path).toBe(true);
    }
    for (const path of ['electron/launcher/build-stamp.test.ts', 'renderer/app/app.test.tsx', 'README.md', 'e2e/library.e2e.ts', 'out/main/index.js', 'resources/screenshots/review-desk.png', 'node_modules/react/index.js']) {
      expect(isBuildInput(path), path).toBe(false);
    }
  });

  it('gives the same stamp for the same files in any order', () => {
    expect(stampOf([...INPUTS].reverse())).toBe(stampOf(INPUTS));
  });

  it('changes the stamp when a file is touched, resized, renamed, added or removed', () => {
    const stamp = stampOf(INPUTS);
    const [first, ...rest] = INPUTS as [BuildInput, ...BuildInput[]];
    expect(stampOf([{ ...first, mtimeMs: first.mtimeMs + 1 }, ...rest])).not.toBe(stamp);
    expect(stampOf([{ ...first, size: first.size + 1 }, ...rest])).not.toBe(stamp);
    expect(stampOf([{ ...first, path: 'renderer/index.tsx' }, ...rest])).not.toBe(stamp);
    expect(stampOf([...INPUTS, { path: 'shared/new.ts', size: 1, mtimeMs: 1 }])).not.toBe(stamp);
    expect(stampOf(rest)).not.toBe(stamp);
  });

  it('builds when asked, when out/ is incomplete or unstamped, or when the inputs changed, and only then', () => {
    const fresh = { rebuild: false, outputsPresent: true, storedStamp: 'abc', inputsStamp: 'abc' };
    expect(buildReason(fresh)).toBeNull();
    expect(buildReason({ ...fresh, rebuild: true })).toBe('--rebuild was given');
    expect(buildReason({ ...fresh, outputsPresent: false })).toBe('out/ holds no complete build');
    expect(buildReason({ ...fresh, storedStamp: undefined })).toBe('out/ has no build stamp');
    expect(buildReason({ ...fresh, inputsStamp: 'abd' })).toBe('files changed since the last build');
  });
});

describe('build inputs of a project folder', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function project(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'factmark-stamp-'));
    for (const folder of ['renderer/app', 'shared', 'electron/main', 'e2e', 'out/main', 'out/preload', 'out/renderer']) await mkdir(join(dir, folder), { recursive: true });
    const files: Record<string, string> = {
      'renderer/index.html': '<html></html>',
      'renderer/app/app.tsx': 'export {};',
      'renderer/app/app.test.tsx': 'test',
      'shared/review.ts': 'export {};',
      'electron/main/index.ts': 'export {};',
      'e2e/library.e2e.ts': 'test',
      'package.json': '{}',
      'tsconfig.json': '{}',
      'README.md': '# readme',
      'out/main/index.js': '',
      'out/preload/index.cjs': '',
      'out/renderer/index.html': '',
    };
    for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text);
    return dir;
  }

  it('lists the inputs with their sizes, and a stamp written after a build matches until a file changes', async () => {
    root = await project();
    const inputs = await listBuildInputs(root);
    expect(inputs.map((input) => input.path).sort()).toEqual(['electron/main/index.ts', 'package.json', 'renderer/app/app.tsx', 'renderer/index.html', 'shared/review.ts', 'tsconfig.json']);
    expect(inputs.find((input) => input.path === 'package.json')?.size).toBe(2);

    expect(await readBuildState(root)).toEqual({ outputsPresent: true, storedStamp: undefined });
    await writeStamp(root, stampOf(inputs));
    const state = await readBuildState(root);
    expect(buildReason({ rebuild: false, inputsStamp: stampOf(await listBuildInputs(root)), ...state })).toBeNull();

    // A test or the README changing does not call for a build; a source changing does.
    await writeFile(join(root, 'renderer/app/app.test.tsx'), 'changed test');
    await writeFile(join(root, 'README.md'), 'changed readme');
    expect(buildReason({ rebuild: false, inputsStamp: stampOf(await listBuildInputs(root)), ...state })).toBeNull();
    await utimes(join(root, 'shared/review.ts'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(buildReason({ rebuild: false, inputsStamp: stampOf(await listBuildInputs(root)), ...state })).toBe('files changed since the last build');
  });

  it('sees a build with a missing part as incomplete', async () => {
    root = await project();
    await rm(join(root, 'out/preload/index.cjs'));
    expect((await readBuildState(root)).outputsPresent).toBe(false);
  });
});
