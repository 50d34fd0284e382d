/**
 * "Checked before" (#13): a claim marked in one review is recognised in another review checked
 * earlier; one action takes that verdict, rationale and evidence, the claim's history says where
 * they came from, and all of it is still there after a reload. "Open" goes to the earlier claim.
 */
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expectNoSeriousA11yProblems } from './support/a11y';
import { createReviewByPaste, expect, expectSaved, openClaimAfreshInArabic, selectInArticle, test } from './support/fixtures';
import { expectNoSidewaysScroll } from './support/layout';
import { callApi, reviewWithClaims } from './support/library-api';

const EARLIER_TITLE = 'Jobs speech, March';
const RATIONALE = 'ONS figures show unemployment fell by 2 percent, not 20.';
const SOURCE = 'https://ons.example/labour-market';

function shot(testInfo: TestInfo, name: string): string {
  return join(testInfo.project.outputDir, `checked-before-${name}.png`);
}

/** Review A: the minister's claims, checked in March. */
async function earlierReview(page: Page): Promise<{ id: string; claimIds: string[] }> {
  return reviewWithClaims(
    page,
    EARLIER_TITLE,
    'In a speech on Monday the minister said unemployment fell by 20 percent last year across the country.\n\nHe added that wages rose by 8 percent in the public sector.',
    [
      { quote: 'unemployment fell by 20 percent last year across the country', verdict: 'False', rationale: RATIONALE, evidenceUrls: [SOURCE] },
      { quote: 'wages rose by 8 percent in the public sector', verdict: 'Mostly true', rationale: 'Public sector pay rose 7.6 percent.' },
    ],
  );
}

test('a claim checked in another review is offered, its verdict taken with one click, and the history says where it came from', async ({ page, server, outsideRequests }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url);
  const earlier = await earlierReview(page);
  await page.reload();

  // Review B, a month later: the same claim, lightly reworded.
  await createReviewByPaste(
    page,
    'Press briefing, April',
    '<p>Unemployment has fallen by 20 percent over the last year across the country, the minister told reporters.</p><p>Public sector wages went up by 8 percent, he said.</p>',
  );
  await selectInArticle(page, 'Unemployment has fallen by 20 percent over the last year across the country');
  await page.getByRole('button', { name: /Mark claim/ }).click();

  const panel = page.getByRole('complementary', { name: 'Claim details' });
  const offers = panel.getByRole('region', { name: /^Checked before: 1 similar claim$/ });
  await expect(offers).toBeVisible();
  await expect(offers).toContainText('False');
  await expect(offers).toContainText(EARLIER_TITLE);
  await expect(offers).toContainText('Claim #1');
  await expect(offers).toContainText(/\d+\s% similar wording/);
  await expect(offers.locator('blockquote')).toHaveText('unemployment fell by 20 percent last year across the country');
  await expectNoSeriousA11yProblems(page);
  await page.screenshot({ path: shot(testInfo, 'offer-1280') });

  await offers.getByRole('button', { name: 'Use this verdict' }).click();
  await expect(panel.getByRole('radio', { name: 'False', exact: true })).toBeChecked();
  await expect(panel.getByLabel('Rationale')).toHaveValue(RATIONALE);
  await expect(panel.getByRole('textbox', { name: 'Address' })).toHaveValue(SOURCE);
  // Once the claim has a verdict the offer is gone.
  await expect(offers).toHaveCount(0);
  await panel.getByText('History', { exact: true }).click();
  await expect(panel.locator('.claim-history')).toContainText(`Copied from “${EARLIER_TITLE}” (claim #1).`);
  await page.screenshot({ path: shot(testInfo, 'copied-1280') });

  // Typing on in the desk after the copy keeps both: nothing the service stored is lost to the next save.
  await panel.getByLabel('Claimant').fill('The minister');
  await expectSaved(page);

  await page.reload();
  await page
    .getByRole('listbox', { name: 'Claims' })
    .getByRole('option', { name: /Unemployment has fallen/ })
    .click();
  await expect(panel.getByRole('radio', { name: 'False', exact: true })).toBeChecked();
  await expect(panel.getByLabel('Rationale')).toHaveValue(RATIONALE);
  await expect(panel.getByLabel('Claimant')).toHaveValue('The minister');
  await panel.getByText('History', { exact: true }).click();
  await expect(panel.locator('.claim-history')).toContainText(`Copied from “${EARLIER_TITLE}” (claim #1).`);
  // One event set the verdict (the copy); the claimant typed after it is an event of its own.
  await expect(panel.locator('.claim-history li').filter({ hasText: 'Verdict: False' })).toHaveCount(1);
  await expect(panel.locator('.claim-history li').filter({ hasText: 'Claimant: The minister' })).not.toContainText('Copied from');

  // The second claim's offer opens the earlier review at the claim it matched.
  await selectInArticle(page, 'Public sector wages went up by 8 percent');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  const second = panel.getByRole('region', { name: /^Checked before/ });
  await expect(second).toContainText('Mostly true');
  await second.getByRole('button', { name: `Open “${EARLIER_TITLE}”` }).click();
  await expect(page).toHaveURL(new RegExp(`#/review/${earlier.id}`));
  await expect(panel.getByRole('heading', { name: 'Claim #2' })).toBeVisible();
  await expect(panel.getByRole('radio', { name: 'Mostly true', exact: true })).toBeChecked();
  // The earlier claim has a verdict: nothing is offered there.
  await expect(panel.getByRole('region', { name: /^Checked before/ })).toHaveCount(0);
  expect(outsideRequests).toEqual([]);
});

test('the offer can be set aside, and reads at 320 px in the Arabic interface', async ({ page, server }, testInfo) => {
  await page.goto(server.url);
  await earlierReview(page);
  await reviewWithClaims(page, 'مراجعة عربية', 'وفي نص عربي: قال الوزير إن Unemployment has fallen by 20 percent over the last year across the country.', [
    { quote: 'Unemployment has fallen by 20 percent over the last year across the country' },
  ]);
  const later = await reviewWithClaims(page, 'Press briefing, April', 'Unemployment has fallen by 20 percent over the last year across the country, the minister said.', [
    { quote: 'Unemployment has fallen by 20 percent over the last year across the country' },
  ]);
  await callApi(page, 'settings:setLanguage', { language: 'ar' });
  await page.setViewportSize({ width: 320, height: 720 });
  // The address a search result links to, opened afresh so the interface reads in Arabic.
  await openClaimAfreshInArabic(page, server.url, later.id, later.claimIds[0] as string);
  const panel = page.locator('.claim-panel');
  const offers = panel.getByRole('region', { name: /^سبق التحقق/ });
  await expect(offers).toBeVisible();
  // Only reviews with a verdict are offered: the unrated Arabic review is not.
  await expect(offers.locator('.checked-before-offer')).toHaveCount(1);
  await expect(offers).toContainText('خاطئ');
  await expect(offers.getByRole('button', { name: 'استخدم هذا الحكم' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'with the offer shown');
  await offers.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot(testInfo, 'arabic-320') });

  await offers.getByRole('button', { name: 'إخفاء' }).click();
  await expect(offers).toHaveCount(0);
  await expect(panel.getByRole('radio', { checked: true })).toHaveCount(0);
});
