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

/** Selects the `occurrence`-th appearance of `text` in the article, as a drag with the mouse would. */
export async function selectInArticle(page: Page, text: string, occurrence = 0): Promise<void> {
  const found = await page.evaluate(
    ({ text: wanted, occurrence: nth }) => {
      const editor = document.querySelector('.article-editor');
      if (!editor) return false;
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const full = nodes.map((node) => node.data).join('');
      let index = -1;
      for (let seen = 0; seen <= nth; seen++) {
        index = full.indexOf(wanted, index + 1);
        if (index < 0) return false;
      }
      const locate = (offset: number, preferEnd: boolean): [Text, number] => {
        let passed = 0;
        for (const node of nodes) {
          const end = passed + node.data.length;
          if (offset < end || (preferEnd && offset === end)) return [node, offset - passed];
          passed = end;
        }
        const last = nodes[nodes.length - 1] as Text;
        return [last, last.data.length];
      };
      const [startNode, startOffset] = locate(index, false);
      const [endNode, endOffset] = locate(index + wanted.length, true);
      (editor as HTMLElement).focus();
      window.getSelection()?.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
      return true;
    },
    { text, occurrence },
  );
  expect(found, `"${text}" should be in the article`).toBe(true);
  // ProseMirror reads the DOM selection on selectionchange, later under load: wait until the editor's own selection holds the words.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const editor = (document.querySelector('.article-editor') as (HTMLElement & { editor?: { state: { selection: { from: number; to: number }; doc: { textBetween(from: number, to: number, separator: string): string } } } }) | null)?.editor;
        if (!editor) return null;
        const { from, to } = editor.state.selection;
        return editor.state.doc.textBetween(from, to, '\n');
      }),
    )
    .toBe(text);
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
