/** Library housekeeping: sort and filter the reviews, the Trash (restore, undo, empty), article details edited from the list. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, reviewWithClaims } from './support/library-api';
import { expect, test } from './support/fixtures';
import { expectNoSidewaysScroll } from './support/layout';

const titlesShown = (page: Page) => page.locator('.review-table tbody .review-open');
const listControls = (page: Page) => page.getByRole('group', { name: 'Sort and filter the reviews' });

/** Three reviews: Budget (2 claims, one False, tag economy), Weather (1 claim True, tag climate), Arts (3 claims, one Mostly false, tag economy). */
async function threeReviews(page: Page): Promise<void> {
  await reviewWithClaims(page, 'Budget', 'The minister said unemployment fell by 20 percent. Taxes rose.', [
    { quote: 'unemployment fell by 20 percent', verdict: 'False', tags: ['economy'] },
    { quote: 'Taxes rose', verdict: 'True' },
  ]);
  await reviewWithClaims(page, 'Weather', 'It was the hottest summer on record.', [{ quote: 'hottest summer on record', verdict: 'True', tags: ['climate'] }]);
  await reviewWithClaims(page, 'Arts', 'The museum had a million visitors. Tickets are free. The opera closed.', [
    { quote: 'a million visitors', verdict: 'Mostly true', tags: ['economy'] },
    { quote: 'Tickets are free', verdict: 'Mostly true' },
    { quote: 'The opera closed', verdict: 'Mixed' },
  ]);
}

test('sorts the reviews and filters them by tag and words, and remembers both for the session', async ({ page, server }) => {
  await page.goto(server.url);
  await threeReviews(page);
  await page.reload();
  await expect(titlesShown(page)).toHaveText(['Arts', 'Weather', 'Budget']);
  const sort = listControls(page).getByLabel('Sort by');
  await sort.selectOption({ label: 'Title A–Z' });
  await expect(titlesShown(page)).toHaveText(['Arts', 'Budget', 'Weather']);
  await sort.selectOption({ label: 'Most claims' });
  await expect(titlesShown(page)).toHaveText(['Arts', 'Budget', 'Weather']);
  await sort.selectOption({ label: 'Most false verdicts' });
  await expect(titlesShown(page).first()).toHaveText('Budget');
  await sort.selectOption({ label: 'Newest first' });
  await expect(titlesShown(page)).toHaveText(['Arts', 'Weather', 'Budget']);

  await listControls(page).getByLabel('Tag').selectOption('economy');
  await expect(titlesShown(page)).toHaveText(['Arts', 'Budget']);
  await listControls(page).getByLabel('Filter').fill('bud');
  await expect(titlesShown(page)).toHaveText(['Budget']);
  await listControls(page).getByLabel('Filter').fill('nothing like it');
  await expect(page.getByText('No review matches these filters.')).toBeVisible();
  await listControls(page).getByLabel('Filter').fill('');

  await page.getByRole('button', { name: 'Budget', exact: true }).click();
  await expect(page.locator('.desk-title h1')).toHaveText('Budget');
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(listControls(page).getByLabel('Tag')).toHaveValue('economy');
  await expect(listControls(page).getByLabel('Sort by')).toHaveValue('created');
  await expect(titlesShown(page)).toHaveText(['Arts', 'Budget']);
});

test('a deleted review goes to the Trash and comes back with its claims, by Undo or Restore', async ({ page, server }, testInfo) => {
  await page.goto(server.url);
  const { id } = await reviewWithClaims(page, 'River length', 'The river is 300 km long. It floods every year.', [
    { quote: 'The river is 300 km long', verdict: 'False', summary: 'The river is 300 km long' },
    { quote: 'It floods every year', verdict: 'True' },
  ]);
  await page.reload();
  await page.getByRole('button', { name: 'Delete River length' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this review?' });
  await expect(confirm).toContainText('It goes to the Trash');
  await confirm.getByRole('button', { name: 'Delete review' }).click();
  await expect(page.getByRole('status').filter({ hasText: '“River length” was moved to the Trash.' })).toBeVisible();
  await expect(page.getByText('No reviews yet')).toBeVisible();

  // Undo puts it straight back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('“River length” is back in the library.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'River length', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Trash (0)' })).toBeVisible();

  // Deleted again, it waits in the Trash until restored from there.
  await page.getByRole('button', { name: 'Delete River length' }).click();
  await page.getByRole('dialog', { name: 'Delete this review?' }).getByRole('button', { name: 'Delete review' }).click();
  await page.getByRole('button', { name: 'Trash (1)' }).click();
  await expect(page.getByRole('button', { name: 'Trash (1)' })).toHaveAttribute('aria-current', 'page');
  const trash = page.getByRole('region', { name: 'Trash' });
  await expect(trash.getByRole('row')).toHaveCount(2);
  await expect(trash.getByRole('row').nth(1)).toContainText('River length');
  await expect(trash.getByRole('row').nth(1)).toContainText('2 in all');
  await page.screenshot({ path: testInfo.outputPath('trash-1280.png') });
  await page.setViewportSize({ width: 320, height: 700 });
  await expectNoSidewaysScroll(page, 'in the Trash at 320 px');
  await page.screenshot({ path: testInfo.outputPath('trash-320.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await trash.getByRole('button', { name: 'Restore River length' }).click();
  await expect(page.getByText('“River length” is back in the library.')).toBeVisible();
  await page.getByRole('button', { name: 'Open it' }).click();
  await expect(page).toHaveURL(new RegExp(`#/review/${id}$`));
  await expect(page.locator('.desk-title h1')).toHaveText('River length');
  await expect(page.getByRole('listbox', { name: 'Claims' }).getByRole('option')).toHaveCount(2);
  await expect(page.getByRole('listbox', { name: 'Claims' }).getByRole('option').first()).toContainText('The river is 300 km long');
});

test('empties the Trash only after asking, removing its files for good', async ({ page, server }) => {
  await page.goto(server.url);
  await reviewWithClaims(page, 'First', 'Alpha beta gamma.', [{ quote: 'Alpha beta', verdict: 'True' }]);
  await reviewWithClaims(page, 'Second', 'Delta epsilon.', [{ quote: 'Delta', verdict: 'False' }]);
  await callApi(page, 'review:create', { title: 'Kept', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: 'Zeta eta.' } });
  await page.reload();
  for (const title of ['First', 'Second']) {
    await page.getByRole('button', { name: `Delete ${title}` }).click();
    await page.getByRole('dialog', { name: 'Delete this review?' }).getByRole('button', { name: 'Delete review' }).click();
    await expect(page.getByRole('button', { name: title, exact: true })).toHaveCount(0);
  }
  expect(await readdir(join(server.dataDir, 'trash'))).toHaveLength(2);
  await page.getByRole('button', { name: 'Trash (2)' }).click();
  await page.getByRole('button', { name: 'Empty Trash…' }).click();
  const ask = page.getByRole('dialog', { name: 'Empty the Trash?' });
  await expect(ask).toContainText('removed for good');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('region', { name: 'Trash' }).getByRole('row')).toHaveCount(3);
  expect(await readdir(join(server.dataDir, 'trash'))).toHaveLength(2);

  await page.getByRole('button', { name: 'Empty Trash…' }).click();
  await page.getByRole('dialog', { name: 'Empty the Trash?' }).getByRole('button', { name: 'Empty Trash' }).click();
  await expect(page.getByText('The Trash was emptied.').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Trash (0)' })).toBeVisible();
  expect(await readdir(join(server.dataDir, 'trash'))).toEqual([]);
  // Only the kept review's imported article is left.
  expect(await readdir(join(server.dataDir, 'originals'))).toHaveLength(1);
  await page.getByRole('button', { name: 'Reviews', exact: true }).click();
  await expect(titlesShown(page)).toHaveText(['Kept']);
});

test('edits an article’s details from the library row', async ({ page, server }, testInfo) => {
  await page.goto(server.url);
  await reviewWithClaims(page, 'Port dredging', 'The port will be dredged next year.', [{ quote: 'dredged next year', verdict: 'Mixed' }]);
  await page.reload();
  await page.getByRole('button', { name: 'Article details of Port dredging' }).click();
  const dialog = page.getByRole('dialog', { name: 'The article checked' });
  await dialog.getByLabel('Outlet').fill('Harbour Gazette');
  await dialog.getByLabel('Author').fill('Ana Lima');
  await dialog.getByLabel('Publication date').fill('2026-03-14');
  await dialog.getByLabel('Address of the article').fill('https://gazette.example/port');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.review-outlet')).toHaveText('Harbour Gazette');
  await expect(page.getByText('https://gazette.example/port')).toBeVisible();
  await listControls(page).getByLabel('Filter').fill('gazette');
  await expect(titlesShown(page)).toHaveText(['Port dredging']);
  await page.screenshot({ path: testInfo.outputPath('library-1280.png') });

  await page.getByRole('button', { name: 'Port dredging', exact: true }).click();
  await expect(page.locator('.article-line')).toContainText('Harbour Gazette');
  await expect(page.locator('.article-line')).toContainText('Ana Lima');
});
