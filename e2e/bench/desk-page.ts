/**
 * The pages the editor bench types into, driven through their real UI: the review desk (opened
 * by its address, switched to Edit text with its button) and the bare contenteditable it is
 * compared with. Also what a page holds once open: JS heap after a forced GC, and DOM elements.
 */
import type { Locator, Page } from '@playwright/test';

/** A page ready to time keys in: where the caret is, and the paragraph the keys go into. */
export interface TypingTarget {
  page: Page;
  paragraph: Locator;
}

/** How the desk's article is laid out, so the bare page wraps its lines the same way. */
export interface ArticleLayout {
  width: string;
  font: string;
  lineHeight: string;
  padding: string;
  whiteSpace: string;
}

/** Resolves at the end of the page's next frame (after a requestAnimationFrame, a posted message). */
export function nextFrameEnd(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        }),
      ),
  );
}

/**
 * Opens the desk at `url` and returns the ms from navigation start to the end of the first frame
 * where the desk is usable: all `paragraphs` of the article drawn and the claims list holding
 * `claims`. The list's `data-claim-count` is read when it has one (a virtualised list draws only
 * some rows); otherwise its rows are counted.
 */
export async function openDesk(page: Page, url: string, paragraphs: number, claims: number): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    ({ paragraphCount, claimCount }) => {
      if (document.querySelectorAll('.article-editor > p').length !== paragraphCount) return false;
      const counted = [...document.querySelectorAll('[data-claim-count]')].map((element) => Number(element.getAttribute('data-claim-count')));
      const listed = counted.length > 0 ? Math.max(...counted) : document.querySelectorAll('ol.claim-list > li').length;
      return listed === claimCount;
    },
    { paragraphCount: paragraphs, claimCount: claims },
    { timeout: 180_000, polling: 'raf' },
  );
  return nextFrameEnd(page);
}

/** The article paragraph `index` of the desk. */
export function deskParagraph(page: Page, index: number): Locator {
  return page.locator('.article-editor > p').nth(index);
}

/** Switches the desk to Edit text through its toolbar button and waits until the article takes keys. */
export async function startEditingText(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Edit text', exact: true }).click();
  await page.getByRole('button', { name: 'Done editing' }).first().waitFor();
  await page.locator('.article-editor[aria-readonly="false"]').waitFor();
}

/** Waits until the desk says everything is saved. */
export async function waitUntilSaved(page: Page): Promise<void> {
  const failure = await page.waitForFunction(
    () => {
      const failed = document.querySelector('[data-testid="save-failure"]')?.textContent;
      if (failed) return failed;
      return /^Saved/.test(document.querySelector('[data-testid="save-status"]')?.textContent ?? '') ? 'saved' : false;
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  const said = await failure.jsonValue();
  if (said !== 'saved') throw new Error(`The desk could not save while the bench typed: ${String(said)}`);
}

/** The desk's article layout, read from an open desk. */
export async function readArticleLayout(page: Page): Promise<ArticleLayout> {
  return page.locator('.article-editor').evaluate((editor) => {
    const style = getComputedStyle(editor);
    return { width: style.width, font: style.font, lineHeight: style.lineHeight, padding: style.padding, whiteSpace: style.whiteSpace };
  });
}

/** The desk's rule for its article's blocks (app.css), for a bare page `contained` like the desk. */
const CONTAINED_BLOCKS = '.bare > * { content-visibility: auto; contain-intrinsic-size: auto 4lh; overflow-clip-margin: 0.8rem; }';

/**
 * Loads `html` into a plain `<div contenteditable>` laid out like the desk's article; `contained`
 * also draws its blocks only near the screen, as the desk does.
 */
export async function openBarePage(page: Page, html: string, layout: ArticleLayout, contained = false): Promise<void> {
  const style = `box-sizing:content-box;width:${layout.width};font:${layout.font};line-height:${layout.lineHeight};padding:${layout.padding};white-space:${layout.whiteSpace}`;
  const sheet = contained ? `<style>${CONTAINED_BLOCKS}</style>` : '';
  await page.goto('about:blank');
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><title>Bare contenteditable</title>${sheet}</head><body><div class="bare" contenteditable="true" spellcheck="true" style="${style}">${html}</div></body></html>`,
  );
}

/** The paragraph `index` of the bare page. */
export function bareParagraph(page: Page, index: number): Locator {
  return page.locator('.bare > p').nth(index);
}

/**
 * Puts the caret at the start of the line holding `offset` in `paragraph`, as a person would:
 * scroll the paragraph to the middle of the screen and click in the margin just left of that
 * line. A click on the words themselves would land in a claim and open its panel, which the
 * pages without claims cannot do. Returns the caret's offset in the paragraph's text.
 */
export async function placeCaret(page: Page, paragraph: Locator, offset: number): Promise<number> {
  const point = await paragraph.evaluate((element, at) => {
    element.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (seen + length > at) {
        const range = document.createRange();
        range.setStart(node, at - seen);
        range.setEnd(node, at - seen + 1);
        const box = range.getBoundingClientRect();
        return { x: element.getBoundingClientRect().left - 4, y: box.top + box.height / 2 };
      }
      seen += length;
    }
    throw new Error(`the paragraph has fewer than ${at} characters`);
  }, offset);
  await page.mouse.click(point.x, point.y);
  const reached = await paragraph.evaluate((element) => {
    const selection = getSelection();
    if (!selection?.focusNode || !element.contains(selection.focusNode)) return -1;
    const range = document.createRange();
    range.setStart(element, 0);
    range.setEnd(selection.focusNode, selection.focusOffset);
    return range.toString().length;
  });
  const length = ((await paragraph.textContent()) ?? '').length;
  if (reached < length / 4 || reached > (length * 3) / 4) throw new Error(`The click put the caret at ${reached} of ${length} characters, not in the middle of the paragraph the bench types into.`);
  return reached;
}

/** JS heap in use after a forced garbage collection (MB), and the number of DOM elements. */
export async function pageWeight(page: Page): Promise<{ heapMb: number; elements: number }> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { heapMb: usedSize / 1e6, elements };
  } finally {
    await session.detach();
  }
}
