/**
 * Browser mode for `npm start`: runs the bridge (electron/bridge/main.ts) as a child process,
 * turns its machine-readable ready line into the one line a person reads, and stops it on Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { READY_PREFIX, runningLine } from '../bridge/browser-address';

/**
 * Serves Factmark from `root` until it stops; resolves with the bridge's exit code. A bridge
 * that cannot start says why on stderr itself, and then nothing else is printed.
 */
export function runBrowserMode(root: string, options: { dataDir?: string; port?: number; verbose: boolean; note?: string }): Promise<number> {
  const args = ['--import', 'tsx', join(root, 'electron', 'bridge', 'main.ts')];
  if (options.dataDir !== undefined) args.push('--data-dir', options.dataDir);
  if (options.port !== undefined) args.push('--port', String(options.port));
  if (options.verbose) args.push('--verbose');
  // stdout is a pipe, so the bridge prints READY_PREFIX and the URL instead of its own line for people.
  const bridge = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  createInterface({ input: bridge.stdout }).on('line', (line) => {
    console.log(line.startsWith(READY_PREFIX) ? runningLine(line.slice(READY_PREFIX.length).trim(), options.note) : line);
  });
  // Ctrl+C reaches the bridge too; the signal is passed on for a stop sent to this process alone.
  const stop = (): void => void bridge.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise((resolve) => {
    bridge.on('error', (error) => {
      console.error(`Factmark could not start: ${error.message}.`);
      resolve(1);
    });
    bridge.on('close', (code, signal) => resolve(code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1)));
  });
}
