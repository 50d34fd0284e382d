/**
 * `factmark` as a clone runs it: bin.js runs the JavaScript build of the CLI, rebuilding it when a
 * source changed, and runs the TypeScript through tsx on request. In a copy of the project, so
 * changing its sources here leaves the checkout alone.
 */
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freshBundleEntry } from './bundle/cli-bundle.js';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
const copies: string[] = [];

/** The project's sources and settings in a temp folder, its installed packages linked. */
async function projectCopy(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'factmark-cli-copy-'));
  copies.push(root);
  for (const entry of ['electron', 'shared', 'package.json', 'tsconfig.json', 'tsconfig.base.json']) await cp(join(PROJECT, entry), join(root, entry), { recursive: true });
  await symlink(join(PROJECT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

function factmarkIn(root: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'electron', 'cli', 'bin.js'), ...args], { encoding: 'utf8', env: { ...process.env, FACTMARK_CLI_FROM_SOURCE: '', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

afterAll(async () => {
  await Promise.all(copies.map((root) => rm(root, { recursive: true, force: true })));
});

describe('the factmark command', () => {
  it('runs its JavaScript build, and builds again before running when a source or the version changed', async () => {
    const root = await projectCopy();
    const first = await factmarkIn(root, ['--version']);
    expect(first, first.stderr).toMatchObject({ code: 0, stdout: `${JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version}\n` });
    const built = freshBundleEntry(root);
    expect(built).toBeDefined();

    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    await writeFile(join(root, 'package.json'), JSON.stringify({ ...manifest, version: '9.8.7' }));
    expect((await factmarkIn(root, ['--version'])).stdout).toBe('9.8.7\n');

    await appendFile(join(root, 'electron', 'cli', 'main.ts'), "\nprocess.stderr.write('built from the changed main.ts\\n');\n");
    const changed = await factmarkIn(root, ['--version']);
    expect(changed.stderr).toBe('built from the changed main.ts\n');
    expect(freshBundleEntry(root)).toBeDefined();
    expect(freshBundleEntry(root)).not.toBe(built);
  });

  it('runs the TypeScript sources through tsx when FACTMARK_CLI_FROM_SOURCE is set, building nothing', async () => {
    const root = await projectCopy();
    await appendFile(join(root, 'electron', 'cli', 'main.ts'), "\nprocess.stderr.write(import.meta.url.endsWith('/electron/cli/main.ts') ? 'from source\\n' : 'from a build\\n');\n");
    const result = await factmarkIn(root, ['--version'], { FACTMARK_CLI_FROM_SOURCE: '1' });
    expect(result).toMatchObject({ code: 0, stderr: 'from source\n' });
    expect(existsSync(join(root, 'out'))).toBe(false);
  });
});
