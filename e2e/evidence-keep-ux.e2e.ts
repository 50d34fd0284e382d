/**
 * Keeping evidence copies from the keyboard and by preference (#15): Preferences → Evidence copies
 * save and reload; with "keep a copy of each link when it is added" on, a link added (or changed
 * to a new address) is kept without pressing Keep, and with it off it is not; Alt+K keeps the
 * focused source; the status names each step of a slow page, Cancel still stops it; Arabic and 320 px.
 */
import type { Locator, Page } from '@playwright/test';
import { startEvidenceServer, type EvidenceServer } from '../electron/services/evidence/evidence-server.fixture';
import { expectNoSeriousA11yProblems } from './support/a11y';
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';
import { callApi } from './support/library-api';

const ARTICLE = '<p>The council said dredging the harbour would cost 2 million euros.</p>';
const KEPT = /^Copy kept on .+ · SHA-256 \u2066?[0-9a-f]{8}…\u2069?$/;

/** A review with one claim, its panel open. */
async function claimPanel(page: Page, details = 'Claim details'): Promise<Locator> {
  await createReviewByPaste(page, 'Harbour dredging check', ARTICLE);
  await selectInArticle(page, 'cost 2 million euros');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await page.getByRole('navigation').getByRole('listbox').getByRole('option').first().click();
  return page.getByRole('complementary', { name: details });
}

async function addSource(panel: Locator, url: string): Promise<void> {
  await panel.getByLabel('Add a source').fill(url);
  await panel.getByRole('button', { name: 'Add evidence' }).click();
}

async function openPreferences(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Preferences' }).click();
  const dialog = page.getByRole('dialog', { name: 'Preferences' });
  await expect(dialog.getByRole('checkbox', { name: 'Keep a copy of each link when it is added' })).toBeEnabled();
  return dialog;
}

test('the evidence preferences save and reload, and a link is kept as it is added only while the preference is on', async ({ page, server }, testInfo) => {
  test.setTimeout(240_000);
  const evidence: EvidenceServer = await startEvidenceServer();
  try {
    await page.goto(server.url);
    let dialog = await openPreferences(page);
    const keepWhenAdded = dialog.getByRole('checkbox', { name: 'Keep a copy of each link when it is added' });
    const sendToWayback = dialog.getByRole('checkbox', { name: 'Also send kept pages to the Wayback Machine' });
    const address = dialog.getByRole('textbox', { name: 'Archive service address' });
    const useWayback = dialog.getByRole('button', { name: 'Use the Wayback Machine’s address' });
    await expect(keepWhenAdded).not.toBeChecked();
    await expect(keepWhenAdded).toHaveAccessibleDescription(/^Off by default/);
    await expect(sendToWayback).not.toBeChecked();
    await expect(address).toHaveValue('https://web.archive.org/');
    await expect(useWayback).toBeDisabled();

    // A bad address is refused with the reason, and nothing is saved until it is fixed.
    await address.fill('ftp://archive.example.org');
    await address.blur();
    await expect(dialog.getByRole('alert')).toContainText('Archive service address: “ftp://archive.example.org” is not a web page address');
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeVisible();
    await expect(address).toBeFocused();
    await useWayback.click();
    await expect(address).toHaveValue('https://web.archive.org/');
    await expect(address).not.toHaveAttribute('aria-invalid', 'true');
    // Typed without https://: kept with it once the field is left.
    await address.fill('archive.example.org/save');
    await address.blur();
    await expect(address).toHaveValue('https://archive.example.org/save');
    await keepWhenAdded.check();
    await sendToWayback.check();
    await dialog.getByRole('checkbox', { name: 'Allow private network addresses when keeping copies' }).check();
    await dialog.locator('.evidence-preference').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('preferences-1400.png') });
    await expectNoSeriousA11yProblems(page);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await callApi(page, 'settings:getEvidence', {})).toEqual({ allowPrivateAddresses: true, keepWhenAdded: true, sendToWayback: true, waybackAddress: 'https://archive.example.org/save' });

    // Reopened, the dialog shows what was saved; the archive sending is turned off again for this test.
    await page.reload();
    dialog = await openPreferences(page);
    await expect(dialog.getByRole('checkbox', { name: 'Keep a copy of each link when it is added' })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'Also send kept pages to the Wayback Machine' })).toBeChecked();
    await expect(dialog.getByRole('textbox', { name: 'Archive service address' })).toHaveValue('https://archive.example.org/save');
    await dialog.getByRole('checkbox', { name: 'Also send kept pages to the Wayback Machine' }).uncheck();
    await dialog.getByRole('button', { name: 'Use the Wayback Machine’s address' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await callApi(page, 'settings:getEvidence', {})).toMatchObject({ keepWhenAdded: true, sendToWayback: false, waybackAddress: 'https://web.archive.org/' });

    // On: the added link is kept without pressing Keep, with the same progress and result.
    const panel = await claimPanel(page);
    const articleUrl = evidence.url('/article');
    await addSource(panel, articleUrl);
    const items = panel.locator('.evidence-item');
    const first = items.nth(0);
    await expect(first.getByRole('button', { name: `Stop keeping a copy of ${articleUrl}` })).toBeVisible();
    await expect(first.getByText(KEPT)).toBeVisible({ timeout: 90_000 });
    await expect(first.getByRole('status')).toHaveText('Copy kept.');
    await expectSaved(page);
    const reviews = await callApi(page, 'review:list', {});
    const reviewId = reviews[0]?.id ?? '';
    const keptFirst = (await callApi(page, 'review:get', { id: reviewId })).claims[0]?.evidence[0]?.copy;
    expect(keptFirst).toMatchObject({ kind: 'page', requestedUrl: articleUrl });

    // Changed to a new address: the old page's copy goes and the new address is kept; not again for a title edit.
    const movedUrl = evidence.url('/article?moved');
    const firstAddress = first.getByRole('textbox', { name: 'Address' });
    await firstAddress.fill(movedUrl);
    await firstAddress.press('Tab');
    await expect(first.getByText(KEPT)).toBeVisible({ timeout: 90_000 });
    await expectSaved(page);
    const moved = (await callApi(page, 'review:get', { id: reviewId })).claims[0]?.evidence[0]?.copy;
    expect(moved).toMatchObject({ kind: 'page', requestedUrl: movedUrl });
    expect(moved?.id).not.toBe(keptFirst?.id);
    const fetchedBefore = evidence.requests.length;
    await firstAddress.focus();
    await firstAddress.press('Tab');
    await first.getByRole('textbox', { name: 'Title' }).fill('Council minutes');
    await expectSaved(page);

    // Off: a link added is only listed.
    await callApi(page, 'settings:setEvidence', { keepWhenAdded: false });
    const pdfUrl = evidence.url('/report.pdf');
    await addSource(panel, pdfUrl);
    const second = items.nth(1);
    await expect(second.getByRole('button', { name: `Keep a copy of ${pdfUrl}` })).toBeVisible();
    await expectSaved(page);
    // Another call's round trip: a keep asked for by the add would have started by now.
    await callApi(page, 'settings:getEvidence', {});
    await expect(second.getByRole('button', { name: `Keep a copy of ${pdfUrl}` })).toBeVisible();
    await expect(second.locator('.evidence-copy-note')).toHaveText('');
    expect(evidence.requests.length).toBe(fetchedBefore);
    expect(evidence.requests.some((request) => request.path.includes('/report.pdf'))).toBe(false);
  } finally {
    await evidence.stop();
  }
});

test('Alt+K keeps the source with the focus, the status names each step of a slow page, and Cancel stops it', async ({ page, server }, testInfo) => {
  test.setTimeout(240_000);
  const evidence = await startEvidenceServer();
  try {
    await page.goto(server.url);
    await callApi(page, 'settings:setEvidence', { allowPrivateAddresses: true });
    const panel = await claimPanel(page);
    const items = panel.locator('.evidence-item');

    // From the address field: the page's image never arrives, so the keep waits in "Loading the page".
    const slowUrl = evidence.url('/stalled-image-page');
    await addSource(panel, slowUrl);
    const slow = items.nth(0);
    const keep = slow.getByRole('button', { name: `Keep a copy of ${slowUrl}` });
    await expect(keep).toHaveAttribute('aria-keyshortcuts', 'Alt+K');
    await expect(panel.getByText('Alt+K keeps a copy of the source you are working in.')).toBeVisible();
    await slow.getByRole('textbox', { name: 'Address' }).focus();
    await page.keyboard.press('Alt+K');
    await expect(slow.getByRole('status')).toHaveText('Loading the page (3 of 7)…', { timeout: 30_000 });
    const cancel = slow.getByRole('button', { name: `Stop keeping a copy of ${slowUrl}` });
    await expect(cancel).toBeFocused();
    await slow.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('keeping-step-1400.png') });
    await page.keyboard.press('Enter');
    await expect(slow.getByRole('status')).toHaveText('Stopped. Nothing was stored for this source.', { timeout: 30_000 });
    await expect(keep).toBeVisible();

    // From a button of another source: that source, and only it, is kept.
    const articleUrl = evidence.url('/article');
    await addSource(panel, articleUrl);
    const article = items.nth(1);
    await article.getByRole('button', { name: 'Open source 2' }).focus();
    await page.keyboard.press('Alt+K');
    await expect(article.getByText(KEPT)).toBeVisible({ timeout: 90_000 });
    await expect(slow.getByText(/^Copy kept on/)).toHaveCount(0);

    // Keep copies of all links says which link of how many it is on.
    await panel.getByRole('button', { name: 'Keep copies of all links' }).click();
    const tools = panel.locator('.evidence-copy-tools').getByRole('status');
    await expect(tools).toHaveText('Link 1 of 1 · Loading the page (3 of 7)…', { timeout: 30_000 });
    await panel.locator('.evidence-copy-tools').getByRole('button', { name: 'Cancel' }).click();
    await expect(tools).toHaveText(/^Kept: 0 · Failed: 1 · Already kept: 1\./, { timeout: 30_000 });
    await expectNoSeriousA11yProblems(page);

    // In Arabic at 320 px: the same steps in Arabic, the hash's "…" after its digits.
    await callApi(page, 'settings:setLanguage', { language: 'ar' });
    await page.reload();
    await page.getByRole('navigation').getByRole('listbox').getByRole('option').first().click();
    await page.setViewportSize({ width: 320, height: 720 });
    await page.getByRole('button', { name: /^تفاصيل الادعاء$/ }).click();
    const arabic = page.getByRole('complementary', { name: 'تفاصيل الادعاء' });
    const arabicSlow = arabic.locator('.evidence-item').nth(0);
    const arabicArticle = arabic.locator('.evidence-item').nth(1);
    await expect(arabicArticle.locator('.evidence-copy-line')).toHaveText(/^حُفظت نسخة في .+ · SHA-256 \u2066[0-9a-f]{8}…\u2069$/);
    await arabicArticle.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('kept-ar-320.png') });
    await arabicSlow.getByRole('textbox').first().focus();
    await page.keyboard.press('Alt+K');
    await expect(arabicSlow.getByRole('status')).toHaveText('تحميل الصفحة (3 من 7)…', { timeout: 30_000 });
    await arabicSlow.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('keeping-step-ar-320.png') });
    await page.keyboard.press('Enter');
    await expect(arabicSlow.getByRole('status')).not.toHaveText(/تحميل/, { timeout: 30_000 });

    await page.getByRole('button', { name: /المكتبة/ }).click();
    await page.getByRole('button', { name: 'التفضيلات' }).click();
    const preferences = page.getByRole('dialog', { name: 'التفضيلات' });
    await preferences.locator('.evidence-preference').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('preferences-ar-320.png') });
    await expectNoSeriousA11yProblems(page);
  } finally {
    await evidence.stop();
  }
});
