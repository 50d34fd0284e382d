/** A claim keeps its number, and so its published link, whatever is marked around it; a summary says what was checked. */
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';

const ARTICLE = '<p>The minister said the airport opened last spring.</p><p>It now handles two cargo flights a day, roughly the size of the old base.</p>';

test('a claim keeps its number when another is marked before it; the count says how many a filter shows; the summary has a counter', async ({ page, server }) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Cargo flights', ARTICLE);
  await selectInArticle(page, 'two cargo flights a day');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  const details = page.getByRole('complementary', { name: 'Claim details' });
  await expect(details.getByRole('heading', { name: 'Claim #1' })).toBeVisible();
  await details.getByRole('radio', { name: 'False', exact: true }).check();
  const summary = details.getByLabel('Claim summary');
  await summary.fill('The airport handles two cargo flights a day');
  await expect(details.getByText('43 of 75 characters')).toBeVisible();
  await summary.fill('The new airport handles two cargo flights every single day, the minister said on television');
  await expect(details.getByText(/characters: search results may cut it after 75/)).toBeVisible();

  await selectInArticle(page, 'the airport opened last spring');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await expect(details.getByRole('heading', { name: 'Claim #2' })).toBeVisible();
  const list = page.getByRole('navigation', { name: 'Claims' });
  // In article order, each with its own number: the earlier words hold claim 2.
  await expect(list.locator('.claim-number')).toHaveText(['#2', '#1']);
  await list.getByLabel('Filter by verdict').selectOption({ label: 'False' });
  await expect(list.locator('.pane-title .count')).toHaveText('1 of 2');
  await expectSaved(page);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Claims' }).locator('.claim-number')).toHaveText(['#2', '#1']);
});
