/** The reviewer's desk end to end: paste an article, mark overlapping claims, fill every field, and find it all again. */
import { startServer } from './support/factmark-server';
import { claimIdsOn, createReviewByPaste, expect, expectSaved, pasteHtml, selectInArticle, test } from './support/fixtures';

const ARTICLE = `
<h1>Budget day: what the minister said</h1>
<p>The minister said unemployment fell to 3.4 percent last year, the lowest rate since 1970.</p>
<p>She added that <strong>wages rose faster than prices</strong> and that the deficit was halved.</p>
<ul><li>Housing starts doubled.</li><li>Exports reached a record.</li></ul>
<p>Read the <a href="https://example.org/speech">full speech</a>.</p>`;

test('keeps three claims, two overlapping, with every field and two evidence links across a reload and a killed server', async ({ page, server, outsideRequests }) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Budget speech check', ARTICLE, 'https://news.example.com/budget');
  const editor = page.getByRole('textbox', { name: 'Article text', exact: true });
  await expect(editor.getByRole('heading', { name: 'Budget day: what the minister said' })).toBeVisible();
  await expect(editor.locator('strong')).toHaveText('wages rose faster than prices');
  await expect(editor.locator('li')).toHaveCount(2);
  await expect(editor.getByRole('link', { name: 'full speech' })).toHaveAttribute('href', 'https://example.org/speech');

  await selectInArticle(page, 'unemployment fell to 3.4 percent');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await selectInArticle(page, '3.4 percent last year');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await selectInArticle(page, 'the deficit was halved');
  await page.getByRole('button', { name: /Mark claim/ }).click();

  const claimList = page.getByRole('navigation', { name: 'Claims' });
  await expect(claimList.getByRole('listbox').getByRole('option')).toHaveCount(3);
  await expect(claimList.getByRole('listbox').getByRole('option').nth(0)).toContainText('unemployment fell to 3.4 percent');
  await expect(claimList.getByRole('listbox').getByRole('option').nth(1)).toContainText('3.4 percent last year');
  expect(await claimIdsOn(page, '3.4')).toHaveLength(2);

  await claimList.getByRole('listbox').getByRole('option', { name: /unemployment fell/ }).click();
  const panel = page.getByRole('complementary', { name: 'Claim details' });
  await panel.getByRole('radio', { name: 'Mostly false' }).check();
  await panel.getByLabel('Rationale').fill('Official statistics show 3.9 percent.\nThe 3.4 figure is for one month only.');
  await panel.getByLabel('Claimant').fill('Finance minister Jane Doe');
  await panel.getByLabel('Claim date').fill('2026-03-14');
  await panel.getByLabel('Where it appeared').fill('https://parliament.example/hansard/2026-03-14');
  await panel.getByLabel('Status').selectOption('reviewed');
  await panel.getByRole('textbox', { name: 'Tags' }).fill('economy');
  await page.keyboard.press('Enter');
  await panel.getByRole('textbox', { name: 'Tags' }).fill('labour');
  await page.keyboard.press('Enter');
  for (const url of ['https://stats.example.gov/unemployment-2025', 'https://archive.example.org/1970-labour-survey']) {
    await panel.getByLabel('Add a source').fill(url);
    await panel.getByRole('button', { name: 'Add evidence' }).click();
  }
  const sources = panel.locator('.evidence-item');
  await expect(sources).toHaveCount(2);
  await sources.nth(0).getByLabel('Title').fill('Labour force survey 2025');
  await sources.nth(0).getByLabel('Stance').selectOption('refutes');
  await sources.nth(0).getByLabel('Note').fill('Table 3, annual average.');
  await sources.nth(0).getByLabel('Accessed').fill('2026-03-15');
  await sources.nth(1).getByLabel('Title').fill('1970 survey');
  await sources.nth(1).getByLabel('Stance').selectOption('supports');
  await expectSaved(page);

  const verify = async (): Promise<void> => {
    const list = page.getByRole('navigation', { name: 'Claims' });
    await expect(list.getByRole('listbox').getByRole('option')).toHaveCount(3);
    await expect(list.getByRole('listbox').getByRole('option').nth(0)).toContainText('Mostly false');
    await expect(list.getByRole('listbox').getByRole('option').nth(0)).toContainText('Reviewed');
    await list.getByRole('listbox').getByRole('option', { name: /unemployment fell/ }).click();
    const details = page.getByRole('complementary', { name: 'Claim details' });
    await expect(details.getByRole('radio', { name: 'Mostly false' })).toBeChecked();
    await expect(details.getByLabel('Rationale')).toHaveValue('Official statistics show 3.9 percent.\nThe 3.4 figure is for one month only.');
    await expect(details.getByLabel('Claimant')).toHaveValue('Finance minister Jane Doe');
    await expect(details.getByLabel('Claim date')).toHaveValue('2026-03-14');
    await expect(details.getByLabel('Where it appeared')).toHaveValue('https://parliament.example/hansard/2026-03-14');
    await expect(details.getByLabel('Status')).toHaveValue('reviewed');
    await expect(details.getByRole('list', { name: 'Tags of this claim' })).toHaveText(/economy.*labour/);
    const items = details.locator('.evidence-item');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0).getByLabel('Address')).toHaveValue('https://stats.example.gov/unemployment-2025');
    await expect(items.nth(0).getByLabel('Title')).toHaveValue('Labour force survey 2025');
    await expect(items.nth(0).getByLabel('Stance')).toHaveValue('refutes');
    await expect(items.nth(0).getByLabel('Note')).toHaveValue('Table 3, annual average.');
    await expect(items.nth(0).getByLabel('Accessed')).toHaveValue('2026-03-15');
    await expect(items.nth(1).getByLabel('Stance')).toHaveValue('supports');
    expect(await claimIdsOn(page, '3.4')).toHaveLength(2);
  };

  await page.reload();
  await verify();

  // Killed, not stopped: what was acknowledged as saved must survive a crash.
  await server.kill();
  const restarted = await startServer(server.dataDir);
  try {
    await page.goto(restarted.url);
    await expect(page.getByRole('button', { name: 'Budget speech check', exact: true })).toBeVisible();
    await expect(page.getByRole('row', { name: /Budget speech check/ })).toContainText('1 Mostly false');
    await page.getByRole('button', { name: 'Budget speech check', exact: true }).click();
    await verify();
  } finally {
    await restarted.stop();
  }
  expect(outsideRequests).toEqual([]);
});

test('deleting a claim removes its highlight and leaves the claim overlapping it', async ({ page, server }) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Overlap', ARTICLE);
  await selectInArticle(page, 'unemployment fell to 3.4 percent');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  const [first] = await claimIdsOn(page, 'unemployment');
  await selectInArticle(page, '3.4 percent last year');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  const second = (await claimIdsOn(page, 'last year'))[0];
  expect(first).toBeTruthy();
  expect(second).toBeTruthy();

  await page.getByRole('complementary', { name: 'Claim details' }).getByRole('button', { name: 'Delete claim' }).click();
  await expect(page.locator(`[data-claim-id="${second}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-claim-id="${first}"]`)).toHaveText('unemployment fell to 3.4 percent');
  await expect(page.getByRole('listbox', { name: 'Claims' }).getByRole('option')).toHaveCount(1);

  // Undo brings the claim back; the deletion is then saved only once redone.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => claimIdsOn(page, 'last year')).toEqual([second]);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator(`[data-claim-id="${second}"]`)).toHaveCount(0);
  await expectSaved(page);
  await page.reload();
  await expect(page.locator(`[data-claim-id="${first}"]`)).toHaveCount(1);
  await expect(page.locator(`[data-claim-id="${second}"]`)).toHaveCount(0);
});

test('undo and redo walk back through marking, verdicts and field edits in the order done, leaving no claim without words', async ({ page, server }) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Undo', ARTICLE);
  const highlight = page.locator('.article-editor [data-claim-id]');
  const panel = page.getByRole('complementary', { name: 'Claim details' });
  const attention = page.getByRole('region', { name: 'Needs attention', exact: true });
  await selectInArticle(page, 'Housing starts doubled');
  await page.keyboard.press('Control+Alt+m');
  await expect(highlight).toHaveCount(1);
  await page.keyboard.press('Alt+4');
  await expect(panel.getByRole('radio', { name: 'Mostly false' })).toBeChecked();
  await panel.getByLabel('Claimant').fill('Housing minister');
  await page.getByRole('textbox', { name: 'Article text', exact: true }).click();

  // Back: the claimant, then the verdict, then the marking itself; the claim never loses its words.
  await page.keyboard.press('Control+z');
  await expect(panel.getByLabel('Claimant')).toHaveValue('');
  await expect(highlight).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(panel.getByRole('radio', { name: 'Mostly false' })).not.toBeChecked();
  await expect(highlight).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(highlight).toHaveCount(0);
  await expect(attention).toHaveCount(0);
  await expect(page.getByRole('listbox', { name: 'Claims' }).getByRole('option')).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: /text deleted/ })).toHaveCount(0);

  // Forward again: the same claim with its verdict and claimant.
  await page.keyboard.press('Control+Shift+z');
  await expect(highlight).toHaveText('Housing starts doubled');
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: /Housing starts doubled/ }).click();
  await expect(panel.getByRole('radio', { name: 'Mostly false' })).toBeChecked();
  await expect(panel.getByLabel('Claimant')).toHaveValue('Housing minister');
  await expectSaved(page);
  await page.reload();
  await page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: /Housing starts doubled/ }).click();
  await expect(panel.getByRole('radio', { name: 'Mostly false' })).toBeChecked();
  await expect(attention).toHaveCount(0);
});

test('typing in the article keeps claims on their words', async ({ page, server }) => {
  await page.goto(server.url);
  await createReviewByPaste(page, 'Edits', ARTICLE);
  await selectInArticle(page, 'the deficit was halved');
  await page.getByRole('button', { name: /Mark claim/ }).click();
  await page.getByRole('button', { name: 'Edit text' }).click();
  await selectInArticle(page, 'She added');
  await page.keyboard.type('Yesterday she added');
  await page.keyboard.press('Home');
  await page.keyboard.type('NEW TEXT ');
  await expect(page.locator('.article-editor [data-claim-id]')).toHaveText('the deficit was halved');
  await expectSaved(page);
  await page.reload();
  await expect(page.locator('.article-editor [data-claim-id]')).toHaveText('the deficit was halved');
  await expect(page.getByRole('textbox', { name: 'Article text', exact: true })).toContainText('NEW TEXT Yesterday she added');
});

test('pasted HTML loses scripts, event handlers and remote images, and nothing is fetched', async ({ page, server, outsideRequests }) => {
  await page.goto(server.url);
  await createReviewByPaste(
    page,
    'Hostile paste',
    '<p onmouseover="window.pwned=1">Claim text <img src="https://tracker.example/p.gif" onerror="window.pwned=2"> here.</p>' +
      '<script>window.pwned=3</script><iframe src="https://evil.example/"></iframe><p><a href="javascript:window.pwned=4">click</a></p>',
  );
  const editor = page.getByRole('textbox', { name: 'Article text', exact: true });
  await expect(editor).toContainText('Claim text here.');
  await expect(editor.locator('img, script, iframe, [onmouseover], [onerror]')).toHaveCount(0);
  await expect(editor.locator('a[href^="javascript"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit text' }).click();
  await editor.click();
  await pasteHtml(page, '<p>More <img src="https://tracker.example/q.gif"> <b onclick="window.pwned=5">bold</b></p>');
  await expect(editor).toContainText('bold');
  await expect(editor.locator('img, [onclick]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(outsideRequests).toEqual([]);
});
