/**
 * The capture's page in the desktop app's own Chromium: a hidden, sandboxed window with no
 * preload and no Node, in a partition of its own (capture-session.ts), so a kept page reaches
 * neither the app nor the reviewer's cookies. MHTML and the screenshot come through the DevTools
 * protocol (`webContents.debugger`), the print from `printToPDF`. The window and its partition's
 * data are destroyed when the capture ends, whichever way it ends.
 */
import { BrowserWindow, type WebContents } from 'electron';
import type { CaptureNetwork } from '../services/evidence/capture-network';
import { CAPTURE_VIEWPORT, type CapturePageDriver } from '../services/evidence/capture-page-driver';
import { openCaptureSession, type CaptureSession } from './capture-session';

/** How long the network must be idle to count as quiet (as Playwright's `networkidle`). */
const QUIET_MS = 500;
const POLL_MS = 100;
const WEB_ADDRESS = /^https?:/i;

/** An ordinary Chrome user agent of this Electron's Chromium: sites turn unknown browsers away. */
function chromeUserAgent(): string {
  const major = (process.versions.chrome ?? '').split('.')[0] || '140';
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** `work`'s value, or `fallback` once `ms` have passed. */
async function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** True for loadURL's rejection when another navigation (the page's own script) replaced the one asked for. */
function wasReplaced(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ERR_ABORTED';
}

/** The hidden window: isolated, sandboxed, no preload, no Node, no dialogs, in the capture's partition. */
function hiddenWindow(partition: string): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: CAPTURE_VIEWPORT.width,
    height: CAPTURE_VIEWPORT.height,
    useContentSize: true,
    skipTaskbar: true,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      partition,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      javascript: true,
      spellcheck: false,
      disableDialogs: true,
      navigateOnDragDrop: false,
      autoplayPolicy: 'user-gesture-required',
      // A hidden window is throttled like a background tab; the page must load and lay out as if seen.
      backgroundThrottling: false,
    },
  });
}

/** Keeps the page to itself: no pop-ups, no <webview>, navigation (by the page) to web addresses only. */
function confine(contents: WebContents, capture: CaptureSession): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!WEB_ADDRESS.test(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!WEB_ADDRESS.test(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('did-start-navigation', (event) => {
    if (!event.isSameDocument) capture.expectNavigation(event.url);
  });
  contents.setAudioMuted(true);
  contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
}

/** The `data` string of a DevTools answer, or an error naming the command. */
function dataOf(answer: unknown, method: string): string {
  const data = typeof answer === 'object' && answer !== null && 'data' in answer ? answer.data : undefined;
  if (typeof data !== 'string') throw new Error(`${method} returned no data`);
  return data;
}

/**
 * Opens a hidden window for one capture, its every http(s) request answered by `network`.
 * Pass it to openFactmarkServices as `captureWebPage`.
 */
export async function openElectronCapturePage(network: CaptureNetwork): Promise<CapturePageDriver> {
  const capture = await openCaptureSession(network, chromeUserAgent());
  let window: BrowserWindow | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      if (window && !window.isDestroyed()) {
        if (window.webContents.debugger.isAttached()) window.webContents.debugger.detach();
        window.destroy();
      }
    } catch {
      // The window went already (the app is quitting): its partition is still wiped below.
    }
    await capture.dispose();
  };
  try {
    window = hiddenWindow(capture.partition);
    const contents = window.webContents;
    confine(contents, capture);
    contents.debugger.attach('1.3');
    // The page is laid out at the capture's size and scale whatever the screen, as in Debian's Chromium.
    await contents.debugger.sendCommand('Emulation.setDeviceMetricsOverride', { ...CAPTURE_VIEWPORT, deviceScaleFactor: 1, mobile: false });
    return electronDriver(contents, capture, close);
  } catch (error) {
    await close();
    throw error;
  }
}

function electronDriver(contents: WebContents, capture: CaptureSession, close: () => Promise<void>): CapturePageDriver {
  const send = (method: string, params?: Record<string, unknown>): Promise<unknown> => contents.debugger.sendCommand(method, params);
  return {
    browserName: 'Electron',
    load(url, timeoutMs) {
      capture.expectNavigation(url);
      const loading = contents.loadURL(url).then(
        () => true,
        (error: unknown) => {
          if (!wasReplaced(error)) throw error;
          // The page's own script moved on before its load event: wait for that page instead.
          return contents.isLoading() ? new Promise<boolean>((resolve) => contents.once('did-stop-loading', () => resolve(true))) : true;
        },
      );
      return within(loading, timeoutMs, false);
    },
    async waitForQuietNetwork(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (capture.pending() === 0 && Date.now() - capture.lastActivity() >= QUIET_MS) return true;
        if (Date.now() >= deadline) return false;
        await delay(Math.min(POLL_MS, deadline - Date.now()));
      }
    },
    currentUrl: async () => contents.getURL(),
    evaluate: (expression) => contents.executeJavaScript(expression) as Promise<unknown>,
    snapshotMhtml: async () => dataOf(await send('Page.captureSnapshot', { format: 'mhtml' }), 'Page.captureSnapshot'),
    async screenshotPng(cutAt) {
      const metrics = (await send('Page.getLayoutMetrics')) as { cssContentSize?: { width?: number; height?: number } } | undefined;
      const width = Math.max(1, Math.ceil(metrics?.cssContentSize?.width ?? CAPTURE_VIEWPORT.width));
      const height = Math.max(1, Math.min(Math.ceil(metrics?.cssContentSize?.height ?? CAPTURE_VIEWPORT.height), cutAt ?? Infinity));
      const answer = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height, scale: 1 } });
      return Buffer.from(dataOf(answer, 'Page.captureScreenshot'), 'base64');
    },
    printPdf: async () => Buffer.from(await contents.printToPDF({ pageSize: 'A4', printBackground: true })),
    close,
  };
}
