/**
 * The capture's page in Debian's Chromium (or any Chrome found) through playwright-core: a fresh
 * browser and context per capture, no service workers, no downloads, no live sockets, and every
 * request routed to the capture's guarded network. Used by the browser mode and the CLI.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiError } from '../../../shared/api/envelope';
import { findChromium } from '../export/chromium-path';
import type { CaptureNetwork } from './capture-network';
import { CAPTURE_VIEWPORT, type CapturePageDriver } from './capture-page-driver';

/** Limit on each Playwright call after loading (archive, screenshot, print). */
const STEP_TIMEOUT_MS = 120_000;

/**
 * Chromium switches that keep anything from reaching the network except through the route
 * handler: the resolver answers nothing and every connection goes to a proxy that cannot exist,
 * so preconnects, prefetches and WebRTC cannot touch an address the guard never checked.
 */
const ISOLATION_ARGS = [
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=http://factmark-no-network.invalid:9',
  '--proxy-bypass-list=<-loopback>',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

async function launch(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new ApiError(
      'unavailable',
      'No Chromium or Chrome was found to load the page, so no copy was kept. Install Chromium (for example `apt-get install chromium`) or set CHROMIUM_PATH to a Chrome or Chromium program, then try again.',
    );
  }
  const { chromium } = await import('playwright-core');
  // Chromium refuses its sandbox when run as root (containers); elsewhere hostile pages get it.
  const sandbox = process.getuid?.() !== 0;
  try {
    return await chromium.launch({ executablePath, chromiumSandbox: sandbox, args: ISOLATION_ARGS });
  } catch (error) {
    if (!sandbox) throw error;
    return chromium.launch({ executablePath, chromiumSandbox: false, args: ISOLATION_ARGS });
  }
}

async function isolatedContext(browser: Browser, network: CaptureNetwork): Promise<BrowserContext> {
  const version = browser.version().split('.')[0] ?? '';
  const context = await browser.newContext({
    viewport: CAPTURE_VIEWPORT,
    serviceWorkers: 'block',
    acceptDownloads: false,
    javaScriptEnabled: true,
    // Sites turn "HeadlessChrome" away; an ordinary Chrome user agent gets the page readers see.
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version}.0.0.0 Safari/537.36`,
  });
  await context.routeWebSocket(/.*/, (socket) => socket.close({ code: 1008, reason: 'A kept copy has no live connections.' }));
  await context.route('**/*', network.handle);
  return context;
}

/** The driver over one Playwright page; closing it closes the whole browser. */
function chromiumDriver(browser: Browser, context: BrowserContext, page: Page): CapturePageDriver {
  return {
    browserName: 'Chromium',
    async load(url, timeoutMs) {
      try {
        await page.goto(url, { waitUntil: 'load', timeout: Math.max(1_000, timeoutMs) });
        return true;
      } catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError') return false;
        throw error;
      }
    },
    waitForQuietNetwork: (timeoutMs) =>
      page.waitForLoadState('networkidle', { timeout: Math.max(1, timeoutMs) }).then(
        () => true,
        () => false,
      ),
    currentUrl: async () => page.url(),
    evaluate: (expression) => page.evaluate(expression),
    async snapshotMhtml() {
      const session = await context.newCDPSession(page);
      const { data } = await session.send('Page.captureSnapshot', { format: 'mhtml' });
      return data;
    },
    screenshotPng: (cutAt) =>
      page.screenshot({
        type: 'png',
        fullPage: true,
        animations: 'disabled',
        timeout: STEP_TIMEOUT_MS,
        ...(cutAt === undefined ? {} : { clip: { x: 0, y: 0, width: CAPTURE_VIEWPORT.width, height: cutAt } }),
      }),
    printPdf: async () => Buffer.from(await page.pdf({ format: 'A4', printBackground: true })),
    close: () => browser.close().catch(() => undefined),
  };
}

/** Opens a page for capture in a newly launched Chromium; refuses with how to install one when none is found. */
export async function openChromiumCapturePage(network: CaptureNetwork): Promise<CapturePageDriver> {
  const browser = await launch();
  try {
    const context = await isolatedContext(browser, network);
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    return chromiumDriver(browser, context, page);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}
