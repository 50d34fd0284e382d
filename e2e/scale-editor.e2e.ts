/**
 * A newsroom's own rating scale, through the real Preferences dialog: duplicate the built-in
 * scale, rename it and its verdicts, recolour (a light colour is refused with its contrast),
 * reorder by keyboard, take a verdict off the true–false line, then rate a new review on it while
 * an older review keeps the verdicts it was made with.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { createReviewByPaste, expect, expectSaved, pasteHtml, selectInArticle, test } from './support/fixtures';
import { expectNoSeriousA11yProblems } from './support/a11y';
import { expectDialogContentFits } from './support/layout';

const ARTICLE = '<p>The minister said unemployment fell by 20 percent last year.</p><p>Crime rose 5 percent in the city, police said.</p>';

function screenshotPath(testInfo: TestInfo, name: string): string {
  return join(testInfo.project.outputDir, `scale-editor-${name}.png`);
}

async function openScales(page: Page): Promise<{ dialog: Locator; scales: Locator }> {
  await page.getByRole('button', { name: 'Preferences' }).click();
  const dialog = page.getByRole('dialog', { name: 'Preferences' });
  const scales = dialog.getByRole('region', { name: 'Rating scales' });
  await expect(scales.getByRole('combobox', { name: 'Scale', exact: true })).toBeVisible();
  return { dialog, scales };
}

/** The fields of the verdict shown `position`-th (from 1) under the label `label`. */
const verdictRow = (scales: Locator, position: number, label: string): Locator => scales.getByRole('group', { name: `${position}. ${label}`, exact: true });

async function markClaim(page: Page, words: string): Promise<Locator> {
  await selectInArticle(page, words);
  await page.getByRole('button', { name: /Mark claim/ }).click();
  return page.getByRole('complementary', { name: 'Claim details' });
}

test('a duplicated, renamed, recoloured and reordered scale rates new reviews, and older reviews keep their verdicts', async ({ page, server }, testInfo) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Older review', ARTICLE);
  await (await markClaim(page, 'unemployment fell by 20 percent')).getByRole('radio', { name: 'True', exact: true }).check();
  await expectSaved(page);
  await page.getByRole('button', { name: 'Back to the library' }).click();

  const { dialog, scales } = await openScales(page);
  await page.screenshot({ path: screenshotPath(testInfo, '1400-preferences') });
  // The built-in scale is shown, not edited.
  await expect(scales.getByText('The built-in scale cannot be changed. Duplicate it to make a scale of your own.')).toBeVisible();
  await expect(scales.getByRole('button', { name: 'Save scale' })).toHaveCount(0);
  await scales.getByRole('button', { name: 'Duplicate' }).click();
  const name = scales.getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Copy of Factmark seven-point scale');
  await name.fill('Newsroom scale');
  await verdictRow(scales, 1, 'True').getByLabel('Label').fill('Correct');

  // A light colour: its contrast shows at once, and saving is refused with the verdict and the ratio.
  const mixed = verdictRow(scales, 3, 'Mixed');
  await mixed.getByLabel(/hex code/).fill('#ffd966');
  await expect(mixed).toContainText('White text contrast 1.36:1: too light, badges need at least 4.5:1.');
  const libraryFile = join(server.dataDir, 'library.json');
  const before = await readFile(libraryFile);
  await scales.getByRole('button', { name: 'Save scale' }).click();
  await expect(scales.getByRole('alert')).toHaveText('The scale needs a darker colour for “Mixed”: white text on #ffd966 has a contrast of 1.36:1, and badges need at least 4.5:1 to be readable.');
  expect(await readFile(libraryFile)).toEqual(before);
  await mixed.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: screenshotPath(testInfo, '1400-refused') });

  await mixed.getByLabel(/hex code/).fill('#5b3a00');
  await expect(mixed).toContainText(/White text contrast 1[0-9.]+:1: readable\./);
  await expect(mixed.getByLabel(/picker/)).toHaveValue('#5b3a00');
  await scales.getByRole('button', { name: 'Save scale' }).click();
  await expect(scales.locator('[aria-live="polite"]')).toHaveText('Saved “Newsroom scale”. Reviews made from now on with it use these verdicts.');
  await expect(scales.getByRole('alert')).toHaveCount(0);
  await expectNoSeriousA11yProblems(page);

  // Reorder from the keyboard; the new place is announced and the focus stays with the verdict.
  await mixed.getByRole('button', { name: 'Move up: Mixed' }).focus();
  await page.keyboard.press('Enter');
  await expect(scales.locator('[aria-live="polite"]')).toHaveText('“Mixed” moved to position 2 of 7.');
  await expect(verdictRow(scales, 2, 'Mixed').getByRole('button', { name: 'Move up: Mixed' })).toBeFocused();
  // Off the true–false line: no value to give.
  const misleading = verdictRow(scales, 6, 'Misleading');
  await expect(misleading.getByLabel('Value')).toBeDisabled();
  const mostlyTrue = verdictRow(scales, 3, 'Mostly true');
  await mostlyTrue.getByLabel('On the true–false line').uncheck();
  await expect(mostlyTrue.getByLabel('Value')).toBeDisabled();
  await scales.getByRole('heading', { name: 'Rating scales' }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: screenshotPath(testInfo, '1400-editor') });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();

  const stored = JSON.parse(await readFile(libraryFile, 'utf8')) as { scales: { name: string; verdicts: { id: string; label: string; color: string; ordinal: boolean }[] }[] };
  const newsroom = stored.scales.find((scale) => scale.name === 'Newsroom scale');
  expect(newsroom?.verdicts.map((verdict) => [verdict.label, verdict.color, verdict.ordinal])).toEqual([
    ['Correct', '#1b6e34', true],
    ['Mixed', '#5b3a00', true],
    ['Mostly true', '#3f6a1c', false],
    ['Mostly false', '#b0431a', true],
    ['False', '#b42318', true],
    ['Misleading', '#7b3fa0', false],
    ['Unverifiable', '#545b66', false],
  ]);

  // A new review on the new scale: the claim panel offers its verdicts, in its order.
  await page.getByRole('button', { name: 'New review' }).click();
  const newReview = page.getByRole('dialog', { name: 'New review' });
  await expect(newReview.getByRole('combobox', { name: 'Rating scale' })).toHaveValue('factmark-7');
  await newReview.getByRole('combobox', { name: 'Rating scale' }).selectOption({ label: 'Newsroom scale' });
  await newReview.getByLabel('Title').fill('Newer review');
  await newReview.getByRole('textbox', { name: 'Article text (paste here)' }).click();
  await pasteHtml(page, ARTICLE);
  await newReview.getByRole('button', { name: 'Create review' }).click();
  await expect(page.getByRole('textbox', { name: 'Article text', exact: true })).toBeVisible();
  const panel = await markClaim(page, 'Crime rose 5 percent');
  await expect(panel.getByRole('radiogroup', { name: 'Verdict' }).getByRole('radio')).toHaveCount(7);
  expect(await panel.locator('.verdict-option').allInnerTexts()).toEqual(['Correct', 'Mixed', 'Mostly true', 'Mostly false', 'False', 'Misleading', 'Unverifiable']);
  await panel.getByRole('radio', { name: 'Correct', exact: true }).check();
  await expect(page.getByRole('listbox', { name: 'Claims' }).getByRole('option')).toContainText(['Correct']);
  await expectSaved(page);
  await page.getByRole('button', { name: 'Back to the library' }).click();

  await page.getByRole('button', { name: 'Older review', exact: true }).click();
  await page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: /unemployment fell/ }).click();
  const olderPanel = page.getByRole('complementary', { name: 'Claim details' });
  await expect(olderPanel.getByRole('radio', { name: 'True', exact: true })).toBeChecked();
  await expect(olderPanel.getByRole('radio', { name: 'Correct', exact: true })).toHaveCount(0);
  expect(await olderPanel.locator('.verdict-option').allInnerTexts()).toEqual(['True', 'Mostly true', 'Mixed', 'Mostly false', 'False', 'Misleading', 'Unverifiable']);
});

test.describe('a 320 px window', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the scale editor fits, with long Arabic verdict names, and every control is reachable', async ({ page, server }, testInfo) => {
    await page.goto(server.url);
    const { dialog, scales } = await openScales(page);
    await scales.getByRole('heading', { name: 'Rating scales' }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: screenshotPath(testInfo, '320-built-in') });
    await scales.getByRole('button', { name: 'Duplicate' }).click();
    await scales.getByLabel('Name', { exact: true }).fill('مقياس غرفة الأخبار للتحقق من الادعاءات السياسية والاقتصادية');
    const arabic = ['صحيح تماماً وفق المصادر الرسمية المتاحة', 'صحيح في معظمه مع إغفال بعض التفاصيل', 'مختلط بين الصحيح والخاطئ'];
    for (const [index, label] of arabic.entries()) {
      const row = scales.locator('.verdict-editor').nth(index);
      await row.getByLabel('Label').fill(label);
      await expect(row.locator('legend')).toHaveText(`${index + 1}. ${label}`);
    }
    await scales.locator('.verdict-editor').nth(1).getByLabel(/hex code/).fill('#9fc5e8');
    await expect(scales.locator('.verdict-editor').nth(1)).toContainText('too light');

    await expectDialogContentFits(page, dialog, 'Preferences');
    await scales.locator('.verdict-editor').nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(testInfo, '320-arabic') });
  });
});
