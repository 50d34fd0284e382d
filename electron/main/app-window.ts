/**
 * The one app window: isolated, sandboxed, without Node, and kept on the app's own pages
 * (no navigation or redirect elsewhere, no pop-ups, no <webview>).
 */
import { BrowserWindow } from 'electron';
import type { AppPages } from './app-pages';

/** Opens the window on `pages.startUrl`; it shows itself once the first frame is ready. */
export function createAppWindow(options: { preloadPath: string; pages: AppPages }): BrowserWindow {
  const { pages } = options;
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Factmark',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  const contents = window.webContents;
  // Links to the web open in the browser through shell:openExternal, never in an Electron window.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!pages.isAppUrl(event.url)) event.preventDefault();
  });
  // A server redirect is a navigation will-navigate never sees (the dev server, a future app page).
  contents.on('will-redirect', (event) => {
    if (!pages.isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(pages.startUrl);
  return window;
}
