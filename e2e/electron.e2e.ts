/** The real Electron window, where an Electron binary exists (a user's machine); skipped with the reason elsewhere. */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectronBinary } from '../electron/launcher/electron-binary';

const root = fileURLToPath(new URL('..', import.meta.url));

const binary = installedElectronBinary();

test.describe('Electron window', () => {
  test.skip(!binary, 'No Electron binary in node_modules/electron/dist (it cannot be downloaded on this machine); run `npx install-electron` or `node node_modules/electron/install.js` where the network allows, then npm test.');

  test('opens the library in a sandboxed, isolated window and keeps a review across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-electron-'));
    const launch = () => electron.launch({ executablePath: binary, args: [root, '--data-dir', dataDir], cwd: root });
    let app = await launch();
    let window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Reviews' })).toBeVisible();
    // Isolated and sandboxed: the page sees neither Node's require/process nor Electron, only the API functions.
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((globalThis as unknown as { factmark: object }).factmark).every((key) => key.includes(':')))).toBe(true);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');

    await window.getByRole('button', { name: 'New review' }).click();
    await window.getByLabel('Title').fill('Electron review');
    await window.getByRole('textbox', { name: 'Article text (paste here)' }).fill('Prices doubled in ten years.');
    await window.getByRole('button', { name: 'Create review' }).click();
    await expect(window.getByRole('textbox', { name: 'Article text', exact: true })).toContainText('Prices doubled');
    await app.close();

    app = await launch();
    window = await app.firstWindow();
    await expect(window.getByRole('button', { name: 'Electron review', exact: true })).toBeVisible();
    await app.close();
  });
});
