/**
 * Brings lazy-loaded images into the copy: a script the capture runs in the page that scrolls
 * down a screenful at a time (so `loading="lazy"` and IntersectionObserver images start loading,
 * through the capture's guarded network like every request), waits for those images, then goes
 * back to the top. Bounded in height and time, so an endless feed cannot hold the capture.
 */
import { MAX_SCREENSHOT_HEIGHT } from './capture-page-driver';

/** Longest the scrolling and the wait for images take together. */
export const SCROLL_CAP_MS = 4_000;
/** Pause after each screenful, long enough for IntersectionObserver callbacks and lazy loads to start. */
const STEP_PAUSE_MS = 80;

/**
 * The script, as a string because this code is type-checked without the DOM library and the page
 * runs it. It resolves to the depth scrolled, in pixels. Images waited for are those laid out in
 * the scrolled range that have an address and are not complete yet; an image that never finishes
 * only uses up the time cap.
 */
export function scrollThroughScript(maxHeight: number = MAX_SCREENSHOT_HEIGHT, capMs: number = SCROLL_CAP_MS): string {
  return `(async (maxHeight, capMs, pauseMs) => {
  const started = Date.now();
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const root = document.scrollingElement || document.documentElement;
  if (!root) return 0;
  const view = Math.max(window.innerHeight || 0, 200);
  const stride = Math.max(200, Math.floor(view * 0.9));
  let depth = 0;
  while (Date.now() - started < capMs / 2) {
    const bottom = Math.min(root.scrollHeight, maxHeight);
    if (depth + view >= bottom) break;
    depth = Math.min(depth + stride, bottom - view);
    window.scrollTo(0, depth);
    await pause(pauseMs);
  }
  const reached = depth + view;
  const pending = () => Array.from(document.images).filter((image) => {
    if (image.complete || !(image.currentSrc || image.getAttribute('src'))) return false;
    const box = image.getBoundingClientRect();
    return image.getClientRects().length > 0 && box.top + window.scrollY <= reached;
  });
  while (pending().length > 0 && Date.now() - started < capMs) await pause(pauseMs);
  window.scrollTo(0, 0);
  await pause(pauseMs);
  return depth;
})(${Math.floor(maxHeight)}, ${Math.floor(capMs)}, ${STEP_PAUSE_MS})`;
}
