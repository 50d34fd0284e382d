/**
 * Opening the data folder at start, with a way out when it cannot be used: the reviewer reads
 * why (the services' own sentence) and chooses another folder, or quits.
 */
import { dialog } from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../shared/api/envelope';

/**
 * Where the folder the reviewer chose is remembered: beside the default data folder, not in
 * it (the default is the folder that could not be used), so the question is asked once.
 */
export function chosenFolderRecord(appData: string): string {
  return join(appData, 'factmark-data-folder.json');
}

const ChosenFolder = z.object({ dataDir: z.string().min(1).max(4096) });

/** The folder chosen at an earlier start, if one was. */
export async function rememberedDataFolder(record: string): Promise<string | undefined> {
  try {
    return ChosenFolder.parse(JSON.parse(await readFile(record, 'utf8'))).dataDir;
  } catch {
    return undefined;
  }
}

/** Remembers `dataDir` for the next start; the app works on without it if it cannot be written. */
export async function rememberDataFolder(record: string, dataDir: string): Promise<void> {
  await writeFile(record, JSON.stringify({ dataDir })).catch((error: unknown) => console.error('[factmark] could not remember the data folder:', error));
}

/** The buttons of the message box, in order. */
export const CHOOSE_ANOTHER_FOLDER = 'Choose another folder…';
export const QUIT = 'Quit';

/** What the reviewer reads when opening `dataDir` failed with `error`. */
export function whyDataFolderFailed(dataDir: string, error: unknown): string {
  if (error instanceof ApiError) return error.message;
  // Not a failure the services foresaw: say what is known, and that nothing was lost.
  const reason = error instanceof Error ? error.message : String(error);
  return `Factmark could not open its data folder ${dataDir} (${reason}). Nothing in it was changed. Choose another folder, or quit.`;
}

/**
 * Opens `firstDir` with `open`; while that fails, shows why and lets the reviewer pick another
 * folder. Resolves with what `open` gave, or undefined when the reviewer quits or cancels.
 */
export async function openDataFolderOrChoose<T>(firstDir: string, open: (dataDir: string) => Promise<T>, remember: (dataDir: string) => Promise<void> = async () => undefined): Promise<T | undefined> {
  let dataDir = firstDir;
  for (;;) {
    try {
      const opened = await open(dataDir);
      if (dataDir !== firstDir) await remember(dataDir);
      return opened;
    } catch (error) {
      const answer = await dialog.showMessageBox({
        type: 'error',
        title: 'Factmark cannot use this data folder',
        message: whyDataFolderFailed(dataDir, error),
        buttons: [CHOOSE_ANOTHER_FOLDER, QUIT],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      if (answer.response !== 0) return undefined;
      const chosen = await dialog.showOpenDialog({
        title: 'Choose a folder for Factmark’s data',
        buttonLabel: 'Use this folder',
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = chosen.filePaths[0];
      if (chosen.canceled || !folder) return undefined;
      dataDir = folder;
    }
  }
}
