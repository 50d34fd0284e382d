/**
 * The interface in four languages (#12): chosen in Preferences, kept by the data folder, shown from
 * the first paint after a reload; Arabic mirrors the layout right to left, down to a 320 px window,
 * while each paragraph of the article keeps its own direction.
 */
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yProblems } from './support/a11y';
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';
import { expectNoSidewaysScroll, expectWithinViewport, overlaps, visibleBoxes } from './support/layout';

const ARTICLE =
  '<p>The minister said unemployment fell to 3.4 percent last year, the lowest rate since 1970.</p>' +
  '<p>قال وزير المالية إن معدل البطالة انخفض إلى ثلاثة بالمئة في العام الماضي.</p>';
const TITLE = 'Budget speech check — مراجعة الميزانية';

/** A review with one claim, made in the English interface, then back in the library. */
async function reviewWithClaim(page: Page): Promise<void> {
  await createReviewByPaste(page, TITLE, ARTICLE);
  await selectInArticle(page, 'unemployment fell to 3.4 percent');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await expectSaved(page);
  // The way back by its place, not its name: the desk's own words are translated separately.
  await page.locator('.desk-back').click();
  await expect(page.getByRole('button', { name: TITLE, exact: true })).toBeVisible();
}

/** Chooses `language` (its value, e.g. `ar`) under Preferences, whose name is `preferences` in the language shown now. */
async function chooseLanguage(page: Page, preferences: string, field: string, language: string): Promise<void> {
  await page.getByRole('button', { name: preferences }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(field).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

/** Records every text the app shows while the page loads, to catch a flash of another language. */
async function recordTexts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { shownTexts: string[] }).shownTexts = seen;
    new MutationObserver(() => {
      const root = document.getElementById('root');
      if (root?.textContent) seen.push(root.textContent);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

test('Arabic chosen in Preferences mirrors the interface, stays after a reload, and French and English come back', async ({ page, server }, testInfo) => {
  await page.goto(server.url);
  await reviewWithClaim(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await chooseLanguage(page, 'Preferences', 'Interface language', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'المراجعات' })).toBeVisible();
  for (const name of ['مراجعة جديدة', 'فتح ملف مشاركة…', 'التفضيلات']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^إعادة تسمية .*Budget speech check/ })).toHaveText('إعادة تسمية');
  await expect(page.getByRole('columnheader', { name: 'تاريخ الإضافة' })).toBeVisible();
  // Mirrored: the heading starts at the right, the actions follow it leftwards.
  const [heading, newReview] = await Promise.all([page.getByRole('heading', { name: 'المراجعات' }).boundingBox(), page.getByRole('button', { name: 'مراجعة جديدة' }).boundingBox()]);
  expect(heading && newReview && newReview.x + newReview.width <= heading.x + 0.5, 'the buttons sit to the left of the heading').toBe(true);
  await expectNoSeriousA11yProblems(page);
  await page.screenshot({ path: testInfo.outputPath('library-ar-1400.png') });

  // The data folder keeps the choice, and the reloaded window never shows English first.
  await recordTexts(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'المراجعات' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const shown = await page.evaluate(() => (window as unknown as { shownTexts: string[] }).shownTexts);
  expect(shown.some((text) => text.includes('المراجعات')), 'the texts shown were recorded').toBe(true);
  expect(shown.filter((text) => /Loading library|Reviews|New review/.test(text))).toEqual([]);

  // The desk: the claims list on the right of the article, the claim panel on its left.
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  const editor = page.getByRole('textbox', { name: 'نص المقال', exact: true });
  await expect(editor).toBeVisible();
  const [list, article, panel] = await Promise.all([page.locator('.claims-sidebar'), page.locator('.article-pane'), page.locator('.claim-panel')].map((region) => region.boundingBox()));
  expect(list && article && panel && panel.x + panel.width <= article.x + 0.5 && article.x + article.width <= list.x + 0.5, 'claims list | article | claim panel, from right to left').toBe(true);
  // The article's paragraphs keep their own direction: the English one still reads left to right.
  expect(await editor.locator('p').first().evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
  expect(await editor.locator('p').nth(1).evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  await page.screenshot({ path: testInfo.outputPath('desk-ar-1400.png') });

  await page.locator('.desk-back').click();
  await chooseLanguage(page, 'التفضيلات', 'لغة الواجهة', 'fr');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { name: 'Vérifications' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nouvelle vérification' })).toBeVisible();

  await chooseLanguage(page, 'Préférences', 'Langue de l’interface', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'New review' })).toBeVisible();
});

test.describe('a 320 px window', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the Arabic interface fits without sideways scrolling, and the claims list opens from the right', async ({ page, server }, testInfo) => {
    await page.goto(server.url);
    await reviewWithClaim(page);
    await chooseLanguage(page, 'Preferences', 'Interface language', 'ar');

    await expectNoSidewaysScroll(page, 'in the Arabic library');
    for (const name of [/^مراجعة جديدة$/, /^فتح ملف مشاركة…$/, /^التفضيلات$/, /^إعادة تسمية /, /^حذف /]) await expectWithinViewport(page, page.getByRole('button', { name }), String(name));
    await page.screenshot({ path: testInfo.outputPath('library-ar-320.png'), fullPage: true });

    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'نص المقال', exact: true })).toBeVisible();
    await expectNoSidewaysScroll(page, 'on the Arabic desk');
    expect(overlaps(await visibleBoxes(page.locator('.desk-toolbar'), 'button, h1, [data-testid="save-status"]'))).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('desk-ar-320.png') });

    const toggle = page.getByRole('button', { name: /^الادعاءات/ });
    await toggle.click();
    const list = page.locator('.claims-sidebar');
    await expect(list).toBeVisible();
    await expectWithinViewport(page, list, 'the claims list');
    const box = await list.boundingBox();
    expect(box && Math.abs(box.x + box.width - 320) <= 0.5, 'the claims list opens against the right edge').toBe(true);
    await expectNoSidewaysScroll(page, 'with the Arabic claims list open');
    await page.screenshot({ path: testInfo.outputPath('desk-ar-320-claims.png') });
  });
});
