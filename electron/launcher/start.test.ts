/**
 * `npm start` as a person sees it, in browser mode (--browser, so a machine with Electron does not
 * open windows): the launcher builds if it must, then prints one line and nothing else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const START = join(root, 'electron', 'launcher', 'start.ts');

interface Ended {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Launch {
  /** The first line on stdout; rejects with everything printed if the launcher ends first. */
  firstLine(): Promise<string>;
  /** Stops it as a terminal's kill would (SIGTERM) and returns all it printed. */
  stop(): Promise<Ended>;
  ended: Promise<Ended>;
}

/** Launchers still running, each with the promise of its end: a test that fails midway stops them politely, so their bridges stop too. */
const running = new Map<ChildProcess, Promise<Ended>>();

function launch(args: string[]): Launch {
  const child = spawn(process.execPath, ['--import', 'tsx', START, '--browser', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const ended = new Promise<Ended>((resolve) =>
    child.on('close', (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    }),
  );
  running.set(child, ended);
  return {
    ended,
    firstLine: () =>
      new Promise<string>((resolve, reject) => {
        const check = (): void => {
          if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
        };
        child.stdout?.on('data', check);
        check();
        void ended.then((result) => reject(new Error(`the launcher ended (code ${result.code}) before printing a line:\n${result.stdout}${result.stderr}`)));
      }),
    stop: () => {
      child.kill('SIGTERM');
      return ended;
    },
  };
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('npm start in browser mode', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const tempDir = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'factmark-start-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  };
  afterEach(async () => {
    for (const [child, ended] of running) {
      child.kill('SIGTERM');
      await ended;
    }
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('prints only one line, the address and how to stop, and comes back at the same address', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const first = launch(['--data-dir', dataDir, '--port', String(port)]);
    const line = await first.firstLine();
    expect(line).toBe(`Factmark is running at http://127.0.0.1:${port}/ — press Ctrl+C to stop`);
    const stopped = await first.stop();
    expect(stopped).toEqual({ code: 0, stdout: `${line}\n`, stderr: '' });

    // Without --port the next start takes the address of the last one, so an open tab reconnects.
    const second = launch(['--data-dir', dataDir]);
    expect(await second.firstLine()).toBe(line);
    expect(await second.stop()).toEqual({ code: 0, stdout: `${line}\n`, stderr: '' });
  });

  it('refuses a busy --port in one plain sentence and exits with 1', async () => {
    const dataDir = await tempDir();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const { port } = blocker.address() as { port: number };

    const result = await launch(['--data-dir', dataDir, '--port', String(port)]).ended;
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `Factmark could not start: port ${port} is already in use by another program. Choose another with --port, or leave --port out and Factmark picks one.\n`,
    });
  });

  it('says in one line, without a stack trace, why a data folder cannot be used', async () => {
    const notAFolder = join(await tempDir(), 'library.txt');
    await writeFile(notAFolder, 'a file, not a folder');
    const result = await launch(['--data-dir', notAFolder]).ended;
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Factmark could not start: [^\n]+\n$/);
    expect(result.stderr).toContain(notAFolder);
  });

  it('refuses a port that is not a number before building or opening anything', async () => {
    const dataDir = join(await tempDir(), 'never-made');
    const result = await launch(['--data-dir', dataDir, '--port', 'http']).ended;
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'Factmark could not start: --port needs a port number from 1 to 65535, and “http” is not one.\n' });
    expect(existsSync(dataDir)).toBe(false);
  });
});
