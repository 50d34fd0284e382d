/**
 * Where browser mode listens, kept the same from one start to the next for one data folder: the
 * same port and the same bridge token. A page left open while Factmark restarts (or after its
 * storage process died) then reaches the new process and saves what it holds, and the work a
 * page kept in its own storage (recovery copies, which belong to the page's origin) is found
 * again after a restart.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** In the data folder, readable by its owner only: the token pages must send with every call. */
export const TOKEN_FILE = 'browser-mode-token';
const PORT_BASE = 41_000;
const PORT_SPAN = 8_000;

/** The port browser mode tries first for `dataDir` (another is taken when it is busy). */
export function preferredPort(dataDir: string): number {
  return PORT_BASE + (createHash('sha256').update(dataDir).digest().readUInt32BE(0) % PORT_SPAN);
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
