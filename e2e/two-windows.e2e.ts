/** Two windows on one review: neither overwrites the other; changes made in one show in the other within seconds. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';

const ARTICLE = '<p>The mayor said crime fell by 20 percent since 2020.</p><p>The budget grew to 3 billion this year.</p>';

interface StoredNode {
  text?: string;
  marks?: { type: string; attrs?: { claimId?: string } }[];
  content?: StoredNode[];
}

/** The claimant of the claim on `words`, as the review file on disk has it. */
async function storedClaimant(dataDir: string, words: string): Promise<string | undefined> {
  const [name] = (await readdir(join(dataDir, 'reviews'))).filter((file) => file.endsWith('.json'));
  if (!name) return undefined;
  const { review } = JSON.parse(await readFile(join(dataDir, 'reviews', name), 'utf8')) as { review: { doc: StoredNode; claims: { id: string; claimant: string }[] } };
  const claimOn = (node: StoredNode): string | undefined =>
    node.text?.includes(words) ? node.marks?.find((mark) => mark.type === 'claim')?.attrs?.claimId : (node.content ?? []).map(claimOn).find(Boolean);
  const claimId = claimOn(review.doc);
  return review.claims.find((claim) => claim.id === claimId)?.claimant;
}

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Claim details' });
const claimList = (page: Page) => page.getByRole('navigation', { name: 'Claims' });

/** A new review of ARTICLE titled `title`, with its two claims marked and saved. */
async function reviewWithTwoClaims(page: Page, url: string, title: string): Promise<void> {
  await page.goto(url);
  await createReviewByPaste(page, title, ARTICLE);
  for (const quote of ['crime fell by 20 percent', 'The budget grew to 3 billion']) {
    await selectInArticle(page, quote);
    await page.getByRole('button', { name: /Mark claim/ }).click();
  }
  await expectSaved(page);
}

/**
 * A second window on the review at `url`, with its clock held: its edits wait unsaved (until the
 * clock runs on, or the window is hidden, when it saves at once) while the first window works.
 */
async function secondWindowHeld(context: BrowserContext, url: string): Promise<Page> {
  const second = await context.newPage();
  await second.clock.install();
  await second.goto(url);
  await expect(claimList(second).getByRole('listbox').getByRole('option')).toHaveCount(2);
  return second;
}

test('two windows on one review keep each other’s work, merge claim by claim, and show a clash under Needs attention', async ({ page, server, context }) => {
  await reviewWithTwoClaims(page, server.url, 'Two windows');

  // A second window on the same review. Its clock is held, so its edits wait unsaved (until the
  // window is hidden, when it saves at once) while the first window works on the same claim.
  const second = await secondWindowHeld(context, page.url());
  await claimList(second)
    .getByRole('listbox')
    .getByRole('option', { name: /crime fell by 20 percent/ })
    .click();
  await panelOf(second).getByLabel('Rationale').fill('Police figures show 12 percent.');
  await panelOf(second).getByLabel('Claimant').fill('Mayor Ruiz');

  await page.bringToFront();
  await claimList(page)
    .getByRole('listbox')
    .getByRole('option', { name: /crime fell by 20 percent/ })
    .click();
  await panelOf(page).getByRole('radio', { name: 'Mostly false' }).check();
  await panelOf(page).getByLabel('Claimant').fill('The mayor');
  await second.clock.runFor(6_000);

  // Whichever window saved second merged: each window's change is kept, and the claimant, changed
  // in both, waits for a choice in both windows. Nothing was dropped.
  for (const window of [page, second]) {
    if (window === second) await second.clock.runFor(4_000);
    await expect(panelOf(window).getByRole('radio', { name: 'Mostly false' })).toBeChecked({ timeout: 8_000 });
    await expect(panelOf(window).getByLabel('Rationale')).toHaveValue('Police figures show 12 percent.', { timeout: 8_000 });
    await expect(claimList(window).getByRole('region', { name: 'Needs attention', exact: true })).toContainText('Two versions: Claimant', { timeout: 8_000 });
    const conflict = panelOf(window).getByRole('group', { name: 'Claimant: two versions' });
    await expect(conflict).toContainText('The mayor');
    await expect(conflict).toContainText('Mayor Ruiz');
  }
  await expectSaved(page);
  await expect.poll(() => storedClaimant(server.dataDir, 'crime fell by 20 percent')).toMatch(/^(The mayor|Mayor Ruiz)$/);

  // A choice made in one window settles it in both.
  await panelOf(page).getByRole('button', { name: 'Keep “The mayor” as the claimant' }).click();
  await expect(claimList(page).getByRole('region', { name: 'Needs attention', exact: true })).toHaveCount(0);
  await second.clock.runFor(4_000);
  await expect(claimList(second).getByRole('region', { name: 'Needs attention', exact: true })).toHaveCount(0, { timeout: 8_000 });

  // After a reload both see the same review.
  await page.reload();
  await claimList(page)
    .getByRole('listbox')
    .getByRole('option', { name: /crime fell by 20 percent/ })
    .click();
  await expect(panelOf(page).getByLabel('Rationale')).toHaveValue('Police figures show 12 percent.');
  await expect(panelOf(page).getByLabel('Claimant')).toHaveValue('The mayor');
  await expect(panelOf(page).getByRole('radio', { name: 'Mostly false' })).toBeChecked();
});

test('an article updated in one window reaches the other, and the other window’s unsaved claim edit is kept on the new version', async ({ page, server, context }) => {
  await reviewWithTwoClaims(page, server.url, 'Updated elsewhere');

  // The second window's edit waits unsaved (its clock is held) while the first updates the article.
  const second = await secondWindowHeld(context, page.url());
  await claimList(second)
    .getByRole('listbox')
    .getByRole('option', { name: /crime fell by 20 percent/ })
    .click();
  await panelOf(second).getByLabel('Rationale').fill('Police figures show 12 percent.');

  await page.bringToFront();
  await page.getByRole('button', { name: 'Update article…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Update article' });
  await dialog
    .getByRole('textbox', { name: 'Newer version (paste its text here)' })
    .fill('Updated on Monday.\n\nThe mayor said crime fell by 20 percent since 2020.\n\nThe budget grew to 3 billion this year.');
  await dialog.getByRole('button', { name: 'Show changes' }).click();
  await dialog.getByRole('button', { name: 'Update article', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The article is now version 2' })).toBeVisible();

  // The second window saves on a revision the update replaced: it takes the new article in and keeps its edit.
  await second.bringToFront();
  await second.clock.runFor(6_000);
  const secondEditor = second.getByRole('textbox', { name: 'Article text', exact: true });
  await expect(secondEditor).toContainText('Updated on Monday.', { timeout: 8_000 });
  await expect(panelOf(second).getByLabel('Rationale')).toHaveValue('Police figures show 12 percent.');
  await second.clock.runFor(4_000);
  await expectSaved(second);

  const stored = async (): Promise<string> => {
    const [name] = (await readdir(join(server.dataDir, 'reviews'))).filter((file) => file.endsWith('.json'));
    return name ? readFile(join(server.dataDir, 'reviews', name), 'utf8') : '';
  };
  await expect.poll(stored, { timeout: 8_000 }).toContain('Police figures show 12 percent.');
  expect(await stored()).toContain('Updated on Monday.');
  // And both claims are still on their words in the new version.
  await expect.poll(() => storedClaimant(server.dataDir, 'crime fell by 20 percent')).toBe('');

  await page.bringToFront();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Article text', exact: true })).toContainText('Updated on Monday.');
  await claimList(page)
    .getByRole('listbox')
    .getByRole('option', { name: /crime fell by 20 percent/ })
    .click();
  await expect(panelOf(page).getByLabel('Rationale')).toHaveValue('Police figures show 12 percent.');
});
