/** Printing from the review desk (Ctrl+P or the browser's Print) prints the review's report, not the app. */
import type { Page } from '@playwright/test';
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';
import { callApi, reviewWithClaims } from './support/library-api';

/** Headless Chromium has no print dialog: keeps the printed report's words at each call instead, in `window.printed`. */
async function recordPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const recorded = window as unknown as { printed: string[] };
    recorded.printed = [];
    window.print = () => {
      recorded.printed.push(document.querySelector('.factmark-print-report')?.shadowRoot?.textContent ?? '');
    };
  });
}

test('prints the review’s report instead of the desk, and Ctrl+P prints what was just typed', async ({ page, server, outsideRequests }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await recordPrints(page);
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

test('a very long review makes its report only when Ctrl+P asks, and a print from the browser’s menu says so', async ({ page, server, outsideRequests }) => {
  // 1,501 claims to make, a report of them to make and lay out, twice: minutes on a busy machine.
  test.setTimeout(180_000);
  const exports: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/review:export')) exports.push(request.url());
  });
  await recordPrints(page);
  await page.goto(server.url);
  // More claims than PRINT_ON_REQUEST_CLAIMS (1,500), each on its own sentence.
  const count = 1_501;
  const sentences = Array.from({ length: count }, (_, index) => `Speaker ${index + 1} said the rate was ${index + 1} percent.`);
  const { id } = await reviewWithClaims(
    page,
    'Long hearing',
    sentences.join(' '),
    sentences.map((_, index) => ({ quote: `the rate was ${index + 1} percent`, verdict: index % 2 === 0 ? 'False' : 'Mostly true' })),
  );
  await page.goto(`${server.url}#/review/${id}`);
  await expect(page.getByRole('listbox', { name: 'Claims' })).toHaveAttribute('data-claim-count', String(count));
  // Past the moment a shorter review's copy is fetched (once the window is idle, within 3 s): nothing was asked for.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5_000 })));
  await callApi(page, 'app:status', {});
  expect(exports).toEqual([]);

  // The browser's Print before Ctrl+P: the printout says why the report is not in it and what to do.
  const report = page.locator('.factmark-print-report');
  await page.emulateMedia({ media: 'print' });
  await expect(report.getByRole('note')).toHaveText(/only when you print with Ctrl\+P.*press Ctrl\+P in Factmark to print the report\./);
  await expect(report.getByRole('heading', { name: 'Fact-check: Long hearing' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('long-review-menu-print.png') });
  expect(exports).toEqual([]);

  // Ctrl+P makes the report and prints it, every claim in it.
  await page.emulateMedia({ media: 'screen' });
  await page.keyboard.press('Control+P');
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: string[] }).printed.length), { timeout: 60_000 }).toBe(1);
  const printed = await page.evaluate(() => (window as unknown as { printed: string[] }).printed[0] ?? '');
  expect(printed).toContain('Fact-check: Long hearing');
  expect(printed).toContain(`the rate was ${count} percent`);
  expect(printed).not.toContain('press Ctrl+P in Factmark');
  const asked = exports.length;
  expect(asked).toBeGreaterThan(0);

  // A change after it is not fetched behind the reviewer's back: the browser's Print shows the copy it has, marked as maybe behind.
  await page.getByRole('listbox', { name: 'Claims' }).getByRole('option').first().click();
  await page.getByRole('complementary', { name: 'Claim details' }).getByLabel('Rationale').fill('The rate was revised.');
  await expectSaved(page);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2_000))); // longer than the refresh delay after a save
  await page.emulateMedia({ media: 'print' });
  await expect(report.getByRole('note')).toContainText('may not include the latest changes');
  await expect(report.getByRole('heading', { name: 'Fact-check: Long hearing' })).toBeVisible();
  expect(exports).toHaveLength(asked);

  // In Arabic the note reads right to left, in the interface's language.
  await page.emulateMedia({ media: 'screen' });
  await callApi(page, 'settings:setLanguage', { language: 'ar' });
  await page.reload();
  await expect(page.getByRole('listbox').first()).toHaveAttribute('data-claim-count', String(count));
  await page.emulateMedia({ media: 'print' });
  await expect(report.getByRole('note')).toHaveAttribute('dir', 'rtl');
  await expect(report.getByRole('note')).toHaveAttribute('lang', 'ar');
  await expect(report.getByRole('note')).toContainText('Ctrl+P');
  await page.screenshot({ path: test.info().outputPath('long-review-menu-print-ar.png') });
  expect(outsideRequests).toEqual([]);
});
