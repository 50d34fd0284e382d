/** Runs the real `factmark` command (bin.js) in a child process, as a user's shell would. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('./bin.js', import.meta.url));

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `factmark ...args` with no data folder option; `cwd` and a time limit as given. */
export function runFactmark(args: readonly string[], options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: options.cwd, timeout: options.timeoutMs ?? 0, env: options.env ?? process.env },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** `factmark --data-dir DATA_DIR ...args`. */
export function factmark(dataDir: string, ...args: string[]): Promise<CommandResult> {
  return runFactmark(['--data-dir', dataDir, ...args]);
}

/** The last line printed: the id that `import` ends with. */
export const lastLine = (text: string): string => text.trim().split('\n').pop() as string;
