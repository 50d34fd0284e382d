/** A second reviewer with a library of their own (another data folder and server), and a folder to pass share files through. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeDataDir, startServer } from './factmark-server';
import { expect, expectSaved, test } from './fixtures';

export const twoReviewers = test.extend<{ bob: Page; folder: string }>({
  folder: async ({}, use) => use(await mkdtemp(join(tmpdir(), 'factmark-two-reviewers-'))),
  bob: async ({ browser }, use) => {
    const bobServer = await startServer(await makeDataDir());
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(bobServer.url);
    await use(page);
    await context.close();
    await bobServer.stop();
  },
});

/** Shares the open review through the Share dialog as `name`; returns the saved file's path (and checks the suggested name when given). */
export async function shareAs(page: Page, name: string, folder: string, expectedFileName?: string): Promise<string> {
  await expectSaved(page);
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share review' });
  await dialog.getByLabel(/Your name/).fill(name);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save share file' }).click()]);
  if (expectedFileName) expect(download.suggestedFilename()).toBe(expectedFileName);
  const path = join(folder, `${name}-${Date.now()}.factmark`);
  await download.saveAs(path);
  await expect(dialog).toBeHidden();
  return path;
}

/** Opens a share file from the library; the preview dialog comes up. */
export async function openShareFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('share-file-input').setInputFiles(path);
}
