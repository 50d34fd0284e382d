/** Measurements of a page's layout for reflow tests: sideways scrolling, boxes that overlap or leave the window, words split across lines. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Where an element is drawn, in CSS pixels from the window's top left, and what it says. */
export interface Box {
  label: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Fails when the page, or the article inside it, scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page, when: string): Promise<void> {
  const widths = await page.evaluate(() => {
    const pane = document.querySelector('.article-pane');
    return {
      page: { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth },
      body: { scroll: document.body.scrollWidth, client: document.body.clientWidth },
      article: pane ? { scroll: pane.scrollWidth, client: pane.clientWidth } : null,
    };
  });
  expect(widths.page.scroll, `the page scrolls sideways ${when}`).toBeLessThanOrEqual(widths.page.client);
  expect(widths.body.scroll, `the body scrolls sideways ${when}`).toBeLessThanOrEqual(widths.body.client);
  if (widths.article) expect(widths.article.scroll, `the article scrolls sideways ${when}`).toBeLessThanOrEqual(widths.article.client);
}

/** Fails unless `locator` lies wholly inside the viewport. */
export async function expectWithinViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, `${what} is rendered`).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x, `${what} starts inside the window`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what} starts inside the window`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends inside the window`).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height, `${what} ends inside the window`).toBeLessThanOrEqual(viewport.height + 0.5);
}

/**
 * The boxes of the elements matching `selector` inside `container`, each cut to what the scrolling
 * areas around it let through; what is hidden or scrolled out of sight is left out.
 */
export async function visibleBoxes(container: Locator, selector: string): Promise<Box[]> {
  return container.evaluate(
    (root, wanted) =>
      [...root.querySelectorAll<HTMLElement>(wanted)]
        .filter((element) => element.checkVisibility())
        .map((element) => {
          let { left, top, right, bottom } = element.getBoundingClientRect();
          for (let clip = element.parentElement; clip; clip = clip.parentElement) {
            if (getComputedStyle(clip).overflowY === 'visible') continue;
            const box = clip.getBoundingClientRect();
            left = Math.max(left, box.left);
            top = Math.max(top, box.top);
            right = Math.min(right, box.right);
            bottom = Math.min(bottom, box.bottom);
          }
          return { label: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30), left, top, right, bottom };
        })
        .filter((box) => box.right > box.left && box.bottom > box.top),
    selector,
  );
}

/** Pairs of boxes that cover each other by more than a hair. */
export function overlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  boxes.forEach((one, index) => {
    for (const other of boxes.slice(index + 1)) {
      const width = Math.min(one.right, other.right) - Math.max(one.left, other.left);
      const height = Math.min(one.bottom, other.bottom) - Math.max(one.top, other.top);
      if (width > 1 && height > 1) found.push(`“${one.label}” overlaps “${other.label}”`);
    }
  });
  return found;
}

/**
 * Words of the article's prose (links left out: an address may break anywhere) whose letters are
 * laid out on more than one line, measured from the rectangles of each word's text.
 */
export async function wordsBrokenAcrossLines(page: Page): Promise<string[]> {
  return page.locator('.article-editor').evaluate((editor) => {
    const broken: string[] = [];
    for (const block of editor.querySelectorAll('p, h1, h2, h3, li')) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const pieces: { node: Text; start: number }[] = [];
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        pieces.push({ node: node as Text, start: text.length });
        text += node.textContent ?? '';
      }
      const locate = (offset: number, atEnd: boolean): { node: Text; offset: number } => {
        const piece = [...pieces].reverse().find(({ start }) => (atEnd ? start < offset : start <= offset)) ?? pieces[0];
        if (!piece) throw new Error('empty block');
        return { node: piece.node, offset: offset - piece.start };
      };
      for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
        const from = locate(match.index, false);
        if (from.node.parentElement?.closest('a')) continue;
        const to = locate(match.index + match[0].length, true);
        const range = document.createRange();
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
        const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top / 8)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/**
 * Fails when the open dialog, or anything in it, is wider than the window, scrolls sideways or
 * sticks out of it; scrolls each of its buttons into view and fails unless the whole button shows.
 */
export async function expectDialogContentFits(page: Page, dialog: Locator, name: string): Promise<void> {
  await expect(dialog).toBeVisible();
  await expectNoSidewaysScroll(page, `with the ${name} dialog open`);
  const fit = await dialog.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const sticking = [...element.querySelectorAll<HTMLElement>('*')]
      .filter((child) => child.checkVisibility())
      .filter((child) => {
        const rect = child.getBoundingClientRect();
        return rect.width > 0 && (rect.left < box.left - 0.5 || rect.right > box.right + 0.5);
      })
      .map((child) => `${child.tagName.toLowerCase()}.${child.className} “${(child.textContent ?? '').trim().slice(0, 30)}”`);
    return { left: box.left, right: box.right, scroll: element.scrollWidth, client: element.clientWidth, sticking };
  });
  expect(fit.left).toBeGreaterThanOrEqual(0);
  expect(fit.right).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
  expect(fit.scroll, `the ${name} dialog scrolls sideways`).toBeLessThanOrEqual(fit.client);
  expect(fit.sticking, `parts of the ${name} dialog stick out`).toEqual([]);
  for (const button of await dialog.getByRole('button').all()) {
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport({ ratio: 1 });
  }
}
