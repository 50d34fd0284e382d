/**
 * Keeps a copy of a web address: a PDF, image or other file as it is; a web page loaded in a
 * fresh, isolated browser page (every request through the guarded fetch) and kept as an MHTML
 * archive, a full-page screenshot, a PDF print and its readable text. Writes nothing to disk.
 * The browser is Debian's Chromium by default; the desktop app passes its own (capture-page-driver.ts).
 */
import { ApiError } from '../../../shared/api/envelope';
import type { CaptureStep } from '../../../shared/model/capture-step';
import { MAX_EVIDENCE_COPY_BYTES } from '../../../shared/model/evidence-copy';
import { megabytes } from '../megabytes';
import { CaptureNetwork, type RefusedRequest } from './capture-network';
import { MAX_SCREENSHOT_HEIGHT, type CapturePageDriver, type OpenCapturePage } from './capture-page-driver';
import { openChromiumCapturePage } from './capture-with-chromium';
import { badResponseError, cancelledError, timeoutError } from './evidence-fetch-error';
import { guardedFetch, EvidenceFetchError, type FetchedResource, type FetchRules } from './guarded-fetch';
import { withArchiveParts } from './mhtml-parts';
import { originalFileName } from './original-file-name';
import { readableTextOfPage } from './readable-text';
import { SCROLL_CAP_MS, scrollThroughScript } from './scroll-through';

// The progress steps `captureEvidence` reports live in shared/ so the API contract can name them.
export { CAPTURE_STEPS, type CaptureStep } from '../../../shared/model/capture-step';
export { CAPTURE_VIEWPORT, MAX_SCREENSHOT_HEIGHT, type CapturePageDriver, type OpenCapturePage } from './capture-page-driver';

/** One file of a kept copy; the caller stores it and computes its SHA-256. */
export interface CapturedFile {
  role: 'archive' | 'screenshot' | 'print' | 'text' | 'original' | 'web-archive';
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

/** Longest wait for the page's own loading once the document is in (bounded by the rules' time limit too). */
const LOAD_CAP_MS = 60_000;
/** Longest wait for the network to fall quiet after the load event (pages that poll never do). */
const IDLE_CAP_MS = 10_000;
/** Limit on each step after loading (archive, screenshot, print). */
const STEP_TIMEOUT_MS = 120_000;
/** Time a driver gets beyond its own limit to give up before the capture stops waiting for it. */
const GRACE_MS = 5_000;

// Expressions as strings: this code is type-checked without the DOM library, the page runs them.
const PAGE_HEIGHT = 'Math.max(document.documentElement?.scrollHeight ?? 0, document.body?.scrollHeight ?? 0)';
const PAGE_HTML = "(document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '') + (document.documentElement?.outerHTML ?? '')";
const VISIBLE_TEXT = "document.body?.innerText ?? ''";
const PAGE_TITLE = "document.title ?? ''";

/** A step that took longer than its limit (the same name Playwright gives its own). */
class StepTimeoutError extends Error {
  override name = 'TimeoutError';
}

/** `work`'s outcome, or a TimeoutError after `ms`, or a rejection as soon as `signal` aborts. */
function bounded<T>(work: Promise<T>, ms: number, signal: AbortSignal | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StepTimeoutError(`A step of the capture took longer than ${ms} ms.`)), ms);
    const onAbort = () => reject(new Error('The capture was cancelled.'));
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

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

/** Loads the page and waits for the network to go quiet, up to `budgetMs`; false when it was still loading. */
async function settle(driver: CapturePageDriver, url: string, budgetMs: number, signal: AbortSignal | undefined): Promise<boolean> {
  const deadline = Date.now() + Math.min(budgetMs, LOAD_CAP_MS);
  const loadMs = Math.max(1_000, deadline - Date.now());
  if (!(await bounded(driver.load(url, loadMs), loadMs + GRACE_MS, signal))) return false;
  const idleMs = Math.min(IDLE_CAP_MS, deadline - Date.now());
  if (idleMs <= 0) return false;
  return bounded(driver.waitForQuietNetwork(idleMs), idleMs + GRACE_MS, signal);
}

/** The files of a loaded page: archive, screenshot, print, text. */
async function keepPage(
  driver: CapturePageDriver,
  network: CaptureNetwork,
  fallbackUrl: string,
  notes: string[],
  onProgress: (step: CaptureStep) => void,
  signal: AbortSignal | undefined,
): Promise<{ title: string; url: string; files: CapturedFile[] }> {
  const step = <T>(work: Promise<T>): Promise<T> => bounded(work, STEP_TIMEOUT_MS, signal);
  // Lazy images load only once scrolled to; a page that will not scroll is still kept as it is.
  await bounded(driver.evaluate(scrollThroughScript()), SCROLL_CAP_MS + GRACE_MS, signal).catch((error: unknown) => {
    if (signal?.aborted) throw error;
  });
  onProgress('Keeping the archive');
  const mhtml = withArchiveParts(await step(driver.snapshotMhtml()), network.fonts);
  onProgress('Taking the screenshot');
  const height = Number(await step(driver.evaluate(PAGE_HEIGHT)));
  const cut = height > MAX_SCREENSHOT_HEIGHT;
  if (cut) notes.push(`The page is ${height} pixels tall; the screenshot shows its first ${MAX_SCREENSHOT_HEIGHT}. The archive and the PDF hold the whole page.`);
  const png = await step(driver.screenshotPng(cut ? MAX_SCREENSHOT_HEIGHT : undefined));
  onProgress('Printing the PDF');
  const pdf = await step(driver.printPdf());
  onProgress('Reading the text');
  const current = await step(driver.currentUrl());
  const url = /^https?:/i.test(current) ? current : fallbackUrl;
  const html = String(await step(driver.evaluate(PAGE_HTML)));
  const visible = String(await step(driver.evaluate(VISIBLE_TEXT)));
  const readable = readableTextOfPage(html, url, visible);
  const title = String(await step(driver.evaluate(PAGE_TITLE))).trim() || readable.title || url;
  return {
    title,
    url,
    files: [
      { role: 'archive', fileName: 'page.mhtml', mediaType: 'multipart/related', bytes: Buffer.from(mhtml, 'utf8') },
      { role: 'screenshot', fileName: 'screenshot.png', mediaType: 'image/png', bytes: png },
      { role: 'print', fileName: 'page.pdf', mediaType: 'application/pdf', bytes: pdf },
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
 * `files` with the WARC added when the copy stays within the limit for one copy. The WARC repeats
 * what the page loaded, so on a page near the fetch limit it could push a copy over; the page is
 * then kept without it (the MHTML holds the same page) and a note says so.
 */
export function withWebArchive(files: CapturedFile[], webArchive: CapturedFile | null, notes: string[], limit = MAX_EVIDENCE_COPY_BYTES): CapturedFile[] {
  if (!webArchive) return files;
  const total = [...files, webArchive].reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total <= limit) return [...files, webArchive];
  notes.push(
    `The web archive (WARC) of the page was left out: with it the copy would take ${megabytes(total)}, over the ${megabytes(limit)} one copy may hold. The page itself is kept in the MHTML archive.`,
  );
  return files;
}

/** Opens the page; one that opens after the capture gave up waiting for it is closed at once. */
async function openPageFor(openPage: OpenCapturePage, network: CaptureNetwork, signal: AbortSignal | undefined): Promise<CapturePageDriver> {
  const opening = openPage(network);
  try {
    return await bounded(opening, STEP_TIMEOUT_MS, signal);
  } catch (error) {
    void opening.then(
      (late) => late.close(),
      () => undefined,
    );
    throw error;
  }
}

/**
 * Captures `url` under `rules`. A non-HTML response comes back as one 'original' file; a web page
 * as archive, screenshot, print and text, loaded in a page `openPage` opens (Debian's Chromium
 * unless given). Refusals and failures throw EvidenceFetchError; aborting `rules.signal` closes
 * the page and throws 'cancelled'.
 */
export async function captureEvidence(
  url: string,
  rules: FetchRules,
  onProgress: (step: string) => void = () => undefined,
  openPage: OpenCapturePage = openChromiumCapturePage,
): Promise<CapturedPage> {
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
  let driver: CapturePageDriver | undefined;
  const closeOnCancel = () => void driver?.close();
  rules.signal?.addEventListener('abort', closeOnCancel, { once: true });
  try {
    driver = await openPageFor(openPage, network, rules.signal);
    if (rules.signal?.aborted) throw cancelledError(url);
    onProgress('Loading the page');
    const loadedFully = await settle(driver, resource.finalUrl, rules.timeoutMs - (Date.now() - started), rules.signal);
    const notes: string[] = [];
    if (!loadedFully) notes.push('The page was still loading when the time limit came; the copy shows it as it stood then.');
    const kept = await keepPage(driver, network, resource.finalUrl, notes, onProgress, rules.signal);
    network.stop();
    if (kept.url !== resource.finalUrl) notes.push(`The page’s own script moved on to ${kept.url}; the copy shows that page.`);
    notes.push(...refusalNotes(network.refused));
    const files = withWebArchive(kept.files, await network.webArchive(), notes);
    return { ...base, finalUrl: kept.url, title: kept.title, files, loadedFully, notes, refusedRequests: [...network.refused] };
  } catch (error) {
    if (rules.signal?.aborted) throw cancelledError(url);
    if (error instanceof EvidenceFetchError || error instanceof ApiError) throw error;
    if (error instanceof Error && error.name === 'TimeoutError') throw timeoutError(url, STEP_TIMEOUT_MS);
    throw badResponseError(url, `${driver?.browserName ?? 'The browser'} could not keep the page (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  } finally {
    network.stop();
    rules.signal?.removeEventListener('abort', closeOnCancel);
    await driver?.close();
  }
}
