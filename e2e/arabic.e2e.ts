/** Right-to-left articles: direction per paragraph, and claims that keep Arabic words whole. */
import { claimIdsOn, createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';

const ARABIC_ARTICLE =
  '<h2>الميزانية العامة</h2>' +
  '<p>قال وزير المالية إن معدل البطالة انخفض إلى ثلاثة بالمئة في العام الماضي.</p>' +
  '<p>The IMF report (صندوق النقد الدولي) disagrees with these figures.</p>';

test('shows an Arabic article right to left and marks a claim on whole words', async ({ page, server }, testInfo) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'مراجعة الميزانية', ARABIC_ARTICLE);
  const editor = page.getByRole('textbox', { name: 'Article text', exact: true });
  const arabicParagraph = editor.locator('p').first();
  const englishParagraph = editor.locator('p').nth(1);
  expect(await arabicParagraph.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  expect(await englishParagraph.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');

  // Start the selection inside "البطالة" and end inside "بالمئة": the claim takes the whole words.
  await selectInArticle(page, 'طالة انخفض إلى ثلاثة بالم');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  const highlight = editor.locator('[data-claim-id]');
  await expect(highlight).toHaveText('البطالة انخفض إلى ثلاثة بالمئة');
  await page.getByRole('radio', { name: 'False', exact: true }).check();

  await selectInArticle(page, 'صندوق النقد');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await expect(page.getByRole('listbox', { name: 'Claims' }).getByRole('option')).toHaveCount(2);
  expect(await claimIdsOn(page, 'صندوق')).toHaveLength(1);
  await expectSaved(page);

  await page.screenshot({ path: testInfo.outputPath('arabic-claim.png') });
  await page.reload();
  await expect(editor.locator('[data-claim-id]').first()).toHaveText('البطالة انخفض إلى ثلاثة بالمئة');
});
