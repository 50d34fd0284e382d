/**
 * The desk in any window (#12): at 320 px, 700 px, 1400 px and zoomed to 200 % and 400 % the review desk
 * reflows without sideways scrolling (WCAG 1.4.10), keeps the save state in view and whole words in
 * the article, and turns its side panels into toolbar toggles; the library and the dialogs fit 320 px.
 */
import { join } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expectNoSeriousA11yProblems } from './support/a11y';
import { createReviewByPaste, expect, expectSaved, selectInArticle, test } from './support/fixtures';
import { expectDialogContentFits, expectNoSidewaysScroll, expectWithinViewport, overlaps, visibleBoxes, wordsBrokenAcrossLines } from './support/layout';

const ARTICLE =
  '<h1>Budget day: what the minister said — الميزانية العامة</h1>' +
  '<p>The minister said unemployment fell to 3.4 percent last year, the lowest rate since 1970, and that wages rose faster than prices.</p>' +
  '<p>قال وزير المالية إن معدل البطالة انخفض إلى ثلاثة بالمئة في العام الماضي، وإن الأجور ارتفعت أسرع من الأسعار بكثير.</p>' +
  '<p>The IMF report (صندوق النقد الدولي) disagrees with these figures: <a href="https://www.imf.org/en/Publications/WEO/Issues/2026/04/14/world-economic-outlook-april">the outlook</a>.</p>';
const TITLE = 'Budget speech check — مراجعة الميزانية العامة';
const SOURCE = 'https://news.example.com/2026/03/14/budget-day-what-the-minister-said-about-unemployment-and-wages?utm_source=newsletter';
const CLAIMS = ['unemployment fell to 3.4 percent', 'البطالة انخفض إلى ثلاثة بالمئة', 'wages rose faster than prices'];

/** A window as a reviewer has it: its size in CSS pixels, and the zoom (device pixels per CSS pixel). */
interface DeskWindow {
  name: string;
  width: number;
  height: number;
  zoom: number;
}

const WINDOWS: DeskWindow[] = [
  { name: '320', width: 320, height: 640, zoom: 1 },
  { name: '700', width: 700, height: 800, zoom: 1 },
  { name: '1400', width: 1400, height: 900, zoom: 1 },
  // A 1400×900 window at 200 %, and a 1280×1024 screen at 400 % (the WCAG reflow case).
  { name: 'zoom200', width: 700, height: 450, zoom: 2 },
  { name: 'zoom400', width: 320, height: 256, zoom: 4 },
];

/** Below this width the side panels are toggles (the breakpoint in app.css). */
const NARROW = 900;

/** What the desk's toolbar shows: its buttons, the title, the address and the save state. */
const TOOLBAR_ITEMS = 'button, h1, .source-url, [data-testid="save-status"]';

/** Where the screenshots go: test-results/, beside Playwright's own output. */
function screenshotPath(testInfo: TestInfo, name: string): string {
  return join(testInfo.project.outputDir, `responsive-${name}.png`);
}

/** The toggle named `name` shows and hides `panel` from the mouse and the keyboard, and Escape hides it. */
async function expectToggleWorks(page: Page, name: RegExp, panel: Locator): Promise<void> {
  const toggle = page.getByRole('button', { name });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(panel).toBeVisible();
  // The panel lies over the article, inside the window (it scrolls within itself when taller).
  await expectWithinViewport(page, panel, 'the opened panel');
  expect(await panel.evaluate((element) => element.contains(document.activeElement)), 'opening a panel moves the focus into it').toBe(true);
  await expectNoSidewaysScroll(page, 'with a panel open');

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle, 'Escape gives the focus back to the toggle').toBeFocused();
  // The focus is visible: a focus ring of its own, not the browser's faint default.
  expect(await toggle.evaluate((element) => element.matches(':focus-visible') && getComputedStyle(element).outlineStyle !== 'none' && parseFloat(getComputedStyle(element).outlineWidth) >= 2)).toBe(true);

  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await toggle.click();
  await expect(panel).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
}

for (const size of WINDOWS) {
  test.describe(`a ${size.width}×${size.height} px window at ${size.zoom * 100} %`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.zoom });

    test('the desk reflows: no sideways scroll, the save state in view, whole words, and the side panels a toggle away', async ({ page, server }, testInfo) => {
      await page.goto(server.url);
      await createReviewByPaste(page, TITLE, ARTICLE, SOURCE);
      for (const quote of CLAIMS) {
        await selectInArticle(page, quote);
        await page.getByRole('button', { name: /Mark claim/ }).click();
      }
      await expectSaved(page);

      await expectNoSidewaysScroll(page, 'on the desk');
      await expectWithinViewport(page, page.getByTestId('save-status'), 'the save state');
      const articleWidth = (await page.getByRole('main', { name: 'Article' }).boundingBox())?.width ?? 0;
      expect(articleWidth, 'the article column keeps a readable width').toBeGreaterThanOrEqual(Math.min(300, size.width - 20));

      const toolbar = await visibleBoxes(page.locator('.desk-toolbar'), TOOLBAR_ITEMS);
      expect(overlaps(toolbar)).toEqual([]);
      for (const box of toolbar) expect(box.right, `“${box.label}” is cut off on the right`).toBeLessThanOrEqual(size.width + 0.5);

      // Prose never breaks inside a word (Arabic letters must stay joined); only addresses may.
      const editor = page.getByRole('textbox', { name: 'Article text', exact: true });
      for (const prose of [editor, editor.locator('p').nth(1)]) {
        const style = await prose.evaluate((element) => ({ wordBreak: getComputedStyle(element).wordBreak, overflowWrap: getComputedStyle(element).overflowWrap }));
        expect(style.wordBreak).not.toBe('break-all');
        expect(style.overflowWrap).not.toBe('anywhere');
      }
      expect(await wordsBrokenAcrossLines(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(testInfo, size.name) });

      const claims = page.getByRole('navigation', { name: 'Claims' });
      const details = page.getByRole('complementary', { name: 'Claim details' });
      if (size.width > NARROW) {
        // Wide: both panels beside the article, no toggles.
        await expect(claims).toBeVisible();
        await expect(details).toBeVisible();
        await expect(page.getByRole('button', { name: /^Claims/ })).toHaveCount(0);
        const [list, article, panel] = await Promise.all([claims, page.getByRole('main', { name: 'Article' }), details].map((region) => region.boundingBox()));
        expect(list && article && panel && list.x + list.width <= article.x + 0.5 && article.x + article.width <= panel.x + 0.5).toBe(true);
        return;
      }

      await expectNoSeriousA11yProblems(page);
      await expectToggleWorks(page, /^Claims/, claims);
      await expectToggleWorks(page, /^Claim details$/, details);

      // Choosing a claim in the list steps aside to show it; its details are a toggle away.
      await page.getByRole('button', { name: /^Claims/ }).click();
      await expect(claims.getByRole('listbox').getByRole('option')).toHaveCount(CLAIMS.length);
      await page.screenshot({ path: screenshotPath(testInfo, `${size.name}-claims`) });
      await claims.getByRole('listbox').getByRole('option', { name: /البطالة/ }).click();
      await expect(claims).toBeHidden();
      await page.getByRole('button', { name: /^Claim details$/ }).click();
      await expect(details.getByRole('heading', { name: /^Claim #/ })).toBeVisible();
      await expect(details.locator('blockquote')).toHaveText(CLAIMS[1] as string);
      await details.getByRole('radio', { name: 'False', exact: true }).check();
      await page.screenshot({ path: screenshotPath(testInfo, `${size.name}-details`) });
      await page.keyboard.press('Escape');
      await expect(details).toBeHidden();

      // F6 still reaches the claim panel, showing it first.
      await page.keyboard.press('F6');
      await expect(details).toBeVisible();
      await expect(details).toBeFocused();
      await page.keyboard.press('Escape');

      // The tools folded under "More tools" are all reachable, and fold away again with Escape.
      const more = page.getByRole('button', { name: 'More tools' });
      await more.click();
      await expect(more).toHaveAttribute('aria-expanded', 'true');
      for (const name of ['↑ Previous', '↓ Next', 'Undo', 'Redo', 'Edit text', 'Compare with original', 'Share…', 'Export…']) {
        const button = page.getByRole('button', { name, exact: true });
        await button.scrollIntoViewIfNeeded();
        await expect(button).toBeInViewport({ ratio: 1 });
      }
      await page.locator('.desk-tools').evaluate((tools) => tools.scrollTo(0, 0));
      expect(overlaps(await visibleBoxes(page.locator('.desk-toolbar'), TOOLBAR_ITEMS))).toEqual([]);
      await expectNoSidewaysScroll(page, 'with more tools shown');
      await expectWithinViewport(page, page.getByTestId('save-status'), 'the save state with more tools shown');
      await page.screenshot({ path: screenshotPath(testInfo, `${size.name}-more`) });
      await page.getByRole('button', { name: 'Undo', exact: true }).focus();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeHidden();
      await expect(more).toBeFocused();
      await expectSaved(page);
    });
  });
}

/** Fails when the open dialog, or anything in it, is wider than the window or cut off; shows every button. */
async function expectDialogFits(page: Page, dialog: Locator, testInfo: TestInfo, name: string): Promise<void> {
  await expectDialogContentFits(page, dialog, name);
  await dialog.evaluate((element) => element.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(testInfo, `320-${name}`) });
}

test.describe('a 320 px window', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the library and the dialogs fit: no sideways scroll, nothing cut off, every button reachable', async ({ page, server }, testInfo) => {
    await page.goto(server.url);
    const newReview = page.getByRole('dialog', { name: 'New review' });
    await page.getByRole('button', { name: 'New review' }).click();
    await expectDialogFits(page, newReview, testInfo, 'new-review');
    await newReview.getByRole('button', { name: 'Cancel' }).click();

    await createReviewByPaste(page, TITLE, ARTICLE, SOURCE);
    await selectInArticle(page, CLAIMS[0] as string);
    await page.getByRole('button', { name: /Mark claim/ }).click();
    await expectSaved(page);

    await page.getByRole('button', { name: 'More tools' }).click();
    await page.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export review' });
    await expectDialogFits(page, exportDialog, testInfo, 'export');
    await page.keyboard.press('Escape');
    await expect(exportDialog).toBeHidden();

    await page.getByRole('button', { name: 'Share…' }).click();
    const share = page.getByRole('dialog', { name: 'Share review' });
    await expectDialogFits(page, share, testInfo, 'share');
    await share.getByLabel(/Your name/).fill('Ana');
    const [download] = await Promise.all([page.waitForEvent('download'), share.getByRole('button', { name: 'Save share file' }).click()]);
    const shareFile = testInfo.outputPath('review.factmark');
    await download.saveAs(shareFile);

    await page.getByRole('button', { name: 'Back to the library' }).click();
    await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'in the library');
    for (const button of await page.getByRole('main').getByRole('button').all()) {
      await button.scrollIntoViewIfNeeded();
      await expect(button).toBeInViewport({ ratio: 1 });
    }
    await page.screenshot({ path: screenshotPath(testInfo, '320-library') });

    await page.getByRole('button', { name: 'Preferences' }).click();
    await expectDialogFits(page, page.getByRole('dialog', { name: 'Preferences' }), testInfo, 'preferences');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: `Rename ${TITLE}` }).click();
    const rename = page.getByRole('dialog', { name: 'Rename review' });
    await expectDialogFits(page, rename, testInfo, 'rename');
    await rename.getByRole('button', { name: 'Cancel' }).click();

    // Deleted from the library, the shared review opens as a new one: the Open share file dialog.
    await page.getByRole('button', { name: `Delete ${TITLE}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this review?' });
    await expectDialogFits(page, confirm, testInfo, 'delete');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('button', { name: `Delete ${TITLE}` })).toHaveCount(0);
    await page.getByTestId('share-file-input').setInputFiles(shareFile);
    await expectDialogFits(page, page.getByRole('dialog', { name: 'Open share file' }), testInfo, 'open-share-file');
  });
});
