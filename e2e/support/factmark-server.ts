/**
 * Starts Factmark in browser mode (the loopback bridge over the real services and files) for
 * a test, and stops or kills it the way a user's machine would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const READY_PREFIX = 'FACTMARK_BROWSER_URL=';

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Ends the process politely (pending writes are flushed). */
  stop(): Promise<void>;
  /** Ends the process with SIGKILL, as a crash would. */
  kill(): Promise<void>;
}

/** A new empty data folder in the system temp folder. */
export function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'factmark-e2e-'));
}

/** Starts the browser-mode server over `dataDir` and waits until it prints its address. */
export async function startServer(dataDir: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/bridge/main.ts'), '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in time:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith(READY_PREFIX));
      if (line) {
        clearTimeout(timer);
        resolve(line.slice(READY_PREFIX.length).trim());
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code}:\n${output}`));
    });
  });
  const ended = (process: ChildProcess): Promise<void> =>
    new Promise((resolve) => (process.exitCode !== null || process.signalCode !== null ? resolve() : process.once('exit', () => resolve())));
  return {
    url,
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await ended(child);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await ended(child);
    },
  };
}
