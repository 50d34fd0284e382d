/**
 * Searching the library (#13): from the library's field or Ctrl+K anywhere, results as the
 * reviewer types with the matched words marked, Arabic found whatever its prefix and diacritics,
 * filters, and Enter opening the review with the claim selected.
 */
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expectNoSeriousA11yProblems } from './support/a11y';
import { expect, test } from './support/fixtures';
import { callApi, reviewWithClaims } from './support/library-api';
import { expectDialogContentFits, expectNoSidewaysScroll } from './support/layout';

function shot(testInfo: TestInfo, name: string): string {
  return join(testInfo.project.outputDir, `search-${name}.png`);
}

/** The library of a newsroom: English and Arabic reviews, claims with verdicts, rationales, tags. */
async function newsroomLibrary(page: Page): Promise<{ jobs: string; jobsClaims: string[]; arabic: string }> {
  const jobs = await reviewWithClaims(page, 'Jobs speech, March', 'In a speech on Monday the minister said unemployment fell by 20 percent last year.\n\nHe added that wages rose 8 percent.', [
    {
      quote: 'unemployment fell by 20 percent last year',
      verdict: 'False',
      rationale: 'ONS figures show joblessness fell by 2 percent, not 20.',
      claimant: 'The minister',
      tags: ['economy'],
      evidenceUrls: ['https://ons.example/labour'],
    },
    { quote: 'wages rose 8 percent', verdict: 'Mostly true', rationale: 'Nominal wages rose 7.6 percent.', claimant: 'The minister', tags: ['economy'] },
  ]);
  await reviewWithClaims(page, 'Mayor on unemployment', 'The mayor said unemployment in the city is the lowest in a decade.', [
    { quote: 'unemployment in the city is the lowest in a decade', verdict: 'True', rationale: 'City statistics confirm it.', claimant: 'The mayor', tags: ['city'] },
  ]);
  const arabic = await reviewWithClaims(page, 'زيارة وزير الخارجية', 'قال الوزير إنّ صادراتِ النفط وَأَذْرَبِيجَانَ ارتفعت بنسبة ثلاثين بالمئة هذا العام.\n\nوأضاف أن الاتفاق سيوقع قريبًا.', [
    { quote: 'صادراتِ النفط وَأَذْرَبِيجَانَ ارتفعت بنسبة ثلاثين بالمئة', verdict: 'Mixed', rationale: 'الأرقام الرسمية تظهر ارتفاعًا أقل.', claimant: 'وزير الخارجية' },
  ]);
  return { jobs: jobs.id, jobsClaims: jobs.claimIds, arabic: arabic.id };
}

test('a reviewer finds a rationale, an Arabic word with another prefix and no diacritics, filters by verdict, and opens the review at the claim', async ({
  page,
  server,
  outsideRequests,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(server.url);
  const { jobs, jobsClaims } = await newsroomLibrary(page);
  await page.reload();

  // Typing in the library's field opens the search with those words; results come as one types.
  await page.getByRole('searchbox', { name: 'Search all reviews' }).pressSequentially('jobless');
  const dialog = page.getByRole('dialog', { name: 'Search all reviews' });
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('combobox', { name: 'Search all reviews' });
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('jobless');
  await box.pressSequentially('ness');
  const results = dialog.getByRole('listbox', { name: 'Results' });
  await expect(dialog.getByRole('status')).toHaveText('1 result');
  const hit = results.getByRole('option');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('Jobs speech, March');
  await expect(hit).toContainText('Claim #1');
  await expect(hit).toContainText('False');
  await expect(hit).toContainText('Found in: rationale');
  await expect(hit.locator('mark')).toHaveText(['joblessness']);
  await page.screenshot({ path: shot(testInfo, 'english-1280') });

  // Arabic typed with another prefix (ل) and no diacritics finds the word the article writes وَأَذْرَبِيجَانَ.
  await box.fill('لأذربيجان');
  await expect(results.getByRole('option').first()).toContainText('زيارة وزير الخارجية');
  await expect(results.getByRole('option').first().locator('mark').first()).toHaveText('وَأَذْرَبِيجَانَ');
  await expect(results.getByRole('option').first().locator('.search-snippet')).toHaveAttribute('dir', 'auto');
  await page.screenshot({ path: shot(testInfo, 'arabic-1280') });

  // Two reviews speak of unemployment; the verdict filter keeps the one rated False.
  await box.fill('unemployment');
  await expect(dialog.getByRole('status')).toHaveText(/^[2-9] results$/);
  await dialog.getByText('Filters', { exact: true }).click();
  // Any of the verdicts ticked: True or False finds both, False alone the one.
  const verdictFilter = dialog.getByRole('group', { name: 'Verdict' });
  await verdictFilter.getByRole('checkbox', { name: 'True', exact: true }).check();
  await verdictFilter.getByRole('checkbox', { name: 'False', exact: true }).check();
  await expect(dialog.getByText('Filters (1 on)')).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('2 results');
  await expect(results.getByRole('option')).toHaveCount(2);
  await expect(results.getByRole('option').filter({ hasText: 'Mayor on unemployment' })).toHaveCount(1);
  await page.screenshot({ path: shot(testInfo, 'verdict-filter-1280') });
  await verdictFilter.getByRole('checkbox', { name: 'True', exact: true }).uncheck();
  await expect(dialog.getByRole('status')).toHaveText('1 result');
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option')).toContainText('Jobs speech, March');
  await expectNoSeriousA11yProblems(page);

  // Arrow down and Enter open the review with that claim selected in the desk.
  await box.press('ArrowDown');
  await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/review/${jobs}`));
  const panel = page.getByRole('complementary', { name: 'Claim details' });
  await expect(panel.getByRole('heading', { name: 'Claim #1' })).toBeVisible();
  await expect(panel.getByRole('radio', { name: 'False', exact: true })).toBeChecked();
  await expect(page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { selected: true })).toContainText('unemployment fell by 20 percent');
  await expect(page.locator(`.article-editor [data-claim-id="${jobsClaims[0] as string}"]`).first()).toBeInViewport();

  // Ctrl+K opens the search from the desk too, with the caret in the article; Escape closes it.
  await page.getByRole('textbox', { name: 'Article text', exact: true }).click();
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await expect(box).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.keyboard.press('Control+Shift+F');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  expect(outsideRequests).toEqual([]);
});

test('the search reads at 320 px and in the Arabic interface', async ({ page, server }, testInfo) => {
  await page.goto(server.url);
  await newsroomLibrary(page);
  await callApi(page, 'settings:setLanguage', { language: 'ar' });
  await page.setViewportSize({ width: 320, height: 720 });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // The shortcut works once the library is drawn (a key pressed while the page loads goes nowhere).
  await expect(page.locator('[aria-keyshortcuts="Control+K Control+Shift+F"]')).toBeVisible();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'البحث في كل المراجعات' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox').fill('النفط');
  await expect(dialog.getByRole('status')).toHaveText(/نتيج/);
  const first = dialog.getByRole('listbox').getByRole('option').first();
  await expect(first).toContainText('الادعاء رقم 1');
  await expect(first.locator('mark').first()).toHaveText('النفط');
  await expectDialogContentFits(page, dialog, 'search');
  await page.screenshot({ path: shot(testInfo, 'arabic-interface-320') });
  await dialog.getByText('عوامل التصفية', { exact: true }).click();
  await expectDialogContentFits(page, dialog, 'search');
  await page.screenshot({ path: shot(testInfo, 'arabic-filters-320') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expectNoSidewaysScroll(page, 'in the library');
  await page.screenshot({ path: shot(testInfo, 'arabic-library-320') });
});
