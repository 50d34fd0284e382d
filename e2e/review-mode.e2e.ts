/** A review opens in review mode: stray keys never change the article; editing its words is deliberate, shown, flagged and comparable. */
import { claimIdsOn, createReviewByPaste, expect, expectSaved, pasteHtml, selectInArticle, test } from './support/fixtures';

const ARTICLE = '<p>Officials in Israel said the talks would resume on Monday.</p><p>The ministry said exports rose by 8 percent.</p>';

test('stray typing, pasting and deleting leave the article as imported; Edit text changes it on purpose, flags the claim and shows every change', async ({ page, server }) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Talks', ARTICLE);
  const editor = page.getByRole('textbox', { name: 'Article text', exact: true });
  await expect(editor).toHaveAttribute('aria-readonly', 'true');
  await selectInArticle(page, 'the talks would resume');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await expectSaved(page);

  // A stray click and keys: nothing changes, nothing is saved, the reviewer is told how to edit.
  await editor.getByText('Israel').click();
  await page.keyboard.type('XYZ ');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await pasteHtml(page, '<p>pasted</p>', 'pasted');
  await selectInArticle(page, 'the talks would resume');
  await page.keyboard.press('Delete');
  await expect(editor).toHaveText('Officials in Israel said the talks would resume on Monday.The ministry said exports rose by 8 percent.');
  await expect(page.getByRole('status').filter({ hasText: 'review mode' })).toContainText('press Edit text (Ctrl+Alt+E)');
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved/);
  expect(await claimIdsOn(page, 'the talks would resume')).toHaveLength(1);

  // Edit text on purpose: a banner says so; a word inside the claim is changed.
  await page.keyboard.press('Control+Alt+e');
  await expect(page.getByRole('button', { name: 'Done editing' }).first()).toBeVisible();
  await expect(editor).toHaveAttribute('aria-readonly', 'false');
  await expect(page.getByRole('status').filter({ hasText: 'Editing the article’s words' })).toBeVisible();
  await selectInArticle(page, 'resume');
  await page.keyboard.type('restart');
  await expect(editor).toContainText('the talks would restart on Monday');
  await page.getByRole('button', { name: 'Done editing' }).first().click();
  await expect(editor).toHaveAttribute('aria-readonly', 'true');

  // The claim on changed words is flagged, with its words as they were.
  const attention = page.getByRole('region', { name: 'Needs attention', exact: true });
  await expect(attention).toContainText('Words edited: check');
  await attention.getByRole('button', { name: /the talks would/ }).click();
  const panel = page.getByRole('complementary', { name: 'Claim details' });
  await expect(panel).toContainText('The words were edited');
  await expect(panel).toContainText('they were: “the talks would resume”');

  // Every change since import, listed.
  await page.getByRole('button', { name: 'Compare with original' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare with original' });
  await expect(compare).toContainText('1 change since the article was imported.');
  const change = compare.getByRole('listitem');
  await expect(change).toHaveCount(1);
  await expect(change.locator('del')).toHaveText('removed: resume');
  await expect(change.locator('ins')).toHaveText('added: restart');
  await compare.getByRole('button', { name: 'Close' }).click();

  await expectSaved(page);
  await page.reload();
  await expect(editor).toContainText('the talks would restart on Monday');
  await expect(page.getByRole('region', { name: 'Needs attention', exact: true })).toContainText('Words edited: check');
});
