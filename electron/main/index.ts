/**
 * Electron's main process: one window, one data folder, IPC wired to the services.
 * Everything about fact-checking lives in the services; this file only adapts.
 */
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/envelope';
import { isHttpUrl } from '../../shared/model/primitives';
import { createHandlerRegistry } from '../api/handler-registry';
import { startLoopbackBridge } from '../bridge/loopback-bridge';
import { dataDirFromArgs } from '../services/data-dir';
import { openFactmarkServices, type FactmarkServices } from '../services/factmark-services';
import { APP_ORIGIN, registerAppScheme, serveAppScheme } from './app-protocol';
import { isFromAppMainFrame, registerIpcHandlers } from './ipc-handlers';
import { buildAppMenu } from './app-menu';
import { printPdfWithElectron } from './print-pdf';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const appUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const isAppUrl = (url: string): boolean => url.startsWith(devServerUrl ?? `${APP_ORIGIN}/`);

let mainWindow: BrowserWindow | undefined;
let services: FactmarkServices | undefined;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Factmark owns the data folder; it will bring its window forward.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Factmark could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const dataDir = dataDirFromArgs(process.argv) ?? app.getPath('userData');
  try {
    services = await openFactmarkServices({ dataDir, mode: 'electron', renderPdf: printPdfWithElectron });
  } catch (error) {
    const message = error instanceof ApiError ? error.message : `The data folder ${dataDir} could not be opened: ${String(error)}`;
    dialog.showErrorBox('Factmark could not open its data folder', message);
    app.exit(1);
    return;
  }

  lockDownSession();
  serveAppScheme(join(import.meta.dirname, '../renderer'));
  const registry = createHandlerRegistry({
    ...services.handlers,
    'shell:openExternal': async ({ url }) => {
      // The contract already refused anything but http(s); check again right at the door.
      const protocol = new URL(url).protocol;
      if (!isHttpUrl(url) || (protocol !== 'https:' && protocol !== 'http:')) return { opened: false };
      await shell.openExternal(url);
      return { opened: true };
    },
  });
  registerIpcHandlers(registry, (event) => isFromAppMainFrame(event, mainWindow?.webContents, isAppUrl));
  // The command line works through this process while the app is open: the API alone, on
  // 127.0.0.1 with a random token that only the data folder's lock file (mode 600) reveals.
  const cliRegistry = createHandlerRegistry({ ...services.handlers, 'shell:openExternal': async () => ({ opened: false }) });
  const cliBridge = await startLoopbackBridge({ registry: cliRegistry });
  await services.store.advertise({ url: cliBridge.url, token: cliBridge.token });
  Menu.setApplicationMenu(buildAppMenu());
  createWindow();
}

function lockDownSession(): void {
  const appSession = session.defaultSession;
  appSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  appSession.setPermissionCheckHandler(() => false);
  // No remote content in the app window: only the app's own files (and the dev server in development).
  appSession.webRequest.onBeforeRequest((details, callback) => {
    // blob: is how the window hands an export to the download (save) dialog.
    const allowed = isAppUrl(details.url) || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith(`blob:${APP_ORIGIN}`);
    callback({ cancel: !allowed });
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Factmark',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  const contents = mainWindow.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  void mainWindow.loadURL(appUrl);
}

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !services) return;
  // Pending saves reach the disk before the process goes.
  event.preventDefault();
  quitting = true;
  void services.close().finally(() => app.quit());
});

app.on('window-all-closed', () => app.quit());
