/**
 * Opening the data folder at start, with a way out when it cannot be used: the reviewer reads
 * why (the services' own sentence) and chooses another folder, or quits.
 */
import { dialog } from 'electron';
import { ApiError } from '../../shared/api/envelope';

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
export async function openDataFolderOrChoose<T>(firstDir: string, open: (dataDir: string) => Promise<T>): Promise<T | undefined> {
  let dataDir = firstDir;
  for (;;) {
    try {
      return await open(dataDir);
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
