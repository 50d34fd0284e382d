/**
 * Evidence copies in the desk (#15): Preferences allow the loopback evidence server, a source is
 * kept, viewed (also with the server stopped), verified, tampered with and found altered; failing
 * and refused links say why; a file is attached; work typed meanwhile survives.
 */
import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { ARTICLE_HEADLINE, makePng, startEvidenceServer, type EvidenceServer } from '../electron/services/evidence/evidence-server.fixture';
import { expectNoSeriousA11yProblems } from './support/a11y';
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';
import { callApi } from './support/library-api';

const ARTICLE = '<p>The council said dredging the harbour would cost 2 million euros.</p>';

/** Ticks or clears Preferences → Allow private network addresses, from the library, and saves. */
async function allowPrivateAddresses(page: Page, allow: boolean): Promise<void> {
  await page.getByRole('button', { name: 'Preferences' }).click();
  const dialog = page.getByRole('dialog', { name: 'Preferences' });
  const box = dialog.getByRole('checkbox', { name: 'Allow private network addresses when keeping copies' });
  await expect(box).toBeEnabled();
  await expect(box).toHaveAccessibleDescription(/Off by default/);
  await box.setChecked(allow);
  await expectNoSeriousA11yProblems(page);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
}

/** The claim panel with the review's only claim chosen. */
async function openClaim(page: Page, details = 'Claim details') {
  await page.getByRole('navigation').getByRole('listbox').getByRole('option').first().click();
  return page.getByRole('complementary', { name: details });
}

test('keeps, views offline, verifies and attaches evidence copies from the claim panel', async ({ page, server }, testInfo) => {
  test.setTimeout(240_000);
  const evidence: EvidenceServer = await startEvidenceServer();
  let stopped = false;
  try {
    await page.goto(server.url);
    await allowPrivateAddresses(page, true);
    expect((await callApi(page, 'settings:getEvidence', {})).allowPrivateAddresses).toBe(true);

    await createReviewByPaste(page, 'Harbour dredging check', ARTICLE);
    await selectInArticle(page, 'cost 2 million euros');
    await page.getByRole('button', { name: /Mark claim/ }).click();
    const panel = await openClaim(page);
    const articleUrl = evidence.url('/article');
    await panel.getByLabel('Add a source').fill(articleUrl);
    await panel.getByRole('button', { name: 'Add evidence' }).click();
    const items = panel.locator('.evidence-item');
    const first = items.nth(0);

    // Typed just before Keep (no autosave yet) and while the copy is being kept: all of it stays.
    await panel.getByLabel('Rationale').fill('Invoices show 6.3 million euros.');
    await first.getByRole('button', { name: `Keep a copy of ${articleUrl}` }).click();
    // The status names each step as the services report it ("Loading the page (3 of 7)…").
    await expect(first.getByRole('status')).toHaveText(/^(Keeping a copy…|.+ \(\d of 7\)…)$/);
    await panel.getByLabel('Claimant').fill('Harbour council');
    const status = first.getByText(/^Copy kept on .+ · SHA-256 \u2066?[0-9a-f]{8}…\u2069?$/);
    await expect(status).toBeVisible({ timeout: 90_000 });
    await expect(panel.getByLabel('Rationale')).toHaveValue('Invoices show 6.3 million euros.');
    await expect(panel.getByLabel('Claimant')).toHaveValue('Harbour council');
    await expectSaved(page);
    await expect(page.getByTestId('save-status')).not.toContainText(/conflict/i);

    const [reviewId] = await readdir(join(server.dataDir, 'evidence'));
    if (!reviewId) throw new Error('no evidence folder was written');
    const stored = await callApi(page, 'review:get', { id: reviewId });
    const storedClaim = stored.claims[0];
    expect(storedClaim?.rationale).toBe('Invoices show 6.3 million euros.');
    expect(storedClaim?.claimant).toBe('Harbour council');
    const copy = storedClaim?.evidence[0]?.copy;
    if (!copy) throw new Error('the stored evidence has no copy');
    expect(copy.kind).toBe('page');
    await expect(status).toContainText(copy.files.find((file) => file.role === 'archive')?.sha256.slice(0, 8) ?? 'no archive');

    // View copy: the screenshot, the text and what was recorded, and nothing of the stored page runs here.
    const viewCopy = async (): Promise<void> => {
      await first.getByRole('button', { name: `View the copy of ${articleUrl}` }).click();
      const dialog = page.getByRole('dialog', { name: `Copy of ${articleUrl}` });
      const shot = dialog.getByRole('img', { name: `Screenshot of ${articleUrl} as it was kept` });
      await expect(shot).toBeVisible();
      expect(await shot.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 100)).toBe(true);
      await expect(dialog.getByRole('region', { name: 'Readable text' })).toContainText(ARTICLE_HEADLINE);
      await expect(dialog.getByText(articleUrl, { exact: true }).first()).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'Save the archive (.mhtml)' })).toBeVisible();
      await expect(dialog.locator('iframe, object, embed')).toHaveCount(0);
    };
    await viewCopy();
    const dialog = page.getByRole('dialog', { name: `Copy of ${articleUrl}` });
    await page.screenshot({ path: testInfo.outputPath('view-copy-1400.png') });
    await expectNoSeriousA11yProblems(page);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save the archive (.mhtml)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.mhtml$/);
    // The page's network as a WARC file, for replay tools and web archives.
    await expect(dialog.getByText('The web archive (WARC) holds every response the page was handed')).toBeVisible();
    const warcDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save the web archive (.warc.gz)' }).click();
    const warc = await warcDownload;
    expect(warc.suggestedFilename()).toMatch(/\.warc\.gz$/);
    const warcStart = gunzipSync(await readFile(await warc.path())).subarray(0, 10);
    expect(warcStart.toString('latin1')).toBe('WARC/1.1\r\n');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);

    await first.getByRole('button', { name: `Verify the copy of ${articleUrl}` }).click();
    await expect(first.getByRole('status')).toHaveText(/^Intact/);

    // A redirect loop fails with the reason the services give.
    const loopUrl = evidence.url('/loop/a');
    await panel.getByLabel('Add a source').fill(loopUrl);
    await panel.getByRole('button', { name: 'Add evidence' }).click();
    const second = items.nth(1);
    await second.getByRole('button', { name: `Keep a copy of ${loopUrl}` }).click();
    await expect(second.getByRole('alert')).toContainText(/redirect/i, { timeout: 60_000 });
    await expect(second.getByText(/^Copy kept on/)).toHaveCount(0);

    // Keep copies of all links: the kept one is left alone, the loop fails again, and the summary says so.
    await panel.getByRole('button', { name: 'Keep copies of all links' }).click();
    await expect(panel.locator('.evidence-copy-tools').getByRole('status')).toHaveText(new RegExp(`^Kept: 0 · Failed: 1 · Already kept: 1\\. ${loopUrl.replace(/[.?/]/g, '\\$&')}: .*redirect`, 'i'), {
      timeout: 60_000,
    });

    // A page that never finishes: Keep shows its progress, and Cancel stops it with nothing stored.
    const slowUrl = evidence.url('/never-finishes');
    await panel.getByLabel('Add a source').fill(slowUrl);
    await panel.getByRole('button', { name: 'Add evidence' }).click();
    const slow = items.nth(2);
    await slow.getByRole('button', { name: `Keep a copy of ${slowUrl}` }).click();
    await expect(slow.getByRole('status')).toHaveText('Fetching the address (1 of 7)…');
    const cancel = slow.getByRole('button', { name: `Stop keeping a copy of ${slowUrl}` });
    await expect(cancel).toBeFocused();
    await slow.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('keeping-1400.png') });
    await page.keyboard.press('Enter');
    await expect(slow.getByRole('status')).toHaveText('Stopped. Nothing was stored for this source.', { timeout: 30_000 });
    await expect(slow.getByRole('button', { name: `Keep a copy of ${slowUrl}` })).toBeVisible();
    await panel.getByRole('button', { name: 'Remove source 3' }).click();
    await expect(items).toHaveCount(2);

    // Attach a small PNG: it is listed with its status line, and View copy shows the image.
    const chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Attach a file' }).click();
    await (await chooser).setFiles({ name: 'harbour-photo.png', mimeType: 'image/png', buffer: makePng(60, 40, [30, 120, 200]) });
    await expect(panel.locator('.evidence-copy-tools').getByRole('status')).toHaveText('“harbour-photo.png” attached.');
    await expect(items).toHaveCount(3);
    const third = items.nth(2);
    await expect(third.getByText('harbour-photo.png')).toBeVisible();
    await expect(third.getByText(/^File attached on .+ · SHA-256 \u2066?[0-9a-f]{8}…\u2069?$/)).toBeVisible();
    await third.getByRole('button', { name: 'View the copy of harbour-photo.png' }).click();
    const fileDialog = page.getByRole('dialog', { name: 'Copy of harbour-photo.png' });
    const image = fileDialog.getByRole('img', { name: 'The attached image harbour-photo.png' });
    await expect(image).toBeVisible();
    expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(60);
    await fileDialog.getByRole('button', { name: 'Close' }).click();
    await expectSaved(page);

    await panel.scrollIntoViewIfNeeded();
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('panel-1400.png') });
    await expectNoSeriousA11yProblems(page);

    // Offline: with the evidence server stopped the copy still opens.
    await evidence.stop();
    stopped = true;
    const requestsBefore = evidence.requests.length;
    await viewCopy();
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(evidence.requests.length).toBe(requestsBefore);

    // Tampering with a stored file is found by Verify, named by what the file is.
    const copyDir = join(server.dataDir, 'evidence', reviewId, copy.id);
    const textFile = copy.files.find((file) => file.role === 'text');
    if (!textFile) throw new Error('the copy has no text file');
    await appendFile(join(copyDir, textFile.fileName), 'A sentence the source never said.');
    await first.getByRole('button', { name: `Verify the copy of ${articleUrl}` }).click();
    await expect(first.getByRole('status')).toHaveText(new RegExp(`^The readable text \\(${textFile.fileName.replace(/\./g, '\\.')}\\) was altered`));

    // At 320 px the panel and the dialog still fit.
    await page.setViewportSize({ width: 320, height: 720 });
    await page.getByRole('button', { name: /^Claim details$/ }).click();
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('panel-320.png') });
    await first.getByRole('button', { name: `View the copy of ${articleUrl}` }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('alert')).toContainText(textFile.fileName);
    await page.screenshot({ path: testInfo.outputPath('view-copy-320.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.setViewportSize({ width: 1400, height: 900 });
  } finally {
    if (!stopped) await evidence.stop();
  }
});

test('refuses a loopback link while private addresses are not allowed, and the desk speaks Arabic', async ({ page, server }, testInfo) => {
  test.setTimeout(120_000);
  const evidence = await startEvidenceServer();
  try {
    await page.goto(server.url);
    expect((await callApi(page, 'settings:getEvidence', {})).allowPrivateAddresses).toBe(false);
    await createReviewByPaste(page, 'Harbour dredging check', ARTICLE);
    await selectInArticle(page, 'cost 2 million euros');
    await page.getByRole('button', { name: /Mark claim/ }).click();
    const panel = await openClaim(page);
    const url = evidence.url('/article');
    await panel.getByLabel('Add a source').fill(url);
    await panel.getByRole('button', { name: 'Add evidence' }).click();
    const item = panel.locator('.evidence-item').first();
    await item.getByRole('button', { name: `Keep a copy of ${url}` }).click();
    await expect(item.getByRole('alert')).toContainText('Allow private network addresses', { timeout: 60_000 });
    expect(evidence.requests).toHaveLength(0);

    // The same panel in Arabic, right to left.
    await callApi(page, 'settings:setLanguage', { language: 'ar' });
    await page.reload();
    const arabicPanel = await openClaim(page, 'تفاصيل الادعاء');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(arabicPanel.getByRole('button', { name: 'الاحتفاظ بنسخ من كل الروابط' })).toBeVisible();
    await expect(arabicPanel.getByRole('button', { name: 'إرفاق ملف' })).toBeVisible();
    const chooser = page.waitForEvent('filechooser');
    await arabicPanel.getByRole('button', { name: 'إرفاق ملف' }).click();
    await (await chooser).setFiles({ name: 'صورة-الميناء.png', mimeType: 'image/png', buffer: makePng(40, 30, [200, 80, 40]) });
    const attached = arabicPanel.locator('.evidence-item').nth(1);
    await expect(attached.getByText(/^أُرفق الملف في .+ · SHA-256/)).toBeVisible();
    await attached.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('panel-ar-1400.png') });
    await attached.getByRole('button', { name: /^عرض نسخة/ }).click();
    await expect(page.getByRole('dialog').getByRole('img', { name: /صورة-الميناء/ })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('view-copy-ar-1400.png') });
    await expectNoSeriousA11yProblems(page);
  } finally {
    await evidence.stop();
  }
});
