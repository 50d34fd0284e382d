/** The library: new review from a file, rename, delete after asking, and counts per verdict. */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startServer } from './support/factmark-server';
import { createReviewByPaste, expect, test } from './support/fixtures';

test('opens a Markdown file as a new review with its structure', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New review' }).click();
  const dialog = page.getByRole('dialog', { name: 'New review' });
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'council-notes.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# Council meeting\n\nThe mayor said **crime fell by 20%**.\n\n- first\n- second\n'),
  });
  await dialog.getByRole('button', { name: 'Create review' }).click();
  await expect(page.locator('.desk-title h1')).toHaveText('Council meeting');
  const editor = page.getByRole('textbox', { name: 'Article text', exact: true });
  await expect(editor.getByRole('heading', { name: 'Council meeting' })).toBeVisible();
  await expect(editor.locator('strong')).toHaveText('crime fell by 20%');
  await expect(editor.locator('li')).toHaveCount(2);
});

test('refuses a file it cannot open, and a review without an article, with a clear message', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New review' }).click();
  const dialog = page.getByRole('dialog', { name: 'New review' });
  await dialog.getByLabel('Title').fill('Empty');
  await dialog.getByRole('button', { name: 'Create review' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Paste the article text');
  await dialog.locator('input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
  await dialog.getByRole('button', { name: 'Create review' }).click();
  await expect(dialog.getByRole('alert')).toContainText('photo.png: Factmark cannot open .png files');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No reviews yet')).toBeVisible();
});

test('renames a review and deletes it only after asking', async ({ page, server }) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Draft title', '<p>The river is 300 km long.</p>');
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await page.getByRole('button', { name: 'Rename Draft title' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename review' });
  await rename.getByLabel('Title').fill('River length claim');
  await rename.getByLabel('Source address').fill('not a url');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(rename.getByRole('alert')).toContainText('“not a url” is not a web address: it contains a space.');
  await rename.getByLabel('Source address').fill('https://paper.example/river');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'River length claim', exact: true })).toBeVisible();
  await expect(page.getByText('https://paper.example/river')).toBeVisible();

  await page.getByRole('button', { name: 'Delete River length claim' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this review?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'River length claim', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Delete River length claim' }).click();
  await confirm.getByRole('button', { name: 'Delete review' }).click();
  await expect(page.getByText('No reviews yet')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No reviews yet')).toBeVisible();
});

test('tells the reviewer when a damaged review file was replaced by its last good copy', async ({ page, server }) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Will be damaged', '<p>The bridge cost 2 million.</p>');
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await page.getByRole('button', { name: 'Rename Will be damaged' }).click();
  await page.getByRole('dialog', { name: 'Rename review' }).getByLabel('Title').fill('Renamed before damage');
  await page.getByRole('dialog', { name: 'Rename review' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Renamed before damage', exact: true })).toBeVisible();
  await server.stop();

  const reviews = join(server.dataDir, 'reviews');
  const [file] = (await readdir(reviews)).filter((name) => name.endsWith('.json'));
  await writeFile(join(reviews, file as string), '{"schemaVersion": 1, "review": {"id": "trunc');
  const restarted = await startServer(server.dataDir);
  try {
    await page.goto(restarted.url);
    await expect(page.getByRole('alert')).toContainText('was damaged');
    await expect(page.getByRole('alert')).toContainText('last good copy was restored');
    // The backup is the version before the rename.
    await expect(page.getByRole('button', { name: 'Will be damaged', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await restarted.stop();
  }
});

test('a Word file dropped on the window opens as a new review with its structure', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByText('No reviews yet')).toBeVisible();
  const docx = (await readFile(fileURLToPath(new URL('../electron/services/import/fixtures/council.docx', import.meta.url)))).toString('base64');
  await page.evaluate((base64) => {
    const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'council.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    document.querySelector('main')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, docx);
  const editor = page.getByRole('textbox', { name: 'Article text', exact: true });
  await expect(editor.getByRole('heading', { name: 'Council budget claims' })).toBeVisible();
  await expect(editor.locator('table td')).toHaveCount(6);
  await expect(editor.locator('li')).toHaveCount(2);
  await expect(editor).toContainText('قال الوزير إن الأسعار ارتفعت');
  await expect(page.getByRole('status').filter({ hasText: 'image was left out' })).toBeVisible();
});
