/** Playwright fixtures: a fresh data folder and server per test, and helpers that act as a reviewer would. */
import { test as base, expect, type Page } from '@playwright/test';
import { makeDataDir, startServer, type RunningServer } from './factmark-server';

export const test = base.extend<{ server: RunningServer; outsideRequests: string[] }>({
  server: async ({}, use) => {
    const server = await startServer(await makeDataDir());
    await use(server);
    await server.stop();
  },
  // Every request the page makes that does not go to the app's own loopback server.
  outsideRequests: async ({ page, server }, use) => {
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('http://127.0.0.1:') && !url.startsWith('data:')) outside.push(url);
    });
    await use(outside);
    void server;
  },
});
export { expect };

/** Pastes `html` (with `text` as its plain form) into the element that has focus, as a clipboard paste does. */
export async function pasteHtml(page: Page, html: string, text = ''): Promise<void> {
  await page.evaluate(
    ({ html: pastedHtml, text: pastedText }) => {
      const data = new DataTransfer();
      data.setData('text/html', pastedHtml);
      data.setData('text/plain', pastedText);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

/** Creates a review through the New review dialog by pasting `html`. */
export async function createReviewByPaste(page: Page, title: string, html: string, sourceUrl = ''): Promise<void> {
  await page.getByRole('button', { name: 'New review' }).click();
  const dialog = page.getByRole('dialog', { name: 'New review' });
  await dialog.getByLabel('Title').fill(title);
  if (sourceUrl) await dialog.getByLabel('Source address (optional)').fill(sourceUrl);
  await dialog.getByRole('textbox', { name: 'Article text (paste here)' }).click();
  await pasteHtml(page, html);
  await dialog.getByRole('button', { name: 'Create review' }).click();
  await expect(page.getByRole('textbox', { name: 'Article text', exact: true })).toBeVisible();
}

/**
 * Selects the `occurrence`-th appearance of `text` in the article, through the editor's own
 * selection (as a drag ends up). Setting a DOM selection instead and waiting for ProseMirror to
 * read it raced with redraws under load (a claim's highlight changing, another window's save
 * arriving): the browser moved the selection before the editor read it, and a claim was marked
 * on the wrong words.
 */
export async function selectInArticle(page: Page, text: string, occurrence = 0): Promise<void> {
  const selected = await page.evaluate(
    ({ text: wanted, occurrence: nth }) => {
      interface TextNode {
        isText: boolean;
        text?: string;
      }
      interface EditorHandle {
        state: {
          doc: { descendants(visit: (node: TextNode, pos: number) => boolean | void): void; textBetween(from: number, to: number, separator: string): string };
          selection: { from: number; to: number };
        };
        chain(): { focus(): { setTextSelection(range: { from: number; to: number }): { run(): boolean } } };
      }
      const editor = (document.querySelector('.article-editor') as (HTMLElement & { editor?: EditorHandle }) | null)?.editor;
      if (!editor) return null;
      // The document's text with each character's position: text runs in order, with a break between blocks.
      let flat = '';
      const positions: number[] = [];
      let lastEnd = -1;
      editor.state.doc.descendants((node, pos) => {
        if (!node.isText) return true;
        if (lastEnd >= 0 && pos !== lastEnd) {
          flat += '\n';
          positions.push(-1);
        }
        for (let index = 0; index < (node.text ?? '').length; index++) positions.push(pos + index);
        flat += node.text ?? '';
        lastEnd = pos + (node.text ?? '').length;
        return false;
      });
      let index = -1;
      for (let seen = 0; seen <= nth; seen++) {
        index = flat.indexOf(wanted, index + 1);
        if (index < 0) return null;
      }
      const from = positions[index] as number;
      const to = (positions[index + wanted.length - 1] as number) + 1;
      editor.chain().focus().setTextSelection({ from, to }).run();
      const { selection } = editor.state;
      return editor.state.doc.textBetween(selection.from, selection.to, '\n');
    },
    { text, occurrence },
  );
  expect(selected, `"${text}" should be in the article`).toBe(text);
}

/** The claim ids whose highlight covers the given words. */
export async function claimIdsOn(page: Page, text: string): Promise<string[]> {
  return page.evaluate((wanted) => {
    const spans = [...document.querySelectorAll('.article-editor [data-claim-id]')];
    const ids = new Set<string>();
    for (const span of spans) if (span.textContent?.includes(wanted)) ids.add(span.getAttribute('data-claim-id') ?? '');
    return [...ids];
  }, text);
}

/** Waits until the review's changes are on disk. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved/, { timeout: 15_000 });
}

/**
 * Opens claim `claimId` of review `reviewId` at its own address, afresh so an interface language
 * set through the API (Arabic here) takes effect, and shows the claim panel: F6 opens it once the
 * desk has the review (a key pressed while it loads goes nowhere), so it is pressed until it does.
 */
export async function openClaimAfreshInArabic(page: Page, serverUrl: string, reviewId: string, claimId: string): Promise<void> {
  await page.goto(`${serverUrl}#/review/${reviewId}/claim/${claimId}`);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const detailsToggle = page.getByRole('button', { name: 'تفاصيل الادعاء' });
  await expect(async () => {
    if ((await detailsToggle.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('F6');
    await expect(detailsToggle).toHaveAttribute('aria-expanded', 'true', { timeout: 1_000 });
  }).toPass();
}
