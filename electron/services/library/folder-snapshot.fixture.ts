/** For tests that prove a command or a refused write changed nothing: a hash of every file in a folder. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** SHA-256 of every file below `folder` by relative path, but the lock file (it only says who holds the folder). */
export async function folderSnapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name !== 'factmark.lock') files[path.slice(folder.length)] = createHash('sha256').update(await readFile(path)).digest('hex');
    }
  };
  await walk(folder);
  return files;
}
