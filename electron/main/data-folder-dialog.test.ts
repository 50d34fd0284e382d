/**
 * Starting on a data folder that cannot be used: the reviewer reads why, and chooses another
 * folder or quits; the app opens its services where the reviewer chose.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ApiError } from '../../shared/api/envelope';
import { openFactmarkServices } from '../services/factmark-services';
import { LOCK_FILE } from '../services/library/folder-lock';
import { CHOOSE_ANOTHER_FOLDER, QUIT, whyDataFolderFailed } from './data-folder-dialog';
import { electronModule, electronStandIn } from './test-support/electron-stand-in';
import { quitAndCleanUp, startInTempFolders, tempFolder } from './test-support/main-process-harness';

vi.mock('electron', async () => (await import('./test-support/electron-stand-in')).electronModule);

const state = () => electronStandIn.state;

beforeEach(() => electronStandIn.reset());
afterEach(quitAndCleanUp);

/** A plain file where the data folder should be. */
async function fileInPlaceOfDataFolder(): Promise<string> {
  const file = join(await tempFolder('home'), 'Factmark');
  await writeFile(file, 'a file the reviewer keeps');
  return file;
}

describe('a data folder that cannot be used at start', () => {
  test('shows why, lets the reviewer choose another folder, and opens the app there', async () => {
    const userData = await fileInPlaceOfDataFolder();
    const chosen = await tempFolder('chosen');
    state().paths.userData = userData;
    electronStandIn.answerMessageBoxes(CHOOSE_ANOTHER_FOLDER);
    electronStandIn.answerOpenDialogs({ canceled: false, filePaths: [chosen] });

    await startInTempFolders({ dataDir: null });

    expect(state().messageBoxes).toHaveLength(1);
    expect(state().messageBoxes[0]?.message).toContain(userData);
    expect(state().messageBoxes[0]?.buttons).toEqual(['Choose another folder…', 'Quit']);
    expect(state().openDialogs).toEqual([expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] })]);
    expect(state().windows).toHaveLength(1);
    const appFrame = electronStandIn.appWindow().webContents.mainFrame;
    expect(await electronStandIn.invoke('app:info', appFrame, {})).toMatchObject({ ok: true, value: { dataDir: chosen } });
    expect(existsSync(join(chosen, LOCK_FILE))).toBe(true);
    expect(await readFile(userData, 'utf8')).toBe('a file the reviewer keeps');
  });

  test('remembers the folder chosen, so the next start opens it without asking', async () => {
    const userData = await fileInPlaceOfDataFolder();
    const appData = await tempFolder('app-data');
    const chosen = await tempFolder('chosen');
    state().paths.userData = userData;
    state().paths.appData = appData;
    electronStandIn.answerMessageBoxes(CHOOSE_ANOTHER_FOLDER);
    electronStandIn.answerOpenDialogs({ canceled: false, filePaths: [chosen] });
    await startInTempFolders({ dataDir: null });
    expect(state().windows).toHaveLength(1);
    electronModule.app.quit();
    await electronStandIn.whenQuit();

    electronStandIn.reset();
    state().paths.userData = userData;
    state().paths.appData = appData;
    await startInTempFolders({ dataDir: null });
    expect(state().messageBoxes).toEqual([]);
    const appFrame = electronStandIn.appWindow().webContents.mainFrame;
    expect(await electronStandIn.invoke('app:info', appFrame, {})).toMatchObject({ ok: true, value: { dataDir: chosen } });
  });

  test('asks again while the chosen folder cannot be used either', async () => {
    const userData = await fileInPlaceOfDataFolder();
    const anotherFile = join(await tempFolder('elsewhere'), 'notes.txt');
    await writeFile(anotherFile, 'notes');
    const chosen = await tempFolder('chosen');
    state().paths.userData = userData;
    electronStandIn.answerMessageBoxes(CHOOSE_ANOTHER_FOLDER, CHOOSE_ANOTHER_FOLDER);
    electronStandIn.answerOpenDialogs({ canceled: false, filePaths: [anotherFile] }, { canceled: false, filePaths: [chosen] });

    await startInTempFolders({ dataDir: null });

    expect(state().messageBoxes.map((box) => box.message)).toEqual([expect.stringContaining(userData), expect.stringContaining(anotherFile)]);
    expect(state().windows).toHaveLength(1);
    expect(existsSync(join(chosen, LOCK_FILE))).toBe(true);
  });

  test('shows the services’ own sentence when they refuse the folder, and quits without a window on Quit', async () => {
    const dataDir = await tempFolder('data');
    const otherOwner = await openFactmarkServices({ dataDir, mode: 'cli', renderPdf: async () => new Uint8Array() });
    try {
      const refusal = await openFactmarkServices({ dataDir, mode: 'electron', renderPdf: async () => new Uint8Array() }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ApiError);
      electronStandIn.answerMessageBoxes(QUIT);

      await startInTempFolders({ dataDir });

      expect(state().messageBoxes.map((box) => box.message)).toEqual([(refusal as ApiError).message]);
      expect(state().openDialogs).toEqual([]);
      expect(state().windows).toHaveLength(0);
      expect(state().quit).toBe(true);
    } finally {
      await otherOwner.close();
    }
  });

  test('quits without a window when the reviewer cancels the folder dialog', async () => {
    state().paths.userData = await fileInPlaceOfDataFolder();
    electronStandIn.answerMessageBoxes(CHOOSE_ANOTHER_FOLDER);
    electronStandIn.answerOpenDialogs({ canceled: true, filePaths: [] });

    await startInTempFolders({ dataDir: null });

    expect(state().openDialogs).toHaveLength(1);
    expect(state().windows).toHaveLength(0);
    expect(state().ipcHandlers.size).toBe(0);
    expect(state().quit).toBe(true);
  });
});

describe('what the reviewer reads', () => {
  test('is the services’ sentence when they refused on purpose', () => {
    const sentence = 'C:\\Users\\amal\\Factmark is a file, not a folder, so it cannot be the data folder. Nothing was changed.';
    expect(whyDataFolderFailed('C:\\Users\\amal\\Factmark', new ApiError('invalid-input', sentence))).toBe(sentence);
  });

  test('names the folder and the cause, and says nothing was changed, for a failure nobody foresaw', () => {
    const message = whyDataFolderFailed('/media/usb/Factmark', new Error('EIO: i/o error, mkdir'));
    expect(message).toContain('/media/usb/Factmark');
    expect(message).toContain('EIO: i/o error');
    expect(message).toContain('Nothing in it was changed');
  });
});
