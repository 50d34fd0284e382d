/** Web addresses as a reviewer types and pastes them: one rule, the stored form shown, nothing pointing at the app. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';

async function storedReview(dataDir: string): Promise<{ sourceUrl: string; claims: Array<{ appearanceUrl: string; evidence: Array<{ url: string }> }>; doc: unknown }> {
  const [file] = (await readdir(join(dataDir, 'reviews'))).filter((name) => name.endsWith('.json'));
  return (JSON.parse(await readFile(join(dataDir, 'reviews', file as string), 'utf8')) as { review: Awaited<ReturnType<typeof storedReview>> }).review;
}

test('an address typed without https:// is kept with it and says so; a non-address is refused and nothing is added', async ({ page, server, outsideRequests }) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Addresses', '<p>The port handled two cargo flights a day.</p>', 'news.example.com/port');
  await selectInArticle(page, 'two cargo flights');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  const panel = page.getByRole('complementary', { name: 'Claim details' });

  const newSource = panel.getByLabel('Add a source');
  for (const hostile of ['http:/x', 'http://evil.example/"><img src=x onerror=alert(4)>', 'javascript:alert(1)']) {
    await newSource.fill(hostile);
    await panel.getByRole('button', { name: 'Add evidence' }).click();
    await expect(panel.getByRole('alert')).toContainText(`“${hostile.slice(0, 20)}`);
  }
  await expect(panel.locator('.evidence-item')).toHaveCount(0);

  await newSource.fill('www.example.com');
  await panel.getByRole('button', { name: 'Add evidence' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Added as' })).toHaveText('Added as https://www.example.com/');
  await expect(panel.locator('.evidence-item').getByLabel('Address')).toHaveValue('https://www.example.com/');

  const appeared = panel.getByLabel('Where it appeared');
  await appeared.fill('parliament.example/hansard');
  await appeared.press('Enter');
  await expect(panel.getByRole('status').filter({ hasText: 'Kept as' })).toHaveText('Kept as https://parliament.example/hansard');
  await appeared.fill('http:/x');
  await appeared.press('Tab');
  await expect(panel.getByRole('alert')).toContainText('not saved until it is a web address');
  await expectSaved(page);

  const review = await storedReview(server.dataDir);
  expect(review.sourceUrl).toBe('https://news.example.com/port');
  expect(review.claims[0]?.appearanceUrl).toBe('https://parliament.example/hansard');
  expect(review.claims[0]?.evidence.map((item) => item.url)).toEqual(['https://www.example.com/']);
  expect(outsideRequests).toEqual([]);
});

test('pasted relative links are resolved against the source address, or dropped when there is none; none point at the app', async ({ page, server }) => {
  const html = '<p>See <a href="/news/today">the report</a> and <a href="//cdn.example.org/x">the data</a>.</p>';
  await page.goto(server.url);
  await createReviewByPaste(page, 'With a source', html, 'https://outlet.example.com/politics/story');
  const editor = page.getByRole('textbox', { name: 'Article text', exact: true });
  await expect(editor.getByRole('link', { name: 'the report' })).toHaveAttribute('href', 'https://outlet.example.com/news/today');
  await expect(editor.getByRole('link', { name: 'the data' })).toHaveAttribute('href', 'https://cdn.example.org/x');

  await page.getByRole('button', { name: 'Back to the library' }).click();
  await createReviewByPaste(page, 'Without a source', html);
  await expect(editor).toContainText('See the report and the data.');
  await expect(editor.getByRole('link', { name: 'the report' })).toHaveCount(0);
  await expectSaved(page);

  const stored = await Promise.all((await readdir(join(server.dataDir, 'reviews'))).filter((name) => name.endsWith('.json')).map((name) => readFile(join(server.dataDir, 'reviews', name), 'utf8')));
  const origin = new URL(server.url).origin;
  for (const text of stored) expect(text).not.toContain(origin);
  expect(stored.join('')).not.toContain('127.0.0.1');
});
