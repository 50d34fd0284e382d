/**
 * Keeps a copy of a web address: a PDF, image or other file as it is; a web page loaded in a
 * fresh, isolated Chromium context (every request through the guarded fetch) and kept as an MHTML
 * archive, a full-page screenshot, a PDF print and its readable text. Writes nothing to disk.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiError } from '../../../shared/api/envelope';
import { findChromium } from '../export/chromium-path';
import { CaptureNetwork, type RefusedRequest } from './capture-network';
import { badResponseError, cancelledError, timeoutError } from './evidence-fetch-error';
import { guardedFetch, EvidenceFetchError, type FetchedResource, type FetchRules } from './guarded-fetch';
import { withArchiveParts } from './mhtml-parts';
import { originalFileName } from './original-file-name';
import { readableTextOfPage } from './readable-text';

/** One file of a kept copy; the caller stores it and computes its SHA-256. */
export interface CapturedFile {
  role: 'archive' | 'screenshot' | 'print' | 'text' | 'original';
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** What a capture made, with the metadata of the fetch. */
export interface CapturedPage {
  requestedUrl: string;
  /** After HTTP redirects (and after the page's own script moved on, if it did). */
  finalUrl: string;
  status: number;
  contentType: string;
  retrievedAt: string;
  title: string;
  files: CapturedFile[];
  /** False when the page was still loading at the time limit and was kept as it stood then. */
  loadedFully?: boolean;
  /** Sentences for the reviewer about how this copy was made (what was left out, what was cut). */
  notes?: string[];
  /** Requests of the page that were refused or failed (private addresses, size, …). */
  refusedRequests?: RefusedRequest[];
}

/**
 * The progress steps `captureEvidence` reports, in order (a file that is not a web page stops after
 * the first). The words are stable, so an interface can translate them as keys.
 */
export const CAPTURE_STEPS = ['Fetching', 'Opening an isolated browser', 'Loading the page', 'Keeping the archive', 'Taking the screenshot', 'Printing the PDF', 'Reading the text'] as const;
/** One of CAPTURE_STEPS. */
export type CaptureStep = (typeof CAPTURE_STEPS)[number];

/** The browser window the page is laid out in. */
export const CAPTURE_VIEWPORT = { width: 1280, height: 900 };
/** Screenshots stop at this height, so an endless page cannot exhaust memory. */
export const MAX_SCREENSHOT_HEIGHT = 20_000;
/** Longest wait for the page's own loading once the document is in (bounded by the rules' time limit too). */
const LOAD_CAP_MS = 60_000;
/** Longest wait for the network to fall quiet after the load event (pages that poll never do). */
const IDLE_CAP_MS = 10_000;
/** Limit on each step after loading (archive, screenshot, print). */
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

function mediaTypeOf(contentType: string): string {
  return contentType.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** True for a response a browser would render as a web page (sniffing only when the server says nothing). */
function isWebPage(resource: FetchedResource): boolean {
  const type = mediaTypeOf(resource.contentType);
  if (type === 'text/html' || type === 'application/xhtml+xml') return true;
  if (type !== '') return false;
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(resource.body.subarray(0, 512).toString('latin1'));
}

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

/** Waits for the page to load and the network to go quiet, up to `budgetMs`; false when it was still loading. */
async function settle(page: Page, url: string, budgetMs: number): Promise<boolean> {
  const deadline = Date.now() + Math.min(budgetMs, LOAD_CAP_MS);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: Math.max(1_000, deadline - Date.now()) });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return false;
    throw error;
  }
  const idleMs = Math.min(IDLE_CAP_MS, deadline - Date.now());
  if (idleMs <= 0) return false;
  return page.waitForLoadState('networkidle', { timeout: idleMs }).then(
    () => true,
    () => false,
  );
}

async function screenshot(page: Page, notes: string[]): Promise<Buffer> {
  // Expressions as strings: this code is type-checked without the DOM library, the page runs them.
  const height = Number(await page.evaluate('Math.max(document.documentElement?.scrollHeight ?? 0, document.body?.scrollHeight ?? 0)'));
  if (height > MAX_SCREENSHOT_HEIGHT) {
    notes.push(`The page is ${height} pixels tall; the screenshot shows its first ${MAX_SCREENSHOT_HEIGHT}. The archive and the PDF hold the whole page.`);
    return page.screenshot({ type: 'png', fullPage: true, clip: { x: 0, y: 0, width: CAPTURE_VIEWPORT.width, height: MAX_SCREENSHOT_HEIGHT }, animations: 'disabled', timeout: STEP_TIMEOUT_MS });
  }
  return page.screenshot({ type: 'png', fullPage: true, animations: 'disabled', timeout: STEP_TIMEOUT_MS });
}

/** The files of a loaded page: archive, screenshot, print, text. */
async function keepPage(
  context: BrowserContext,
  page: Page,
  network: CaptureNetwork,
  fallbackUrl: string,
  notes: string[],
  onProgress: (step: CaptureStep) => void,
): Promise<{ title: string; url: string; files: CapturedFile[] }> {
  onProgress('Keeping the archive');
  const session = await context.newCDPSession(page);
  const { data: snapshot } = await session.send('Page.captureSnapshot', { format: 'mhtml' });
  const mhtml = withArchiveParts(snapshot, network.fonts);
  onProgress('Taking the screenshot');
  const png = await screenshot(page, notes);
  onProgress('Printing the PDF');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  onProgress('Reading the text');
  const url = /^https?:/i.test(page.url()) ? page.url() : fallbackUrl;
  const html = await page.content();
  const visible = String(await page.evaluate("document.body?.innerText ?? ''"));
  const readable = readableTextOfPage(html, url, visible);
  const title = (await page.title()).trim() || readable.title || url;
  return {
    title,
    url,
    files: [
      { role: 'archive', fileName: 'page.mhtml', mediaType: 'multipart/related', bytes: Buffer.from(mhtml, 'utf8') },
      { role: 'screenshot', fileName: 'screenshot.png', mediaType: 'image/png', bytes: png },
      { role: 'print', fileName: 'page.pdf', mediaType: 'application/pdf', bytes: Buffer.from(pdf) },
      { role: 'text', fileName: 'text.txt', mediaType: 'text/plain; charset=utf-8', bytes: Buffer.from(readable.text, 'utf8') },
    ],
  };
}

/** Sentences for the copy's notes about what the page could not load. */
function refusalNotes(refused: readonly RefusedRequest[]): string[] {
  if (refused.length === 0) return [];
  const byCode = new Map<string, number>();
  for (const { code } of refused) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  const words: Record<string, string> = {
    'private-address': 'pointed at private network addresses',
    'too-large': 'would have passed the size limit',
    timeout: 'did not finish in time',
    offline: 'could not be reached',
    'not-http': 'were not http(s)',
  };
  return [...byCode].map(
    ([code, count]) => `${count} ${count === 1 ? 'request' : 'requests'} of the page ${words[code] ?? `failed (${code})`} and ${count === 1 ? 'was' : 'were'} left out of the copy.`,
  );
}

/**
 * Captures `url` under `rules`. A non-HTML response comes back as one 'original' file; a web page
 * as archive, screenshot, print and text. Refusals and failures throw EvidenceFetchError;
 * aborting `rules.signal` closes the browser and throws 'cancelled'.
 */
export async function captureEvidence(url: string, rules: FetchRules, onProgress: (step: string) => void = () => undefined): Promise<CapturedPage> {
  const started = Date.now();
  onProgress('Fetching');
  const resource = await guardedFetch(url, rules);
  const base = { requestedUrl: url, finalUrl: resource.finalUrl, status: resource.status, contentType: resource.contentType, retrievedAt: resource.retrievedAt };
  if (resource.status < 200 || resource.status > 299) {
    throw badResponseError(resource.finalUrl, `the site answered with HTTP status ${resource.status} instead of the page`);
  }
  if (!isWebPage(resource)) {
    const mediaType = mediaTypeOf(resource.contentType) || 'application/octet-stream';
    return {
      ...base,
      title: originalFileName(resource.finalUrl, mediaType),
      files: [{ role: 'original', fileName: originalFileName(resource.finalUrl, mediaType), mediaType, bytes: resource.body }],
      loadedFully: true,
      notes: [],
      refusedRequests: [],
    };
  }
  if (rules.signal?.aborted) throw cancelledError(url);
  onProgress('Opening an isolated browser');
  const network = new CaptureNetwork(rules, resource);
  const browser = await launch();
  const closeOnCancel = () => void browser.close().catch(() => undefined);
  rules.signal?.addEventListener('abort', closeOnCancel, { once: true });
  try {
    if (rules.signal?.aborted) throw cancelledError(url);
    const context = await isolatedContext(browser, network);
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    onProgress('Loading the page');
    const loadedFully = await settle(page, resource.finalUrl, rules.timeoutMs - (Date.now() - started));
    const notes: string[] = [];
    if (!loadedFully) notes.push('The page was still loading when the time limit came; the copy shows it as it stood then.');
    const kept = await keepPage(context, page, network, resource.finalUrl, notes, onProgress);
    network.stop();
    if (kept.url !== resource.finalUrl) notes.push(`The page’s own script moved on to ${kept.url}; the copy shows that page.`);
    notes.push(...refusalNotes(network.refused));
    return { ...base, finalUrl: kept.url, title: kept.title, files: kept.files, loadedFully, notes, refusedRequests: [...network.refused] };
  } catch (error) {
    if (rules.signal?.aborted) throw cancelledError(url);
    if (error instanceof EvidenceFetchError || error instanceof ApiError) throw error;
    if (error instanceof Error && error.name === 'TimeoutError') throw timeoutError(url, STEP_TIMEOUT_MS);
    throw badResponseError(url, `Chromium could not keep the page (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  } finally {
    network.stop();
    rules.signal?.removeEventListener('abort', closeOnCancel);
    await browser.close().catch(() => undefined);
  }
}
