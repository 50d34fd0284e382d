/**
 * Electron's main process: one window, one data folder, IPC wired to the services.
 * Everything about fact-checking lives in the services; this file only adapts.
 */
import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { createHandlerRegistry } from '../api/handler-registry';
import { startLoopbackBridge, type LoopbackBridge } from '../bridge/loopback-bridge';
import { dataDirFromArgs } from '../services/data-dir';
import { openFactmarkServices, type FactmarkServices } from '../services/factmark-services';
import { buildAppMenu } from './app-menu';
import { openElectronCapturePage } from './capture-with-electron';
import { appPages } from './app-pages';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { createAppWindow } from './app-window';
import { chosenFolderRecord, openDataFolderOrChoose, rememberDataFolder, rememberedDataFolder } from './data-folder-dialog';
import { isFromAppMainFrame, registerIpcHandlers } from './ipc-handlers';
import { openWebAddressExternally, refuseToOpenExternally } from './open-external';
import { printPdfWithElectron } from './print-pdf';
import { lockDownSession } from './session-lockdown';

/** What the process was started with, and where the built renderer and preload are. */
export interface MainProcessOptions {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  rendererDir: string;
  preloadPath: string;
}

/**
 * Wires the app's lifecycle. Resolves once the window is open, or once the app has given up
 * (another instance owns the app, the reviewer quit at the data-folder question, start failed).
 */
export function startMainProcess(options: MainProcessOptions): Promise<void> {
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    // Another Factmark owns the data folder; it will bring its window forward.
    app.quit();
    return Promise.resolve();
  }
  const pages = appPages({ isPackaged: app.isPackaged, devServerUrl: options.env.ELECTRON_RENDERER_URL });
  let mainWindow: BrowserWindow | undefined;
  let services: FactmarkServices | undefined;
  let cliBridge: LoopbackBridge | undefined;
  let closing: Promise<void> | undefined;
  let closed = false;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('before-quit', (event) => {
    if (!services || closed) return;
    // Pending saves reach the disk before the process goes; a second quit waits for the first.
    event.preventDefault();
    const open = services;
    closing ??= (async () => {
      await cliBridge?.close();
      await open.close();
    })()
      // A write that fails now was already answered as failed to the window that asked for it.
      .catch((error: unknown) => console.error('[factmark] closing the data folder failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app.on('window-all-closed', () => app.quit());

  async function start(): Promise<void> {
    const named = dataDirFromArgs(options.argv, options.env);
    const record = chosenFolderRecord(app.getPath('appData'));
    const firstDir = named ?? (await rememberedDataFolder(record)) ?? app.getPath('userData');
    services = await openDataFolderOrChoose(
      firstDir,
      (dataDir) => openFactmarkServices({ dataDir, mode: 'electron', renderPdf: printPdfWithElectron, captureWebPage: openElectronCapturePage, appFolder: app.getPath('userData') }),
      // A folder named on the command line is for that start; one chosen for the default is kept.
      async (chosen) => (named ? undefined : rememberDataFolder(record, chosen)),
    );
    if (!services) {
      app.quit();
      return;
    }
    lockDownSession(session.defaultSession, pages.isAppUrl);
    serveAppScheme(options.rendererDir);
    const registry = createHandlerRegistry({ ...services.handlers, 'shell:openExternal': openWebAddressExternally });
    registerIpcHandlers(registry, (event) => isFromAppMainFrame(event, mainWindow?.webContents, pages.isAppUrl));
    // The command line works through this process while the app is open: the API alone, on
    // 127.0.0.1 with a random token that only the data folder's lock file (mode 600) reveals.
    cliBridge = await startLoopbackBridge({ registry: createHandlerRegistry({ ...services.handlers, 'shell:openExternal': refuseToOpenExternally }) });
    await services.store.advertise({ url: cliBridge.url, token: cliBridge.token });
    Menu.setApplicationMenu(buildAppMenu());
    mainWindow = createAppWindow({ preloadPath: options.preloadPath, pages });
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
  }

  return app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Factmark could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
