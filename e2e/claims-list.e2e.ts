/**
 * The desk's claims list with a long review (#14): only the rows in view are drawn, yet the
 * keyboard reaches every claim, a screen reader hears each row's place in the list, filters
 * count right, and a claim selected in the article is shown in the list; in a narrow window and
 * in Arabic too.
 */
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yProblems } from './support/a11y';
import { callApi, reviewWithClaims } from './support/library-api';
import { expect, test } from './support/fixtures';
import { expectNoSidewaysScroll } from './support/layout';

const CLAIM_COUNT = 1_500;
/** Far fewer rows than claims: what a tall window shows, plus the overscan on each side. */
const MOST_ROWS_DRAWN = 60;

/** Claim `index`'s words (from 0): unique by their number; every seventh is long enough to wrap, so rows differ in height. */
function quoteOf(index: number): string {
  const witness = `Witness ${String(index + 1).padStart(4, '0')}`;
  return index % 7 === 0
    ? `${witness} said the committee approved the whole list of budget lines for roads, schools, hospitals and the port authority in one single vote`
    : `${witness} said turnout rose`;
}

/** Every third claim is False (500 of 1,500), the next True, the rest have no verdict yet. */
function verdictOf(index: number): string | undefined {
  return index % 3 === 0 ? 'False' : index % 3 === 1 ? 'True' : undefined;
}

/** A review of 1,500 claims made through the app's own services, opened on the desk. */
async function openLongReview(page: Page, serverUrl: string): Promise<{ id: string; claimIds: string[] }> {
  await page.goto(serverUrl);
  const paragraphs: string[] = [];
  for (let start = 0; start < CLAIM_COUNT; start += 10) {
    const sentences = Array.from({ length: Math.min(10, CLAIM_COUNT - start) }, (_, offset) => `${quoteOf(start + offset)}.`);
    paragraphs.push(sentences.join(' '));
  }
  const claims = Array.from({ length: CLAIM_COUNT }, (_, index) => {
    const verdict = verdictOf(index);
    return { quote: quoteOf(index), ...(verdict ? { verdict } : {}) };
  });
  const review = await reviewWithClaims(page, 'Election night transcript', paragraphs.join('\n\n'), claims);
  await page.goto(`${serverUrl}#/review/${review.id}`);
  await expect(page.getByRole('listbox', { name: 'Claims' })).toHaveAttribute('data-claim-count', String(CLAIM_COUNT));
  return review;
}

/** The element with the focus, as the list's row it should be. */
const focusedRow = (page: Page): Locator => page.locator('[role="option"]:focus');

/** The words the editor has selected (the claim it revealed). */
async function editorSelection(page: Page): Promise<string> {
  return page.evaluate(() => {
    interface EditorHandle {
      state: { doc: { textBetween(from: number, to: number, separator: string): string }; selection: { from: number; to: number } };
    }
    const editor = (document.querySelector('.article-editor') as (HTMLElement & { editor?: EditorHandle }) | null)?.editor;
    if (!editor) return '';
    const { from, to } = editor.state.selection;
    return editor.state.doc.textBetween(from, to, '\n');
  });
}

/** Fails unless the drawn rows are few, stacked in order without overlapping, and each says it is one of `total`. */
async function expectFewRowsInOrder(list: Locator, total: number): Promise<void> {
  const rows = await list.getByRole('option').evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, position: Number(element.getAttribute('aria-posinset')), size: element.getAttribute('aria-setsize') };
    }),
  );
  expect(rows.length, 'rows drawn').toBeGreaterThan(0);
  expect(rows.length, 'rows drawn').toBeLessThanOrEqual(MOST_ROWS_DRAWN);
  for (const row of rows) expect(row.size).toBe(String(total));
  const inOrder = [...rows].sort((first, second) => first.position - second.position);
  for (let index = 1; index < inOrder.length; index++) {
    const [above, below] = [inOrder[index - 1], inOrder[index]];
    // Consecutive rows only: the tab stop may be drawn far from the rest.
    if (above && below && below.position === above.position + 1) expect(below.top, `row ${below.position} starts below row ${above.position}`).toBeGreaterThanOrEqual(above.bottom);
  }
}

test('draws only the rows in view of 1,500 claims; Tab, End, PageDown and the arrows reach any claim and Enter chooses it', async ({ page, server }, testInfo) => {
  const review = await openLongReview(page, server.url);
  const sidebar = page.getByRole('navigation', { name: 'Claims' });
  const list = sidebar.getByRole('listbox', { name: 'Claims' });
  const details = page.getByRole('complementary', { name: 'Claim details' });
  await expect(sidebar.locator('.pane-title .count')).toHaveText('1,500');
  await expectFewRowsInOrder(list, CLAIM_COUNT);

  // One tab stop: from the last filter, Tab lands on the first row, and the focus shows.
  await sidebar.getByLabel('Filter by status').focus();
  await page.keyboard.press('Tab');
  await expect(focusedRow(page)).toHaveAttribute('aria-posinset', '1');
  expect(await focusedRow(page).evaluate((element) => element.matches(':focus-visible') && parseFloat(getComputedStyle(element).outlineWidth) >= 2)).toBe(true);
  await expect(list.locator('[tabindex="0"]')).toHaveCount(1);

  // End reaches the last claim, drawn and in view; Enter chooses it in the article.
  await page.keyboard.press('End');
  await expect(focusedRow(page)).toHaveAttribute('aria-posinset', String(CLAIM_COUNT));
  await expect(focusedRow(page)).toContainText(quoteOf(CLAIM_COUNT - 1));
  await expect(focusedRow(page)).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Enter');
  await expect(focusedRow(page)).toHaveAttribute('aria-selected', 'true');
  await expect(details.locator('blockquote')).toHaveText(quoteOf(CLAIM_COUNT - 1));
  await expect.poll(() => editorSelection(page)).toBe(quoteOf(CLAIM_COUNT - 1));
  await expect(page.locator(`.article-editor [data-claim-id="${review.claimIds[CLAIM_COUNT - 1] as string}"]`)).toBeInViewport();
  await expectFewRowsInOrder(list, CLAIM_COUNT);

  // Home and PageDown: a page down lands in the middle of the list, in view; the arrows step from there.
  await page.keyboard.press('Home');
  await expect(focusedRow(page)).toHaveAttribute('aria-posinset', '1');
  await page.keyboard.press('PageDown');
  const firstPage = Number(await focusedRow(page).getAttribute('aria-posinset'));
  expect(firstPage, 'a page holds several rows, not the whole list').toBeGreaterThan(2);
  expect(firstPage).toBeLessThan(40);
  await expect(focusedRow(page)).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('PageDown');
  await expect(focusedRow(page)).not.toHaveAttribute('aria-posinset', String(firstPage));
  const secondPage = Number(await focusedRow(page).getAttribute('aria-posinset'));
  expect(secondPage).toBeGreaterThan(firstPage);
  await expect(focusedRow(page)).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  const middle = secondPage + 1;
  await expect(focusedRow(page)).toHaveAttribute('aria-posinset', String(middle));
  await expect(focusedRow(page)).toContainText(quoteOf(middle - 1));
  await page.keyboard.press(' ');
  await expect(details.locator('blockquote')).toHaveText(quoteOf(middle - 1));
  await expect.poll(() => editorSelection(page)).toBe(quoteOf(middle - 1));
  await expect(list.getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', String(middle));
  await page.keyboard.press('PageUp');
  await expect(focusedRow(page)).not.toHaveAttribute('aria-posinset', String(middle));
  const pageUp = Number(await focusedRow(page).getAttribute('aria-posinset'));
  expect(pageUp).toBeLessThan(middle - 2);
  await expect(focusedRow(page)).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: testInfo.outputPath('claims-list-1400.png') });
  await expectFewRowsInOrder(list, CLAIM_COUNT);
  await expectNoSeriousA11yProblems(page);

  // A claim selected in the article is shown in the list, and holds its tab stop.
  const far = 1_200;
  await page.locator(`.article-editor [data-claim-id="${review.claimIds[far - 1] as string}"]`).click();
  const selected = list.getByRole('option', { selected: true });
  await expect(selected).toHaveAttribute('aria-posinset', String(far));
  await expect(selected).toBeInViewport({ ratio: 1 });
  await expect(selected).toHaveAttribute('tabindex', '0');
  await expect(list.locator('[tabindex="0"]')).toHaveCount(1);
  // Scrolled far away, the tab stop is still drawn: Tab goes back to it and shows it.
  await sidebar.evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(list.getByRole('option', { name: new RegExp(quoteOf(0)) })).toBeInViewport();
  await sidebar.getByLabel('Filter by status').focus();
  await page.keyboard.press('Tab');
  await expect(focusedRow(page)).toHaveAttribute('aria-posinset', String(far));
  await expect(focusedRow(page)).toBeInViewport({ ratio: 1 });

  // A filter: the count, the rows' set size and the last row follow it.
  await sidebar.getByLabel('Filter by verdict').selectOption({ label: 'False' });
  await expect(list).toHaveAttribute('data-claim-count', '500');
  await expect(sidebar.locator('.pane-title .count')).toHaveText('500 of 1,500');
  await expectFewRowsInOrder(list, 500);
  await list.getByRole('option').first().focus();
  await page.keyboard.press('End');
  await expect(focusedRow(page)).toHaveAttribute('aria-posinset', '500');
  await expect(focusedRow(page)).toContainText(quoteOf(1_497));
  await sidebar.getByLabel('Filter by status').selectOption({ label: 'Reviewed' });
  await expect(sidebar.getByText('No claim matches these filters.')).toBeVisible();
  await expect(list).toHaveCount(0);
});

test('the long list reads right in a 320 px window and in Arabic', async ({ page, server }, testInfo) => {
  await openLongReview(page, server.url);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.getByRole('button', { name: /^Claims/ }).click();
  const list = page.getByRole('listbox', { name: 'Claims' });
  await expect(list).toBeVisible();
  // Opening the panel puts the focus on the list's tab stop.
  await expect(focusedRow(page)).toHaveAttribute('aria-posinset', '1');
  await page.keyboard.press('PageDown');
  await expect(focusedRow(page)).toBeInViewport({ ratio: 1 });
  await expectFewRowsInOrder(list, CLAIM_COUNT);
  await expectNoSidewaysScroll(page, 'with the long claims list open');
  await page.screenshot({ path: testInfo.outputPath('claims-list-320.png') });

  await callApi(page, 'settings:setLanguage', { language: 'ar' });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const arabicList = page.getByRole('listbox', { name: 'الادعاءات' });
  await expect(arabicList).toHaveAttribute('data-claim-count', String(CLAIM_COUNT));
  // Mirrored: the list sits at the right of the desk, its rows aligned to the right.
  const [listBox, articleBox] = await Promise.all([arabicList.boundingBox(), page.locator('.article-pane').boundingBox()]);
  expect(listBox && articleBox && listBox.x >= articleBox.x + articleBox.width - 0.5).toBe(true);
  await arabicList.getByRole('option').first().focus();
  await page.keyboard.press('PageDown');
  await expect(focusedRow(page)).toBeInViewport({ ratio: 1 });
  await expectFewRowsInOrder(arabicList, CLAIM_COUNT);
  await page.screenshot({ path: testInfo.outputPath('claims-list-arabic.png') });

  const tabStop = await focusedRow(page).getAttribute('aria-posinset');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.locator('.panel-toggle').first().click();
  await expect(arabicList).toBeVisible();
  // The panel opens on the row the keys last reached, scrolled into view.
  await expect(focusedRow(page)).toHaveAttribute('aria-posinset', tabStop ?? '');
  await expect(focusedRow(page)).toBeInViewport({ ratio: 1 });
  await expectNoSidewaysScroll(page, 'with the long claims list open in Arabic');
  const rowBox = await arabicList.getByRole('option').first().boundingBox();
  const sidebarBox = await page.locator('.claims-sidebar').boundingBox();
  expect(rowBox && sidebarBox && rowBox.x >= sidebarBox.x && rowBox.x + rowBox.width <= sidebarBox.x + sidebarBox.width + 0.5).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('claims-list-arabic-320.png') });
});
