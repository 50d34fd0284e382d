/**
 * Which pages are the app's: ELECTRON_RENDERER_URL is honoured only by an unpackaged app, and
 * then only for exactly its origin.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { appPages } from './app-pages';
import { electronStandIn } from './test-support/electron-stand-in';
import { quitAndCleanUp, startInTempFolders } from './test-support/main-process-harness';

vi.mock('electron', async () => (await import('./test-support/electron-stand-in')).electronModule);

const DEV_SERVER = 'http://localhost:5173';
const LOOK_ALIKES = ['http://localhost:5173.evil.com/x', 'http://localhost:5173@evil.com/', 'http://localhost:51730/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://localhost/'];

beforeEach(() => electronStandIn.reset());
afterEach(quitAndCleanUp);

describe('the app’s pages while developing (not packaged)', () => {
  const pages = appPages({ isPackaged: false, devServerUrl: DEV_SERVER });

  test('are the dev server’s, which the window opens', () => {
    expect(pages.startUrl).toBe(DEV_SERVER);
    expect(pages.isAppUrl('http://localhost:5173/index.html')).toBe(true);
    expect(pages.isAppUrl('http://localhost:5173/src/main.tsx?t=1')).toBe(true);
  });

  test('exclude look-alike addresses that merely start with the dev server’s', () => {
    for (const url of LOOK_ALIKES) expect(pages.isAppUrl(url), url).toBe(false);
  });

  test('exclude app:// while the dev server serves the window', () => {
    expect(pages.isAppUrl('app://factmark/index.html')).toBe(false);
  });

  test('refuse a dev server address that is not http(s), whose origin would be "null"', () => {
    expect(() => appPages({ isPackaged: false, devServerUrl: 'data:text/html,hi' })).toThrow(/ELECTRON_RENDERER_URL/);
    expect(() => appPages({ isPackaged: false, devServerUrl: 'localhost:5173' })).toThrow(/ELECTRON_RENDERER_URL/);
  });
});

describe('the app’s pages in a packaged app', () => {
  test('are app://factmark only, whatever ELECTRON_RENDERER_URL says', () => {
    const pages = appPages({ isPackaged: true, devServerUrl: DEV_SERVER });
    expect(pages.startUrl).toBe('app://factmark/index.html');
    expect(pages.isAppUrl('app://factmark/assets/index.js')).toBe(true);
    expect(pages.isAppUrl('http://localhost:5173/index.html')).toBe(false);
    for (const url of ['app://factmark.evil/', 'app://evil/index.html', 'app://user@factmark/index.html', 'app:factmark/index.html', 'not a url']) {
      expect(pages.isAppUrl(url), url).toBe(false);
    }
  });
});

describe('ELECTRON_RENDERER_URL in the running main process', () => {
  test('is ignored by a packaged app: the window opens app:// and the dev server gets no IPC answer', async () => {
    electronStandIn.state.isPackaged = true;
    await startInTempFolders({ env: { ELECTRON_RENDERER_URL: DEV_SERVER } });
    const window = electronStandIn.appWindow();
    expect(window.webContents.mainFrame.url).toBe('app://factmark/index.html');
    expect(window.webContents.wouldFollow('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(await electronStandIn.invoke('app:info', { url: 'http://localhost:5173/index.html' }, {})).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  test('opens the dev server in an unpackaged app, and refuses look-alikes as app pages', async () => {
    await startInTempFolders({ env: { ELECTRON_RENDERER_URL: DEV_SERVER } });
    const window = electronStandIn.appWindow();
    const frame = window.webContents.mainFrame;
    expect(frame.url).toBe(DEV_SERVER);
    expect(window.webContents.wouldFollow('will-navigate', 'http://localhost:5173/index.html')).toBe(true);
    expect(await electronStandIn.invoke('app:info', frame, {})).toMatchObject({ ok: true });
    for (const url of LOOK_ALIKES) {
      expect(window.webContents.wouldFollow('will-navigate', url), url).toBe(false);
      expect(electronStandIn.state.defaultSession.wouldLoad(url), url).toBe(false);
      frame.url = url;
      expect(await electronStandIn.invoke('app:info', frame, {}), url).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
  });
});
