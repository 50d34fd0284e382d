/**
 * Update article…: the outlet's newer version pasted into a review with checked claims; the diff
 * (inline and side by side) and the claims affected are shown before anything changes; after the
 * update the orphaned claim waits under Needs attention and Versions lists both versions. Also in
 * Arabic, and in a 320 px window.
 */
import type { Page, TestInfo } from '@playwright/test';
import { createReviewByPaste, expect, expectSaved, openClaimAfreshInArabic, selectInArticle, test } from './support/fixtures';
import { expectDialogContentFits } from './support/layout';
import { callApi } from './support/library-api';

const ARTICLE =
  '<p>The minister said unemployment fell by 20 percent last year.</p><p>Crime rose 5 percent in the city, police said.</p><p>Schools will get 400 new teachers by September, the office said.</p>';
const NEWER = 'Correction: this story was updated on Tuesday.\n\nThe minister said unemployment fell by 20 percent last year.\n\nCrime rose 7 percent in the city, police said.';

const ARABIC = '<p>قال الوزير إن البطالة انخفضت بنسبة 20 في المئة العام الماضي.</p><p>وأضاف أن المدارس ستحصل على 400 معلم جديد بحلول سبتمبر.</p>';
const ARABIC_NEWER = 'قال الوزير إن البطالة انخفضت بنسبة 15 في المئة العام الماضي.\n\nوأضاف أن المدارس ستحصل على 400 معلم جديد بحلول سبتمبر.';

function shot(testInfo: TestInfo, name: string): string {
  return testInfo.outputPath(`${name}.png`);
}

/** Marks `quote` as a claim and gives it the scale's first verdict (Alt+1). */
async function markWithVerdict(page: Page, quote: string): Promise<void> {
  await selectInArticle(page, quote);
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await page.keyboard.press('Alt+1');
}

test('pastes the newer version, shows what changed and which claims need a look, updates, and lists the versions', async ({ page, server }, testInfo) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Jobs', ARTICLE);
  await markWithVerdict(page, 'unemployment fell by 20 percent');
  await markWithVerdict(page, 'Crime rose 5 percent in the city');
  await markWithVerdict(page, 'Schools will get 400 new teachers');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Update article…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Update article' });
  await dialog.getByRole('textbox', { name: 'Newer version (paste its text here)' }).fill(NEWER);
  await dialog.getByRole('button', { name: 'Show changes' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'changes in the words' })).toBeVisible();
  // Added and removed words say so in words and in their marks, not only in colour.
  await expect(dialog.locator('ins').filter({ hasText: 'Correction:' })).toContainText('added:');
  await expect(dialog.locator('del').filter({ hasText: 'Schools' })).toContainText('removed:');
  await expect(dialog.locator('del').first()).toHaveCSS('text-decoration-line', 'line-through');
  await expect(dialog.locator('ins').first()).toHaveCSS('text-decoration-line', 'underline');
  const affected = dialog.locator('.update-claims li');
  await expect(affected).toHaveCount(2);
  await expect(affected.filter({ hasText: 'Not placed' })).toContainText('Schools will get 400 new teachers');
  await expect(affected.filter({ hasText: 'Words edited' })).toContainText('now reads “Crime rose 7 percent in the city”');
  await expect(dialog).toContainText('reports will say the article was updated after the check');
  await page.screenshot({
    path: shot(testInfo, 'update-preview-inline'),
    fullPage: true,
  });

  await dialog.getByRole('radio', { name: 'Side by side' }).check();
  const row = dialog.locator('.diff-row').filter({ hasText: 'Crime' });
  await expect(row.getByLabel('Before')).toContainText('5');
  await expect(row.getByLabel('After')).toContainText('7');
  await page.screenshot({
    path: shot(testInfo, 'update-preview-side'),
    fullPage: true,
  });

  // Nothing changed yet: the preview wrote nothing.
  const editor = page.getByRole('textbox', {
    name: 'Article text',
    exact: true,
  });
  await expect(editor).not.toContainText('Correction:');
  await dialog.getByRole('button', { name: 'Update article', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(editor).toContainText('Correction: this story was updated on Tuesday.');
  await expect(page.getByRole('status').filter({ hasText: 'The article is now version 2' })).toContainText('2 claims need a look');
  const attention = page.getByRole('region', {
    name: 'Needs attention',
    exact: true,
  });
  await expect(attention).toContainText('Schools will get 400 new teachers');
  await expect(attention).toContainText('Not placed');
  await expect(attention).toContainText('Words edited: check');
  await page.screenshot({ path: shot(testInfo, 'update-applied') });

  await page.getByRole('button', { name: 'Versions', exact: true }).click();
  const versions = page.getByRole('dialog', { name: 'Article versions' });
  await expect(versions.locator('tbody tr')).toHaveCount(2);
  await expect(versions.locator('tbody tr').nth(1)).toContainText('2 (current)');
  await expect(versions.locator('tbody tr').nth(0)).toContainText('Pasted text');
  const fingerprint = versions.locator('tbody tr').nth(1).locator('code');
  await expect(fingerprint).toHaveAttribute('title', /^[0-9a-f]{64}$/);
  await expect(fingerprint).toHaveText(/^[0-9a-f]{12}…$/);
  await versions.getByRole('button', { name: 'Compare version 1 with now' }).click();
  await expect(versions.locator('ins').filter({ hasText: 'Correction:' })).toBeVisible();
  await page.screenshot({ path: shot(testInfo, 'versions'), fullPage: true });
  await versions.getByRole('button', { name: 'Close' }).click();

  // After a reload the update and its flags are what is stored.
  await page.reload();
  await expect(editor).toContainText('Correction:');
  await expect(page.getByRole('region', { name: 'Needs attention', exact: true })).toContainText('Schools will get 400 new teachers');
});

test('shows an Arabic update right to left, with the changed number marked, and fits a 320 px window', async ({ page, server }, testInfo) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'البطالة', ARABIC);
  await markWithVerdict(page, 'انخفضت بنسبة 20 في المئة');
  await expectSaved(page);
  await page.setViewportSize({ width: 320, height: 640 });
  const more = page.getByRole('button', { name: 'More tools' });
  if (await more.isVisible()) await more.click();
  await page.getByRole('button', { name: 'Update article…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Update article' });
  await dialog.getByRole('textbox', { name: 'Newer version (paste its text here)' }).fill(ARABIC_NEWER);
  await dialog.getByRole('button', { name: 'Show changes' }).click();
  const line = dialog.locator('.diff-inline').first();
  await expect(line).toHaveAttribute('dir', 'auto');
  expect(await line.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  await expect(line.locator('del')).toContainText('20');
  await expect(line.locator('ins')).toContainText('15');
  await expect(dialog.locator('.update-claims li')).toContainText('Words edited');
  await expectDialogContentFits(page, dialog, 'Update article');
  await page.screenshot({
    path: shot(testInfo, 'update-arabic-320'),
    fullPage: true,
  });
  await dialog.getByRole('radio', { name: 'Side by side' }).check();
  await expectDialogContentFits(page, dialog, 'Update article');
  await page.screenshot({
    path: shot(testInfo, 'update-arabic-320-side'),
    fullPage: true,
  });
  await dialog.getByRole('button', { name: 'Update article', exact: true }).click();
  await expect(dialog).toBeHidden();

  if ((await more.isVisible()) && (await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await page.getByRole('button', { name: 'Versions', exact: true }).click();
  const versions = page.getByRole('dialog', { name: 'Article versions' });
  await expect(versions.locator('tbody tr')).toHaveCount(2);
  await expectDialogContentFits(page, versions, 'Article versions');
  await page.screenshot({
    path: shot(testInfo, 'versions-320'),
    fullPage: true,
  });
  await versions.getByRole('button', { name: 'Close' }).click();

  // In the Arabic interface the flag reads in Arabic, worded from its cause, not the stored English sentence.
  const [summary] = await callApi(page, 'review:list', {});
  const review = await callApi(page, 'review:get', { id: summary?.id ?? '' });
  const flagged = review.claims.find((claim) => claim.attention?.kind === 'changed');
  expect(flagged?.attention?.detail).toMatch(/^The outlet edited these words in version 2/);
  await callApi(page, 'settings:setLanguage', { language: 'ar' });
  await openClaimAfreshInArabic(page, server.url, review.id, flagged?.id ?? '');
  const box = page.getByRole('region', { name: 'هذا الادعاء يحتاج إلى انتباه' });
  await expect(box).toContainText('عدّل الناشر هذه الكلمات في الإصدار 2 من المقال');
  await expect(box).toContainText('انخفضت بنسبة 15');
  await expect(box).not.toContainText('The outlet edited');
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot(testInfo, 'attention-arabic-320') });
  await page.setViewportSize({ width: 1100, height: 760 });
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot(testInfo, 'attention-arabic-wide') });
});
