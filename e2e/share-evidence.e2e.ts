/** A kept evidence copy travels in a share file when the reviewer ticks "Include evidence copies", and arrives intact. */
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { makePng } from '../electron/services/evidence/evidence-server.fixture';
import { expectNoSeriousA11yProblems } from './support/a11y';
import { createReviewByPaste, expect, expectSaved, selectInArticle } from './support/fixtures';
import { openShareFile, twoReviewers } from './support/two-reviewers';

const ARTICLE = '<p>The council said dredging the harbour would cost 2 million euros.</p>';

/** Ana's review with one claim whose source is an attached photo (`png`), saved; returns her Share dialog, her name filled in. */
async function attachAndOpenShare(page: Page, serverUrl: string, png: Buffer): Promise<Locator> {
  await page.goto(serverUrl);
  await createReviewByPaste(page, 'Harbour dredging check', ARTICLE);
  await selectInArticle(page, 'cost 2 million euros');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  const panel = page.getByRole('complementary', { name: 'Claim details' });
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Attach a file' }).click();
  await (await chooser).setFiles({ name: 'harbour-photo.png', mimeType: 'image/png', buffer: png });
  await expect(panel.locator('.evidence-copy-tools').getByRole('status')).toHaveText('“harbour-photo.png” attached.');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share review' });
  await dialog.getByLabel(/Your name/).fill('Ana');
  return dialog;
}

twoReviewers('shares a kept copy with its sizes shown first, and the colleague verifies it intact', async ({ page, server, bob, folder }) => {
  const dialog = await attachAndOpenShare(page, server.url, makePng(300, 200, [30, 120, 200]));
  const include = dialog.getByRole('checkbox', { name: 'Include evidence copies' });
  await expect(include).not.toBeChecked();
  await expect(include).toHaveAccessibleDescription(/^1 copy, [\d.]+ (KB|bytes) — the share file will be [\d.]+ KB instead of [\d.]+ KB\.$/);
  await include.check();
  await expectNoSeriousA11yProblems(page);
  await page.screenshot({ path: 'test-results/share-evidence-dialog.png' });
  await page.setViewportSize({ width: 320, height: 700 });
  await page.screenshot({ path: 'test-results/share-evidence-dialog-320.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save share file' }).click()]);
  const path = join(folder, 'with-copies.factmark');
  await download.saveAs(path);
  await expect(dialog).toBeHidden();

  // Bob opens it in his own data folder: the copy arrives, and Verify finds it intact.
  await openShareFile(bob, path);
  const opening = bob.getByRole('dialog', { name: 'Open share file' });
  await expect(opening).toContainText('shared by Ana');
  // Every copy arrived: nothing about copies needs Bob's eye.
  await expect(opening.locator('.evidence-copies-note')).toHaveCount(0);
  await opening.getByRole('button', { name: 'Add to library' }).click();
  await bob.getByRole('navigation').getByRole('listbox').getByRole('option').first().click();
  const bobsPanel = bob.getByRole('complementary', { name: 'Claim details' });
  const item = bobsPanel.locator('.evidence-item').first();
  await expect(item.getByText(/^File attached on .+ · SHA-256 \u2066?[0-9a-f]{8}…\u2069?$/)).toBeVisible();
  await item.getByRole('button', { name: 'Verify the copy of harbour-photo.png' }).click();
  await expect(item.getByRole('status')).toHaveText(/^Intact/);
});

twoReviewers('a share file saved without copies tells the colleague the sender left them out', async ({ page, server, bob, folder }) => {
  const dialog = await attachAndOpenShare(page, server.url, makePng(60, 40, [30, 120, 200]));
  await expect(dialog.getByRole('checkbox', { name: 'Include evidence copies' })).not.toBeChecked();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save share file' }).click()]);
  const path = join(folder, 'without-copies.factmark');
  await download.saveAs(path);

  await openShareFile(bob, path);
  const opening = bob.getByRole('dialog', { name: 'Open share file' });
  // None was kept, so the note does not count them ("0 evidence copies kept" said nothing).
  await expect(opening.locator('.evidence-copies-note')).toHaveText('1 copy was not included by the sender.');
  await bob.screenshot({ path: 'test-results/share-evidence-open.png' });
});
