/** A second reviewer with a library of their own (another data folder and server), and a folder to pass share files through. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeDataDir, startServer } from './factmark-server';
import { test } from './fixtures';

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
