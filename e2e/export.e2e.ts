/** Exporting a review from the desk: every format downloads, with the reviewer's work in it. */
import { readFile } from 'node:fs/promises';
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';

test('exports the open review as an HTML report, CSV and PDF, naming the publisher', async ({ page, server, outsideRequests }) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Mayor speech', '<p>The mayor said crime fell by 20 percent since 2020.</p><p>وقال الوزير إن الأسعار ارتفعت.</p>');
  await selectInArticle(page, 'crime fell by 20 percent');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await page.getByRole('radio', { name: 'Misleading', exact: true }).check();
  await page.getByLabel('Rationale').fill('<script>alert(1)</script> The 2020 figure was a peak.');
  await selectInArticle(page, 'الأسعار ارتفعت');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await expectSaved(page);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export review' });
  await dialog.getByLabel('Your name (as reviewer)').fill('Sam Checker');
  await dialog.getByLabel('Organisation', { exact: true }).fill('City Desk');
  await dialog.getByRole('radio', { name: /HTML report/ }).check();
  // Claims without a rationale or a sign-off are not ready to publish: this export is a draft.
  await dialog.getByRole('radio', { name: /A draft/ }).check();
  const [htmlDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export draft' }).click()]);
  expect(htmlDownload.suggestedFilename()).toBe('Mayor-speech-draft.html');
  const html = await readFile(await htmlDownload.path(), 'utf8');
  expect(html).toMatch(/Reviewed by (<bdi>)?Sam Checker/);
  expect(html).toContain('City Desk');
  expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  expect(html).toContain('>Misleading</span>');
  expect(html).toContain('الأسعار ارتفعت');
  await expect(page.getByRole('status').filter({ hasText: 'Exported Mayor-speech-draft.html' })).toBeVisible();

  // One reviewer identity: the name given here is the one Preferences shows.
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByLabel('Your name (as reviewer)')).toHaveValue('Sam Checker');
  await dialog.getByRole('radio', { name: /CSV/ }).check();
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const csv = await readFile(await csvDownload.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('crime fell by 20 percent,');
  expect(csv).toContain('Sam Checker');

  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('radio', { name: /PDF report/ }).check();
  await dialog.getByRole('radio', { name: /A draft/ }).check();
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export draft' }).click()]);
  expect(pdfDownload.suggestedFilename()).toBe('Mayor-speech-draft.pdf');
  expect((await readFile(await pdfDownload.path())).subarray(0, 5).toString()).toBe('%PDF-');
  expect(outsideRequests).toEqual([]);
});
