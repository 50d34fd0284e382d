/** All claims: every claim of the library in one table, sorted, filtered, exported and opened at a claim; narrow windows and Arabic. */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { callApi, reviewWithClaims } from './support/library-api';
import { expect, test } from './support/fixtures';
import { expectNoSidewaysScroll } from './support/layout';

/** Three reviews made a moment apart, with claims of several verdicts, statuses, claimants and tags (one in Arabic). */
async function library(page: Page): Promise<{ budget: { id: string; claimIds: string[] } }> {
  const budget = await reviewWithClaims(page, 'Budget', 'The minister said unemployment fell by 20 percent. Taxes rose. Crime doubled.', [
    { quote: 'unemployment fell by 20 percent', summary: 'Unemployment fell 20%', verdict: 'False', status: 'reviewed', claimant: 'Minister Ana', tags: ['economy'] },
    { quote: 'Taxes rose', verdict: 'True', status: 'in-progress', claimant: 'Mayor Bo', tags: ['tax'] },
    { quote: 'Crime doubled', claimant: 'Mayor Bo' },
  ]);
  await reviewWithClaims(page, 'الأسعار', 'قال الوزير إن الأسعار ارتفعت بنسبة خمسة في المئة.', [{ quote: 'الأسعار ارتفعت', verdict: 'Mostly true', claimant: 'وزير المالية', tags: ['اقتصاد'] }]);
  await reviewWithClaims(page, 'Weather', 'It was the hottest summer on record.', [{ quote: 'hottest summer on record', verdict: 'Mixed', status: 'reviewed', claimant: 'Minister Ana', tags: ['economy', 'climate'] }]);
  return { budget };
}

const claimCells = (page: Page) => page.locator('.claims-table tbody .claim-open');
const verdictCells = (page: Page) => page.locator('.claims-table tbody td:nth-child(2)');

test('lists every claim, sorts by verdict and by date, filters, exports what is shown, and opens a claim in its review', async ({ page, server }, testInfo) => {
  await page.goto(server.url);
  const { budget } = await library(page);
  await page.reload();
  await page.getByRole('button', { name: 'All claims' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Claims 1–5 of 5' })).toBeVisible();
  // Newest review first at the start.
  await expect(claimCells(page).first()).toHaveText('hottest summer on record');

  const verdictHeader = page.getByRole('columnheader', { name: 'Verdict' });
  await verdictHeader.getByRole('button').click();
  await expect(verdictHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(verdictCells(page)).toHaveText(['True', 'Mostly true', 'Mixed', 'False', 'No verdict']);
  await verdictHeader.getByRole('button').click();
  await expect(verdictHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(verdictCells(page)).toHaveText(['No verdict', 'False', 'Mixed', 'Mostly true', 'True']);
  await expect(page.getByRole('columnheader', { name: 'Date' })).toHaveAttribute('aria-sort', 'none');

  const dateHeader = page.getByRole('columnheader', { name: 'Date' });
  await dateHeader.getByRole('button').click();
  await expect(dateHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(claimCells(page)).toHaveText(['Unemployment fell 20%', 'Taxes rose', 'Crime doubled', 'الأسعار ارتفعت', 'hottest summer on record']);
  await dateHeader.getByRole('button').click();
  await expect(claimCells(page).first()).toHaveText('hottest summer on record');
  await page.screenshot({ path: testInfo.outputPath('all-claims-1280.png') });

  const filters = page.getByRole('group', { name: 'Filter the claims' });
  await filters.getByLabel('Tags').selectOption('economy');
  await expect(claimCells(page)).toHaveText(['hottest summer on record', 'Unemployment fell 20%']);
  await filters.getByLabel('Claimant').fill('minister');
  await filters.getByLabel('Status').selectOption({ label: 'Reviewed' });
  await filters.getByLabel('Verdict').selectOption('False');
  await expect(claimCells(page)).toHaveText(['Unemployment fell 20%']);
  await filters.getByLabel('Verdict').selectOption('');
  await filters.getByLabel('Tags').selectOption('');
  await filters.getByLabel('Status').selectOption('');
  await filters.getByLabel('Claimant').fill('Mayor');
  await filters.getByLabel('Words').fill('rose');
  await expect(claimCells(page)).toHaveText(['Taxes rose']);
  await filters.getByLabel('Words').fill('');
  await expect(claimCells(page)).toHaveText(['Taxes rose', 'Crime doubled']);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('factmark-claims.csv');
  const csv = await readFile((await download.path()) as string, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
  expect(rows.map((row) => ({ review: row.review_title, quote: row.quote, verdict: row.verdict, claimant: row.claimant }))).toEqual([
    { review: 'Budget', quote: 'Taxes rose', verdict: 'True', claimant: 'Mayor Bo' },
    { review: 'Budget', quote: 'Crime doubled', verdict: '', claimant: 'Mayor Bo' },
  ]);
  expect(rows.every((row) => row.review_id === budget.id)).toBe(true);

  // Choosing a claim opens its review with that claim selected.
  await claimCells(page).filter({ hasText: 'Crime doubled' }).click();
  await expect(page).toHaveURL(new RegExp(`#/review/${budget.id}/claim/${budget.claimIds[2]}$`));
  await expect(page.locator('.desk-title h1')).toHaveText('Budget');
  await expect(page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { selected: true })).toContainText('Crime doubled');
  await expect(page.getByRole('complementary', { name: 'Claim details' })).toContainText('Crime doubled');
  // Back in the library, the view and its filters are as they were left.
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(page.getByRole('button', { name: 'All claims' })).toHaveAttribute('aria-current', 'page');
  await expect(claimCells(page)).toHaveText(['Taxes rose', 'Crime doubled']);
});

test('shows a long library a page at a time', async ({ page, server }) => {
  await page.goto(server.url);
  const sentences = Array.from({ length: 230 }, (_, index) => `Claim number ${index + 1} is here.`);
  await reviewWithClaims(
    page,
    'Long one',
    sentences.join(' '),
    sentences.map((_, index) => ({ quote: `Claim number ${index + 1} is`, verdict: index % 2 ? 'True' : 'False' })),
  );
  await page.reload();
  await page.getByRole('button', { name: 'All claims' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Claims 1–200 of 230' })).toBeVisible();
  await expect(claimCells(page)).toHaveCount(200);
  await expect(page.getByText('Page 1 of 2')).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(claimCells(page)).toHaveCount(30);
  await expect(page.getByRole('status').filter({ hasText: 'Claims 201–230 of 230' })).toBeVisible();
  await page.getByRole('columnheader', { name: 'Verdict' }).getByRole('button').click();
  // A new order starts again at the first page.
  await expect(page.getByText('Page 1 of 2')).toBeVisible();
  await expect(verdictCells(page).first()).toHaveText('True');
});

test('fits a 320 px window: the page never scrolls sideways, the table scrolls in its own box', async ({ page, server }, testInfo) => {
  await page.goto(server.url);
  await library(page);
  await page.setViewportSize({ width: 320, height: 720 });
  await page.reload();
  await expectNoSidewaysScroll(page, 'in the library at 320 px');
  await page.screenshot({ path: testInfo.outputPath('library-320.png'), fullPage: true });
  await page.getByRole('button', { name: 'All claims' }).click();
  await expect(claimCells(page)).toHaveCount(5);
  await expectNoSidewaysScroll(page, 'in All claims at 320 px');
  const box = page.getByRole('region', { name: 'Claims of every review' });
  const widths = await box.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth, right: element.getBoundingClientRect().right }));
  expect(widths.scroll).toBeGreaterThan(widths.client);
  expect(widths.right).toBeLessThanOrEqual(320);
  await page.screenshot({ path: testInfo.outputPath('all-claims-320.png'), fullPage: true });
});

test('reads in Arabic, right to left', async ({ page, server }, testInfo) => {
  await page.goto(server.url);
  await library(page);
  await callApi(page, 'settings:setLanguage', { language: 'ar' });
  await page.reload();
  await page.getByRole('button', { name: 'كل الادعاءات' }).click();
  await expect(page.getByRole('heading', { name: 'كل الادعاءات' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await expect(page.getByRole('status').filter({ hasText: 'الادعاءات 1–5 من 5' })).toBeVisible();
  await page.getByRole('columnheader', { name: 'الحكم' }).getByRole('button').click();
  await expect(verdictCells(page).first()).toHaveText('صحيح');
  await expect(page.getByRole('columnheader', { name: 'الحكم' })).toHaveAttribute('aria-sort', 'ascending');
  await page.screenshot({ path: testInfo.outputPath('all-claims-ar-1280.png') });
  await page.setViewportSize({ width: 320, height: 720 });
  await expectNoSidewaysScroll(page, 'in All claims in Arabic at 320 px');
  await page.screenshot({ path: testInfo.outputPath('all-claims-ar-320.png'), fullPage: true });
  await page.getByRole('button', { name: /^سلة المهملات/ }).click();
  await expect(page.getByText('سلة المهملات فارغة.')).toBeVisible();
});
