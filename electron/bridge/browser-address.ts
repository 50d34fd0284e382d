/**
 * Where browser mode listens, kept the same from one start to the next for one data folder: the
 * same port and the same bridge token. A page left open while Factmark restarts (or after its
 * storage process died) then reaches the new process and saves what it holds, and the work a
 * page kept in its own storage (recovery copies, which belong to the page's origin) is found
 * again after a restart. Also how browser mode announces that address.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** In the data folder, readable by its owner only: the token pages must send with every call. */
export const TOKEN_FILE = 'browser-mode-token';
/** In the data folder: the port browser mode listened on last time, tried first at the next start. */
export const PORT_FILE = 'browser-mode-port';
/** Starts the line browser mode prints for programs (tests, scripts) when its output is not a terminal; the URL follows the '='. */
export const READY_PREFIX = 'FACTMARK_BROWSER_URL=';
const PORT_BASE = 41_000;
const PORT_SPAN = 8_000;

/** The port browser mode tries first for `dataDir` (another is taken when it is busy). */
export function preferredPort(dataDir: string): number {
  return PORT_BASE + (createHash('sha256').update(dataDir).digest().readUInt32BE(0) % PORT_SPAN);
}

/** A port as given on the command line (`--port N`): a whole number from 1 to 65535, or the sentence saying why not. */
export function parsePort(text: string): { ok: true; port: number } | { ok: false; problem: string } {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (port >= 1 && port <= 65_535) return { ok: true, port };
  return { ok: false, problem: `--port needs a port number from 1 to 65535, and “${text}” is not one.` };
}

/** Why browser mode cannot listen on `port`, in one sentence, when `error` is a reason a person can act on. */
export function portProblem(port: number, error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `port ${port} is already in use by another program. Choose another with --port, or leave --port out and Factmark picks one.`;
  if (code === 'EACCES') return `this system does not let Factmark listen on port ${port}. Choose a port from 1024 to 65535 with --port.`;
  return undefined;
}

/** The port browser mode used last time for `dataDir`, if it noted one. */
export async function lastPort(dataDir: string): Promise<number | undefined> {
  const text = await readFile(join(dataDir, PORT_FILE), 'utf8').catch(() => undefined);
  const parsed = text === undefined ? undefined : parsePort(text);
  return parsed?.ok ? parsed.port : undefined;
}

/**
 * Notes `port` as the one to try first next time. It is only a hint (the preferred port is the
 * fallback), so a folder that refuses the write does not stop browser mode from running.
 */
export async function rememberPort(dataDir: string, port: number): Promise<void> {
  await writeFile(join(dataDir, PORT_FILE), `${port}\n`).catch(() => undefined);
}

/** The one line a person sees when browser mode is ready; `note` (e.g. why Electron cannot run) goes in brackets at its end. */
export function runningLine(url: string, note?: string): string {
  return `Factmark is running at ${url} — press Ctrl+C to stop${note ? ` (${note})` : ''}`;
}

/** The bridge token of `dataDir`, made (and kept, mode 600) the first time browser mode starts there. */
export async function bridgeToken(dataDir: string): Promise<string> {
  const path = join(dataDir, TOKEN_FILE);
  const known = (await readFile(path, 'utf8').catch(() => '')).trim();
  if (/^[A-Za-z0-9_-]{32,}$/.test(known)) return known;
  const token = randomBytes(24).toString('base64url');
  const handle = await open(path, 'w', 0o600);
  try {
    await handle.writeFile(token);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return token;
}
