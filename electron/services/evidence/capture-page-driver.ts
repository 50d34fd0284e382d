/**
 * What a browser must do for `captureEvidence` to keep a web page: the few steps that differ
 * between Debian's Chromium (playwright-core) and Electron's own Chromium (a hidden window). The
 * steps that are the same for both (notes, fonts, readable text, progress, cancel, time limits)
 * live once in capture-page.ts.
 */
import type { CaptureNetwork } from './capture-network';

/** The browser window the page is laid out in. */
export const CAPTURE_VIEWPORT = { width: 1280, height: 900 };
/** Screenshots stop at this height, so an endless page cannot exhaust memory; scrolling stops there too. */
export const MAX_SCREENSHOT_HEIGHT = 20_000;

/** A page opened for capture, every request of it answered by the `CaptureNetwork` it was opened with. */
export interface CapturePageDriver {
  /** The browser's name for messages ("Chromium could not keep the page …"). */
  readonly browserName: string;
  /** Navigates to `url`; true once its load event came, false when `timeoutMs` passed first. */
  load(url: string, timeoutMs: number): Promise<boolean>;
  /** Waits up to `timeoutMs` for the page's requests to stop; false when they did not (pages that poll never do). */
  waitForQuietNetwork(timeoutMs: number): Promise<boolean>;
  /** The address the page shows now (its own script may have moved on). */
  currentUrl(): Promise<string>;
  /** Runs `expression` in the page and returns its value (a promise's resolved value); plain data only. */
  evaluate(expression: string): Promise<unknown>;
  /** Chromium's MHTML snapshot (`Page.captureSnapshot`). */
  snapshotMhtml(): Promise<string>;
  /** A PNG of the whole page at CAPTURE_VIEWPORT's width, or of its first `cutAt` pixels when given. */
  screenshotPng(cutAt?: number): Promise<Buffer>;
  /** An A4 PDF print with backgrounds. */
  printPdf(): Promise<Buffer>;
  /** Closes the page and everything it was opened with; safe to call twice, never throws. */
  close(): Promise<void>;
}

/** Opens an isolated, empty page whose every request goes to `network`. */
export type OpenCapturePage = (network: CaptureNetwork) => Promise<CapturePageDriver>;
