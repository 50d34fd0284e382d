/**
 * When saving fails — the storage process killed, the disk full, the folder read-only — the
 * reviewer is told at once with the reason, nothing is lost, leaving asks first, and the work is
 * saved by itself (or offered again after a reload) once storage works again.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startServer, type RunningServer } from './support/factmark-server';
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';

const ARTICLE = '<p>The mayor said crime fell by 20 percent since 2020.</p><p>The budget grew to 3 billion this year.</p>';

/** A small tmpfs, or null where this machine does not allow mounting (the tests using it then skip). */
function mountSmallDisk(size: string): string | null {
  const folder = join(tmpdir(), `factmark-e2e-disk-${process.pid}-${Date.now()}`);
  spawnSync('mkdir', ['-p', folder]);
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder], { stdio: 'ignore' }).status === 0 ? folder : null;
}
const probe = mountSmallDisk('64k');
const canMount = probe !== null;
if (probe) spawnSync('umount', ['-l', probe]);

async function markAndRate(page: Page): Promise<void> {
  await createReviewByPaste(page, 'Crime figures', ARTICLE);
  await selectInArticle(page, 'crime fell by 20 percent');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await page.getByRole('complementary', { name: 'Claim details' }).getByRole('radio', { name: 'Mostly false' }).check();
  await expectSaved(page);
}

/** The rationale of the only claim, as the review file on disk has it. */
async function storedRationale(dataDir: string): Promise<string> {
  const [name] = (await readdir(join(dataDir, 'reviews'))).filter((file) => file.endsWith('.json'));
  if (!name) return '';
  return (JSON.parse(await readFile(join(dataDir, 'reviews', name), 'utf8')) as { review: { claims: { rationale: string }[] } }).review.claims[0]?.rationale ?? '';
}

const rationale = (page: Page) => page.getByRole('complementary', { name: 'Claim details' }).getByLabel('Rationale');

/** Types into the rationale and expects the failure to be shown, with `reason`, within 2 seconds. */
async function typeAndExpectFailure(page: Page, text: string, reason: RegExp): Promise<void> {
  await rationale(page).fill(text);
  const failure = page.getByTestId('save-failure');
  await expect(failure).toBeVisible({ timeout: 2_000 });
  await expect(failure).toHaveAttribute('role', 'alert');
  await expect(failure).toContainText(reason);
  await expect(failure).toContainText('Your changes are kept in this window');
}

test('the storage process killed: the desk says so at once, asks before leaving, and saves by itself when Factmark is back', async ({ page, server }) => {
  await page.goto(server.url);
  await markAndRate(page);
  await server.kill();

  await typeAndExpectFailure(page, 'Police figures show 12 percent.', /storage process is not answering/);
  await page.getByRole('button', { name: 'Back to the library' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toContainText('recovery copy');
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(rationale(page)).toHaveValue('Police figures show 12 percent.');

  const restarted = await startServer(server.dataDir);
  try {
    expect(restarted.url).toBe(server.url);
    await expect(page.getByTestId('save-status')).toHaveText(/^Saved/, { timeout: 20_000 });
    await expect(page.getByTestId('save-failure')).toHaveCount(0);
    await page.reload();
    await page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: /crime fell/ }).click();
    await expect(rationale(page)).toHaveValue('Police figures show 12 percent.');
  } finally {
    await restarted.stop();
  }
});

test.describe('a disk that cannot take the save (needs mount: skipped where the machine does not allow it)', () => {
  test.skip(!canMount, 'mounting a small tmpfs is not allowed on this machine');
  let disk: string;
  let running: RunningServer | undefined;
  test.beforeEach(async () => {
    disk = mountSmallDisk('3m') as string;
    await mkdir(join(disk, 'data'));
    running = await startServer(join(disk, 'data'));
  });
  test.afterEach(async () => {
    await running?.stop();
    spawnSync('mount', ['-o', 'remount,rw', disk], { stdio: 'ignore' });
    spawnSync('umount', ['-l', disk], { stdio: 'ignore' });
    await rm(disk, { recursive: true, force: true });
  });

  test('a full disk: the reason is shown, a reload offers the unsaved work, and it is restored once there is room', async ({ page }) => {
    const server = running as RunningServer;
    await page.goto(server.url);
    await markAndRate(page);
    const filler = join(disk, 'filler');
    spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k', 'count=100'], { stdio: 'ignore' });

    await typeAndExpectFailure(page, `Police figures show 12 percent. ${'Long note. '.repeat(2_000)}`, /disk that holds the data folder .* is full.*Free some space/);
    // Closed or reloaded while the disk is full: the work was kept in the window's own storage.
    await page.reload();
    const offer = page.getByRole('alert', { name: 'Unsaved work found' });
    await expect(offer).toContainText('is full');
    await rm(filler);
    await offer.getByRole('button', { name: 'Restore unsaved work' }).click();
    await expect(offer).toHaveCount(0);
    await expectSaved(page);
    await page.reload();
    await expect(page.getByRole('alert', { name: 'Unsaved work found' })).toHaveCount(0);
    await page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: /crime fell/ }).click();
    await expect(rationale(page)).toHaveValue(/^Police figures show 12 percent\. Long note\./);
  });

  test('a read-only folder: the reason is shown, and the work saves by itself when it is writable again', async ({ page }) => {
    const server = running as RunningServer;
    await page.goto(server.url);
    await markAndRate(page);
    spawnSync('mount', ['-o', 'remount,ro', disk], { stdio: 'ignore' });
    await typeAndExpectFailure(page, 'Written while read-only.', /read-only disk/);
    spawnSync('mount', ['-o', 'remount,rw', disk], { stdio: 'ignore' });
    await expect(page.getByTestId('save-status')).toHaveText(/^Saved/, { timeout: 20_000 });
    await page.reload();
    await page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: /crime fell/ }).click();
    await expect(rationale(page)).toHaveValue('Written while read-only.');
  });
});

test('continuous typing is saved at least every 5 seconds, never held back until a pause', async ({ page, server }) => {
  await page.goto(server.url);
  await markAndRate(page);
  // The page's clock moves only as the test says: one key every 100 ms, never the 700 ms pause.
  await page.clock.install();
  await rationale(page).click();
  for (let key = 0; key < 60; key++) {
    await page.keyboard.type(String(key % 10));
    await page.clock.runFor(100);
  }
  await expect.poll(() => storedRationale(server.dataDir), { timeout: 10_000 }).toMatch(/^0123456789012/);
});

test('a review file damaged behind the app’s back is set aside on the next save, the reviewer is told, and the backup survives a second damage and a restart', async ({ page, server }) => {
  await page.goto(server.url);
  await markAndRate(page);
  await rationale(page).fill('First reading.');
  await expectSaved(page);
  const [name] = (await readdir(join(server.dataDir, 'reviews'))).filter((file) => file.endsWith('.json'));
  const file = join(server.dataDir, 'reviews', name as string);

  await writeFile(file, randomBytes(2_000));
  await rationale(page).fill('Second reading, after the damage.');
  await expectSaved(page);
  const notice = page.getByRole('alert').filter({ hasText: 'was changed on disk while Factmark had it open' });
  await expect(notice).toContainText('it was damaged', { timeout: 8_000 });
  await expect(notice).toContainText('.corrupt-');
  expect((await readdir(join(server.dataDir, 'reviews'))).some((entry) => entry.includes('.corrupt-'))).toBe(true);

  // Damaged again, and Factmark restarts: the last good copy comes back, with what was saved before the first damage.
  await writeFile(file, randomBytes(2_000));
  await server.kill();
  const restarted = await startServer(server.dataDir);
  try {
    await page.goto(restarted.url);
    await expect(page.getByRole('alert').filter({ hasText: 'last good copy was restored' })).toBeVisible();
    await page.getByRole('button', { name: 'Crime figures', exact: true }).click();
    await page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: /crime fell/ }).click();
    await expect(rationale(page)).toHaveValue('First reading.');
  } finally {
    await restarted.stop();
  }
});
