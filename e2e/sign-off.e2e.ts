/**
 * Editorial sign-off and agreement between two reviewers, each with a library of their own: an
 * editor signs off a reviewer's verdict, the sign-off travels back in a share file, a later change
 * withdraws it visibly; and two independent ratings of one article are compared when merged.
 */
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expectNoSeriousA11yProblems } from './support/a11y';
import { openShareFile, shareAs, twoReviewers } from './support/two-reviewers';
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';
import { expectNoSidewaysScroll } from './support/layout';

const ARTICLE =
  '<p>The mayor said crime fell by 20 percent since 2020.</p><p>Critics said crime fell by 5 percent at most.</p><p>The budget grew to 3 billion this year.</p>' +
  '<p>وقال رئيس البلدية إن معدل البطالة انخفض إلى ثلاثة بالمئة في العام الماضي.</p>';
const OWN_VERDICT = 'You set this verdict; a sign-off must come from another reviewer. Share the review with your editor.';
/** A date as the sign-off box writes it in this browser's locale: "March 14, 2026". */
const LONG_DATE = /[A-Z][a-z]+ \d{1,2}, \d{4}/;


/** Marks each quote as a claim, with the verdict when given. */
async function markClaims(page: Page, claims: { quote: string; verdict?: string }[]): Promise<void> {
  for (const claim of claims) {
    await selectInArticle(page, claim.quote);
    await page.getByRole('button', { name: /Mark claim/ }).click();
    if (claim.verdict) await page.getByRole('radio', { name: claim.verdict, exact: true }).check();
  }
}

/** Chooses the claim on `quote` in the claims list. */
async function chooseClaim(page: Page, quote: string): Promise<void> {
  await page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: new RegExp(quote) }).first().click();
}

function shot(testInfo: TestInfo, name: string): string {
  return join(testInfo.project.outputDir, `sign-off-${name}.png`);
}


twoReviewers('an editor signs off a reviewer’s verdict, the sign-off travels back, and a later change withdraws it visibly', async ({ page, server, bob, folder, outsideRequests }, testInfo) => {
  test.setTimeout(150_000);
  await page.goto(server.url);
  await createReviewByPaste(page, 'Crime figures', ARTICLE);
  await markClaims(page, [{ quote: 'crime fell by 20 percent', verdict: 'False' }]);
  await page.getByRole('complementary', { name: 'Claim details' }).getByLabel('Rationale').fill('Police data show a 12 percent fall.');
  await markClaims(page, [{ quote: 'The budget grew to 3 billion' }]);

  // Ana may not sign off her own verdict, nor a claim without one: the button says why, reachable by keyboard.
  const anasBox = page.getByRole('region', { name: 'Sign-off' });
  await expect(anasBox).toContainText('Not signed off.');
  await expect(anasBox.getByRole('button', { name: 'Sign off' })).toBeDisabled();
  await expect(anasBox.getByRole('button', { name: 'Sign off' })).toHaveAccessibleDescription(/^This claim has no verdict yet/);
  await chooseClaim(page, 'crime fell by 20 percent');
  await expect(anasBox.getByRole('button', { name: 'Sign off' })).toHaveAccessibleDescription(OWN_VERDICT);
  await anasBox.getByRole('button', { name: 'Sign off' }).focus();
  await page.keyboard.press('Enter');
  await expect(anasBox).toContainText('Not signed off.');
  const toBob = await shareAs(page, 'Ana', folder);

  // Bob, her editor, opens the file and signs the verdict off from the keyboard.
  await openShareFile(bob, toBob);
  await bob.getByRole('dialog', { name: 'Open share file' }).getByRole('button', { name: 'Add to library' }).click();
  await chooseClaim(bob, 'crime fell by 20 percent');
  const bobsBox = bob.getByRole('region', { name: 'Sign-off' });
  await expect(bobsBox).toContainText('Not signed off.');
  const signOff = bobsBox.getByRole('button', { name: 'Sign off' });
  await expect(signOff).toBeEnabled();
  await signOff.focus();
  await bob.keyboard.press('Enter');
  await expect(bobsBox.locator('.sign-off-status')).toHaveText(new RegExp(`^✓ Signed off by you on ${LONG_DATE.source}\\.$`));
  await expect(bobsBox.getByRole('status')).toHaveText('Signed off.');
  await expect(bobsBox.getByRole('button', { name: 'Withdraw my sign-off' })).toBeVisible();
  await expect(bob.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: /crime fell by 20 percent/ })).toContainText('Signed off');
  const toAna = await shareAs(bob, 'Bob', folder);
  // The history says who signed off what (Bob gave his name when sharing).
  await bob.getByText('History', { exact: true }).click();
  await expect(bob.locator('.claim-history li').filter({ hasText: 'Bob signed off — Verdict: False; Rationale: Police data show a 12 percent fall.' })).toHaveCount(1);
  await bobsBox.scrollIntoViewIfNeeded();
  await bob.screenshot({ path: shot(testInfo, '1400-signed') });
  await expectNoSeriousA11yProblems(bob);

  // Ana merges Bob's file: the preview lists the sign-off, and her claim shows it.
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await openShareFile(page, toAna);
  const merging = page.getByRole('dialog', { name: 'Merge share file' });
  await expect(merging.getByRole('region', { name: 'Signed off: 1' })).toContainText('crime fell by 20 percent');
  await expect(merging.getByRole('region', { name: 'Signed off: 1' })).toContainText('Signed off by Bob.');
  await merging.getByRole('button', { name: 'Merge into my copy' }).click();
  await chooseClaim(page, 'crime fell by 20 percent');
  await expect(anasBox.locator('.sign-off-status')).toHaveText(new RegExp(`^✓ Signed off by Bob on ${LONG_DATE.source}\\.$`));
  await expect(anasBox.getByRole('button', { name: 'Sign off' })).toHaveAccessibleDescription(OWN_VERDICT);
  await expect(anasBox.getByRole('button', { name: 'Withdraw my sign-off' })).toHaveCount(0);

  // Ana changes the verdict: the sign-off stays in view, withdrawn, saying what changed.
  await page.getByRole('radio', { name: 'Mostly false', exact: true }).check();
  await expect(anasBox.locator('.sign-off-status')).toHaveText(new RegExp(`^Sign-off withdrawn: the verdict changed after Bob signed off on ${LONG_DATE.source} — needs a new sign-off\\.$`));
  await expect(page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: /crime fell by 20 percent/ })).not.toContainText('Signed off');
  await expectSaved(page);
  await anasBox.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot(testInfo, '1400-withdrawn') });
  await expectNoSeriousA11yProblems(page);

  // It reads the same after a reload, and in a 320 px window.
  await page.reload();
  await chooseClaim(page, 'crime fell by 20 percent');
  await expect(anasBox).toContainText('Sign-off withdrawn: the verdict changed after Bob signed off');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.getByRole('button', { name: /^Claim details$/ }).click();
  await anasBox.scrollIntoViewIfNeeded();
  await expectNoSidewaysScroll(page, 'with the sign-off in view');
  await page.screenshot({ path: shot(testInfo, '320-withdrawn') });
  expect(outsideRequests).toEqual([]);
});

twoReviewers('two reviewers who rated one article on their own see how far they agree, disagreements first, before merging', async ({ page, server, bob, folder }, testInfo) => {
  test.setTimeout(150_000);
  await page.goto(server.url);
  await createReviewByPaste(page, 'Crime figures', ARTICLE);
  const quotes = ['crime fell by 20 percent', 'crime fell by 5 percent', 'The budget grew to 3 billion', 'البطالة انخفض إلى ثلاثة بالمئة'];
  await markClaims(page, quotes.map((quote) => ({ quote })));
  const toBob = await shareAs(page, 'Ana', folder);

  // Each rates the four claims without seeing the other's verdicts.
  await openShareFile(bob, toBob);
  await bob.getByRole('dialog', { name: 'Open share file' }).getByRole('button', { name: 'Add to library' }).click();
  const rate = async (reviewer: Page, verdicts: string[]): Promise<void> => {
    for (const [index, quote] of quotes.entries()) {
      await chooseClaim(reviewer, quote);
      await reviewer.getByRole('radio', { name: verdicts[index] as string, exact: true }).check();
    }
  };
  await rate(bob, ['False', 'Mostly true', 'True', 'Mixed']);
  await rate(page, ['Mostly false', 'Mostly true', 'True', 'False']);
  await expectSaved(page);
  const toAna = await shareAs(bob, 'Bob', folder);

  await page.getByRole('button', { name: 'Back to the library' }).click();
  await openShareFile(page, toAna);
  const merging = page.getByRole('dialog', { name: 'Merge share file' });
  const agreement = merging.getByRole('region', { name: 'Agreement between the two copies' });
  await expect(agreement).toContainText('Both copies rated 4 claims on their own; they gave the same verdict to 2 of 4 (50 %).');
  await expect(agreement).toContainText(/Krippendorff’s alpha -?\d\.\d\d \(ordinal/);
  const disagreements = agreement.getByRole('listitem');
  await expect(disagreements).toHaveCount(2);
  await expect(disagreements.nth(0)).toContainText('crime fell by 20 percent');
  await expect(disagreements.nth(0)).toContainText('Ana: Mostly false · Bob: False');
  await expect(disagreements.nth(1)).toContainText('البطالة انخفض إلى ثلاثة بالمئة');
  await expect(disagreements.nth(1)).toContainText('Ana: False · Bob: Mixed');
  // The agreement comes first, above the claims the merge changes.
  const [agreementBox, conflictsBox] = await Promise.all([agreement.boundingBox(), merging.getByRole('region', { name: /^Two versions/ }).boundingBox()]);
  expect((agreementBox?.y ?? Infinity) < (conflictsBox?.y ?? 0)).toBe(true);
  await page.screenshot({ path: shot(testInfo, '1400-agreement') });
  await expectNoSeriousA11yProblems(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoSidewaysScroll(page, 'with the merge preview open');
  const heading = agreement.getByRole('heading', { name: 'Agreement between the two copies' });
  await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await expect(heading).toBeInViewport();
  await page.screenshot({ path: shot(testInfo, '320-agreement') });
});
