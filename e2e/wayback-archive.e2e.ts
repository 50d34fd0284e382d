/**
 * The archive service (#15): with "Also send to the Wayback Machine" on and the service down, a
 * kept link waits in the queue on the desk; once the service is back, Send now archives it and the
 * evidence item says where. The service is a loopback stand-in of Save Page Now.
 */
import type { Page } from '@playwright/test';
import { startEvidenceServer } from '../electron/services/evidence/evidence-server.fixture';
import { startWaybackStandIn } from '../electron/services/evidence/wayback-stand-in.fixture';
import { expectNoSeriousA11yProblems } from './support/a11y';
import { createReviewByPaste, expect, openClaimAfreshInArabic, selectInArticle, test } from './support/fixtures';
import { callApi } from './support/library-api';

const ARTICLE = '<p>The council said dredging the harbour would cost 2 million euros.</p>';

/** The claim panel with the review's only claim chosen. */
async function openClaim(page: Page, details = 'Claim details') {
  await page.getByRole('navigation').getByRole('listbox').getByRole('option').first().click();
  return page.getByRole('complementary', { name: details });
}

test('a link kept while the archive service is down waits in the queue, and Send now archives it', async ({ page, server }, testInfo) => {
  test.setTimeout(180_000);
  const evidence = await startEvidenceServer();
  const standIn = await startWaybackStandIn('content-location');
  await standIn.down();
  try {
    await page.goto(server.url);
    // Preferences as the reviewer would set them: the loopback servers allowed, and the archive service on.
    await callApi(page, 'settings:setEvidence', { allowPrivateAddresses: true, sendToWayback: true, waybackAddress: standIn.address });

    await createReviewByPaste(page, 'Harbour dredging check', ARTICLE);
    await selectInArticle(page, 'cost 2 million euros');
    await page.getByRole('button', { name: /Mark claim/ }).click();
    const panel = await openClaim(page);
    const reportUrl = evidence.url('/report.pdf');
    await panel.getByLabel('Add a source').fill(reportUrl);
    await panel.getByRole('button', { name: 'Add evidence' }).click();
    const item = panel.locator('.evidence-item').first();
    await item.getByRole('button', { name: `Keep a copy of ${reportUrl}` }).click();
    await expect(item.getByText(/^Copy kept on /)).toBeVisible({ timeout: 60_000 });

    const queue = panel.getByRole('region', { name: 'Pages waiting for the Wayback Machine' });
    await expect(queue).toContainText('1 page is waiting to be sent to the Wayback Machine. Last try: offline.');
    await expect(item.getByText('Also archived at')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('waiting.png') });
    await expectNoSeriousA11yProblems(page);

    await standIn.up();
    // Keyboard reachable: focus Send now and press Enter.
    const sendNow = queue.getByRole('button', { name: 'Send now' });
    await sendNow.focus();
    await page.keyboard.press('Enter');
    const archivedUrl = standIn.archivedUrl(reportUrl);
    await expect(item.getByText('Also archived at')).toBeVisible({ timeout: 30_000 });
    await expect(item.getByRole('button', { name: archivedUrl })).toBeVisible();
    await expect(queue).toContainText('Sent: 1 · Still waiting: 0 · Not sent: 0.');
    await expect(queue.getByRole('button', { name: 'Send now' })).toHaveCount(0);
    expect(standIn.saved).toEqual([reportUrl]);
    const [review] = await callApi(page, 'review:list', {});
    const stored = await callApi(page, 'review:get', { id: review?.id ?? '' });
    const copy = stored.claims[0]?.evidence[0]?.copy;
    expect(copy?.kind === 'page' ? copy.archive?.url : undefined).toBe(archivedUrl);
    await page.screenshot({ path: testInfo.outputPath('sent.png') });

    // Arabic at 320 px: a second page waits (the service is down again), then the archived link.
    await standIn.down();
    await item.getByRole('button', { name: `Keep a new copy of ${reportUrl}` }).click();
    await expect(queue).toContainText('1 page is waiting', { timeout: 60_000 });
    await callApi(page, 'settings:setLanguage', { language: 'ar' });
    await page.setViewportSize({ width: 320, height: 720 });
    // The claim's own address, opened afresh so the interface reads in Arabic, with the claim panel shown at 320 px.
    await openClaimAfreshInArabic(page, server.url, stored.id, stored.claims[0]?.id ?? '');
    const arabicPanel = page.locator('.claim-panel');
    const arabicQueue = arabicPanel.getByRole('region', { name: /^صفحات تنتظر الإرسال إلى/ });
    await expect(arabicQueue).toContainText('صفحة واحدة تنتظر الإرسال');
    await arabicQueue.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('arabic-320-waiting.png') });
    await standIn.up();
    await arabicQueue.getByRole('button', { name: 'أرسل الآن' }).click();
    await expect(arabicPanel.getByText('مؤرشفة أيضًا في')).toBeVisible({ timeout: 30_000 });
    await arabicPanel.getByText('مؤرشفة أيضًا في').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('arabic-320-sent.png') });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  } finally {
    await standIn.down();
    await evidence.stop();
  }
});
