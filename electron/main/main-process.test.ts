/**
 * The main process as Electron runs it, against the Electron stand-in, over real services in a
 * temp folder: the window's protections, the session's refusals, one instance, a safe quit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/content-security-policy';
import { LOCK_FILE } from '../services/library/folder-lock';
import { electronModule, electronStandIn } from './test-support/electron-stand-in';
import { quitAndCleanUp, startInTempFolders, tempFolder } from './test-support/main-process-harness';

vi.mock('electron', async () => (await import('./test-support/electron-stand-in')).electronModule);

const { app } = electronModule;
const state = () => electronStandIn.state;

beforeEach(() => electronStandIn.reset());
afterEach(quitAndCleanUp);

/** Addresses a page could try to leave for: the web, local files, script, another app host. */
const FOREIGN_ADDRESSES = ['https://evil.example/', 'http://localhost:5173/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://evil/index.html', 'app://factmark.evil/', 'data:text/html,<p>hi'];

describe('the app window', () => {
  test('is isolated, sandboxed and without Node, with web security on, no <webview> and the preload set', async () => {
    const { preloadPath } = await startInTempFolders();
    expect(state().windows).toHaveLength(1);
    expect(electronStandIn.appWindow().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: preloadPath,
    });
  });

  test('opens the app page that the app:// handler serves, with the CSP header, and shows itself once ready', async () => {
    await startInTempFolders();
    const window = electronStandIn.appWindow();
    expect(window.webContents.mainFrame.url).toBe('app://factmark/index.html');
    const page = await electronStandIn.request(window.webContents.mainFrame.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(state().privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  test('refuses to navigate or be redirected to any address but the app’s own pages', async () => {
    await startInTempFolders();
    const contents = electronStandIn.appWindow().webContents;
    for (const url of FOREIGN_ADDRESSES) {
      expect(contents.wouldFollow('will-navigate', url), url).toBe(false);
      expect(contents.wouldFollow('will-redirect', url), url).toBe(false);
    }
    expect(contents.wouldFollow('will-navigate', 'app://factmark/index.html#review')).toBe(true);
    expect(contents.wouldFollow('will-redirect', 'app://factmark/index.html')).toBe(true);
  });

  test('denies every pop-up window and every <webview>', async () => {
    await startInTempFolders();
    const contents = electronStandIn.appWindow().webContents;
    for (const url of ['https://example.com/', 'app://factmark/index.html']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(contents.wouldAttachWebview()).toBe(false);
  });

  test('sets the application menu with the standard edit roles, so copy and paste keys work on every platform', async () => {
    await startInTempFolders();
    expect(state().applicationMenu?.template).toContainEqual({ role: 'editMenu' });
  });
});

describe('the app session', () => {
  test('denies every permission request, permission check and device', async () => {
    await startInTempFolders();
    const appSession = state().defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'fullscreen']) {
      expect(appSession.requestPermission(permission), permission).toBe(false);
      expect(appSession.permissionCheckHandler?.({}, permission), permission).toBe(false);
    }
    expect(appSession.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  test('cancels every request for remote content and lets the app’s own files through', async () => {
    await startInTempFolders();
    const appSession = state().defaultSession;
    for (const url of ['https://tracker.example/pixel.png', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://evil/x.js', 'blob:https://evil.example/1']) {
      expect(appSession.wouldLoad(url), url).toBe(false);
    }
    for (const url of ['app://factmark/assets/index.js', 'data:image/png;base64,AA==', 'blob:app://factmark/4f1c', 'devtools://devtools/bundled/inspector.html']) {
      expect(appSession.wouldLoad(url), url).toBe(true);
    }
  });
});

describe('one Factmark at a time', () => {
  test('quits at once, opening no window and not touching the data folder, when another Factmark holds the app', async () => {
    state().singleInstanceLock = false;
    const dataDir = await tempFolder('data');
    await startInTempFolders({ dataDir });
    expect(state().quit).toBe(true);
    expect(state().windows).toHaveLength(0);
    expect(state().ipcHandlers.size).toBe(0);
    expect(await readdir(dataDir)).toEqual([]);
  });

  test('restores and focuses its minimized window when a second Factmark is started', async () => {
    await startInTempFolders();
    const window = electronStandIn.appWindow();
    window.minimized = true;
    electronStandIn.emitApp('second-instance', {}, ['/opt/Factmark/factmark'], '/home/reviewer');
    expect(window.minimized).toBe(false);
    expect(window.restored).toBe(1);
    expect(window.focused).toBe(1);
  });
});

describe('quitting', () => {
  test('holds the quit until pending writes are on disk and the data folder is let go, then quits', async () => {
    const { dataDir } = await startInTempFolders();
    const lockFile = join(dataDir, LOCK_FILE);
    const onDiskAtQuit: { lockHeld?: boolean; library?: string } = {};
    app.on('will-quit', () => {
      onDiskAtQuit.lockHeld = existsSync(lockFile);
      onDiskAtQuit.library = readFileSync(join(dataDir, 'library.json'), 'utf8');
    });
    const appFrame = electronStandIn.appWindow().webContents.mainFrame;
    // Not awaited: the reviewer quits while the save is still being written.
    const saving = electronStandIn.invoke('settings:setReviewer', appFrame, { name: 'Amal Haddad' });

    app.quit();
    expect(state().quit).toBe(false);
    expect(existsSync(lockFile)).toBe(true);
    await electronStandIn.whenQuit();

    expect(onDiskAtQuit.lockHeld).toBe(false);
    expect(onDiskAtQuit.library).toContain('Amal Haddad');
    expect(await saving).toMatchObject({ ok: true });
  });

  test('waits for the first flush when quit is asked for twice', async () => {
    const { dataDir } = await startInTempFolders();
    let lockHeldAtQuit: boolean | undefined;
    app.on('will-quit', () => {
      lockHeldAtQuit = existsSync(join(dataDir, LOCK_FILE));
    });
    app.quit();
    app.quit();
    expect(state().quit).toBe(false);
    await electronStandIn.whenQuit();
    expect(lockHeldAtQuit).toBe(false);
  });

  test('stops answering the command line before it lets go of the data folder', async () => {
    const { dataDir } = await startInTempFolders();
    const lock = JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8')) as { endpoint: { url: string; token: string } };
    const call = () => fetch(`${lock.endpoint.url}api/app:info`, { method: 'POST', headers: { 'x-factmark-token': lock.endpoint.token, 'content-type': 'application/json' }, body: '{}' });
    expect(await (await call()).json()).toMatchObject({ ok: true, value: { dataDir, mode: 'electron' } });
    app.quit();
    await electronStandIn.whenQuit();
    await expect(call()).rejects.toThrow();
  });

  test('quits when the last window is closed', async () => {
    await startInTempFolders();
    electronStandIn.emitApp('window-all-closed');
    expect(state().quitRequests).toBe(1);
    await electronStandIn.whenQuit();
  });
});
