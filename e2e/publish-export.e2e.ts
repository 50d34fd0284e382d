/**
 * A fact-check a newsroom can publish as it comes out: the checked article's details set on the
 * desk and printed in the report, unfinished claims stopping a report to publish (each a click
 * from its claim) or marked Draft in a draft, and nothing internal in what is published.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';

const ARTICLE = '<p>The minister said unemployment fell by 20 percent last year.</p><p>Crime rose 5 percent in the city, police said.</p>';

async function exportHtml(page: Page, mode: 'publish' | 'draft'): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Export review' });
  await dialog.getByRole('radio', { name: /HTML report/ }).check();
  await dialog.getByRole('radio', { name: mode === 'draft' ? /A draft/ : /To publish/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: mode === 'draft' ? 'Export draft' : 'Export', exact: true }).click()]);
  return readFile(await download.path(), 'utf8');
}

test('article details reach the report; an unfinished claim stops a report to publish, is a click away, and is marked Draft in a draft', async ({ page, server }) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Jobs figures', ARTICLE);

  // The article's details, set on the desk.
  await page.getByRole('button', { name: 'Add article details' }).click();
  const details = page.getByRole('dialog', { name: 'The article checked' });
  await details.getByLabel('Outlet').fill('City Daily');
  await details.getByLabel('Author').fill('Lena Ortiz');
  await details.getByLabel('Publication date').fill('2026-03-14');
  await details.getByLabel('Address of the article').fill('javascript:alert(1)');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByRole('alert')).toContainText('Address of the article');
  await details.getByLabel('Address of the article').fill('https://citydaily.example/jobs');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  const line = page.locator('.article-line');
  await expect(line).toContainText('City Daily');
  await expect(line).toContainText('By Lena Ortiz');
  await expect(line).toContainText('https://citydaily.example/jobs');

  await selectInArticle(page, 'unemployment fell by 20 percent');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  const panel = page.getByRole('complementary', { name: 'Claim details' });
  await panel.getByRole('radio', { name: 'False', exact: true }).check();
  await selectInArticle(page, 'Crime rose 5 percent');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await panel.getByRole('radio', { name: 'True', exact: true }).check();
  await panel.getByLabel('Rationale').fill('Police figures show a 5 percent rise.');
  await panel.getByLabel('Status').selectOption({ label: 'Reviewed' });
  await expectSaved(page);

  // A report to publish is refused while claim 1 is unfinished, with what it needs.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export review' });
  await dialog.getByLabel('Organisation', { exact: true }).fill('Check Desk');
  await dialog.getByRole('checkbox', { name: /signed it off/ }).uncheck();
  const readiness = dialog.locator('.export-warning');
  await expect(readiness).toContainText('2 claims are not ready to publish');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('not ready to publish');
  // The sign-off rule was turned off on the way: claim 2 is ready now, claim 1 is not.
  await expect(readiness).toContainText('1 claim is not ready to publish');
  await expect(readiness).toContainText(/rationale/i);

  // The list leads to the claim.
  await readiness.getByRole('button', { name: 'Claim #1' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('heading', { name: 'Claim #1' })).toBeVisible();

  // A draft is made, marked, with claim 1 marked Draft and the article's details.
  await page.getByRole('button', { name: 'Export…' }).click();
  const draft = await exportHtml(page, 'draft');
  expect(draft).toMatch(/Draft/);
  expect(draft).toContain('City Daily');
  expect(draft).toContain('Lena Ortiz');
  expect(draft).toContain('https://citydaily.example/jobs');

  // Finished, it publishes: no status, no tags, no "no rationale" in the published page.
  await panel.getByLabel('Rationale').fill('The statistics office reports a 2 percent fall.');
  await panel.getByLabel('Status').selectOption({ label: 'Reviewed' });
  await expectSaved(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.locator('.export-ready')).toContainText('ready to publish');
  const published = await exportHtml(page, 'publish');
  expect(published).toContain('City Daily');
  expect(published).toContain('Check Desk');
  expect(published).not.toMatch(/Status|To check|Reviewed<\/dd>|No rationale/);
  expect(published).not.toMatch(/>Draft</);
});
