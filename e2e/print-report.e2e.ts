/** Printing from the review desk (Ctrl+P or the browser's Print) prints the review's report, not the app. */
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';

test('prints the review’s report instead of the desk, and Ctrl+P prints what was just typed', async ({ page, server, outsideRequests }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  // Headless Chromium has no print dialog: keep the report's words at each call instead.
  await page.addInitScript(() => {
    const recorded = window as unknown as { printed: string[] };
    recorded.printed = [];
    window.print = () => {
      recorded.printed.push(document.querySelector('.factmark-print-report')?.shadowRoot?.textContent ?? '');
    };
  });
  await page.goto(server.url);
  await createReviewByPaste(page, 'Mayor speech', '<p>The mayor said crime fell by 20 percent since 2020.</p><p>وقال الوزير إن الأسعار ارتفعت.</p>', 'https://news.example.com/mayor');
  await selectInArticle(page, 'crime fell by 20 percent');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  const panel = page.getByRole('complementary', { name: 'Claim details' });
  await panel.getByRole('radio', { name: 'Misleading', exact: true }).check();
  await panel.getByLabel('Rationale').fill('<script>alert(1)</script> The 2020 figure was a peak.');
  await selectInArticle(page, 'الأسعار ارتفعت');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await expectSaved(page);

  const report = page.locator('.factmark-print-report');
  const title = report.getByRole('heading', { name: 'Fact-check: Mayor speech', level: 1 });
  // On screen the desk shows and the report waits, hidden (it is laid out only when printing starts).
  await expect(report).toBeAttached();
  await expect(report).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Claim tools' })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(title).toBeVisible();
  await expect(report.getByRole('heading', { name: /^Claim 1/ })).toBeVisible();
  await expect(report.getByRole('heading', { name: /^Claim 2/ })).toBeVisible();
  await expect(report.locator('.quote').first()).toContainText('crime fell by 20 percent');
  await expect(report.locator('.quote').nth(1)).toContainText('الأسعار ارتفعت');
  await expect(report.locator('.rationale').first()).toHaveText('<script>alert(1)</script> The 2020 figure was a peak.');
  // The verdict keeps its colour although the app's CSP refuses style attributes.
  await expect(report.locator('.claim .badge').first()).toHaveCSS('background-color', 'rgb(123, 63, 160)');
  await expect(report.locator('mark.hl').first()).toHaveCSS('border-bottom-color', 'rgb(123, 63, 160)');
  // …and loses to the report's own print rules, as a style attribute would: numbers print in black outline.
  await expect(report.locator('.claim-ref').first()).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  await expect(page.getByRole('toolbar', { name: 'Claim tools' })).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Article text', exact: true })).toBeHidden();
  await expect(panel).toBeHidden();
  await expect(report.getByRole('note')).toHaveCount(0);
  // The report's own text arrived as text: nothing in it can run or load.
  expect(await report.evaluate((host) => host.shadowRoot?.querySelectorAll('script, img, iframe, object, embed, [onerror], [onclick]').length)).toBe(0);
  await page.screenshot({ path: test.info().outputPath('desk-printed.png'), fullPage: true });

  // Ctrl+P, straight after typing, saves, makes the report again and only then prints.
  await page.emulateMedia({ media: 'screen' });
  await panel.getByLabel('Rationale').fill('Prices rose 4 percent, not 10.');
  await page.keyboard.press('Control+P');
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: string[] }).printed.length)).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { printed: string[] }).printed[0])).toContain('Prices rose 4 percent, not 10.');
  await expectSaved(page);

  // Printed from the browser's menu before the report could be fetched again, the printout says it may be behind.
  await page.emulateMedia({ media: 'screen' });
  await page.route('**/api/review:export', () => undefined);
  await panel.getByLabel('Rationale').fill('A change the printout has not caught up with.');
  await expectSaved(page);
  await page.emulateMedia({ media: 'print' });
  await expect(report.getByRole('note')).toContainText('may not include the latest changes');
  await expect(report.getByText('Prices rose 4 percent, not 10.')).toBeVisible();

  expect(consoleErrors).toEqual([]);
  expect(outsideRequests).toEqual([]);
});
