/** Keyboard-only use and an accessibility scan of every screen. */
import { expectNoSeriousA11yProblems } from './support/a11y';
import { createReviewByPaste, expect, expectSaved, pasteHtml, test } from './support/fixtures';

test('a reviewer can do the whole job from the keyboard', async ({ page, server }) => {
  await page.goto(server.url);
  const newReview = page.getByRole('button', { name: 'New review' });
  for (let step = 0; step < 5 && !(await newReview.evaluate((element) => element === document.activeElement)); step++) await page.keyboard.press('Tab');
  await expect(newReview).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Keyboard review');
  await page.keyboard.press('Tab'); // source address
  await page.keyboard.press('Tab'); // article paste area
  await expect(page.getByRole('textbox', { name: 'Article text (paste here)' })).toBeFocused();
  await pasteHtml(page, '<p>Crime fell by 20 percent. Taxes rose twice.</p>');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Create review' })).toBeFocused();
  await page.keyboard.press('Enter');

  const editor = page.getByRole('textbox', { name: 'Article text', exact: true });
  await editor.focus();
  await page.keyboard.press('Control+Home');
  const selected = (): Promise<string> => page.evaluate(() => window.getSelection()?.toString() ?? '');
  for (let step = 0; step < 8 && !(await selected()).includes('percent'); step++) await page.keyboard.press('Control+Shift+ArrowRight');
  // The editor takes the browser's selection on its next selectionchange task; a person is never faster than that.
  await page.waitForTimeout(150);
  await page.keyboard.press('Control+Alt+m');
  await expect(editor.locator('[data-claim-id]')).toHaveText('Crime fell by 20 percent');
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('radio', { name: 'False', exact: true })).toBeChecked();

  await page.keyboard.press('End');
  for (let step = 0; step < 6 && !(await selected()).includes('Taxes'); step++) await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.waitForTimeout(150);
  await page.keyboard.press('Control+Alt+m');
  await expect(editor.locator('[data-claim-id]')).toHaveCount(2);
  await page.keyboard.press('Alt+1');

  await page.keyboard.press('F8');
  await expect(page.getByRole('heading', { name: 'Claim #1' })).toBeVisible();
  await page.keyboard.press('F8');
  await expect(page.getByRole('heading', { name: 'Claim #2' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'True', exact: true })).toBeChecked();
  await page.keyboard.press('Shift+F8');
  await expect(page.getByRole('heading', { name: 'Claim #1' })).toBeVisible();

  // F6 moves to the claim panel; Tab reaches its fields and the evidence controls.
  await page.keyboard.press('F6');
  await expect(page.getByRole('complementary', { name: 'Claim details' })).toBeFocused();
  const addSource = page.getByLabel('Add a source');
  for (let step = 0; step < 40 && !(await addSource.evaluate((element) => element === document.activeElement)); step++) await page.keyboard.press('Tab');
  await expect(addSource).toBeFocused();
  await page.keyboard.type('https://police.example/annual-report');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Open source 1 in the browser' })).toBeVisible();

  await page.keyboard.press('Control+s');
  await expectSaved(page);
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
});

test('the library, the new review dialog and the review desk have no serious accessibility problems', async ({ page, server }) => {
  await page.goto(server.url);
  await expectNoSeriousA11yProblems(page);
  await page.getByRole('button', { name: 'New review' }).click();
  await expectNoSeriousA11yProblems(page);
  await page.keyboard.press('Escape');
  await createReviewByPaste(page, 'Accessible', '<h2>Heading</h2><p>Prices rose by 8 percent in a year.</p>');
  await page.getByRole('textbox', { name: 'Article text', exact: true }).click();
  await page.keyboard.press('Control+a');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await page.getByRole('radio', { name: 'Mixed' }).check();
  await page.getByLabel('Add a source').fill('https://stats.example/cpi');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expectNoSeriousA11yProblems(page);
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(page.getByRole('row', { name: /Accessible/ })).toContainText('1 Mixed');
  await expectNoSeriousA11yProblems(page);
});
