/**
 * `npm run bench` (second part): what claims cost in the real renderer. Opens a ~1 MB article
 * with no claims and the same article with 5,000 overlapping claims in Chromium, over the real
 * services, and prints the time to a usable desk and per keystroke, and their ratios, from one run.
 */
import { chromium, type Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import type { DocNode } from '../../shared/model/article-doc';
import { newClaim, type Claim } from '../../shared/model/claim';
import { LibraryStore } from '../../electron/services/library';
import { chromiumExecutable } from '../support/chromium';
import { makeDataDir, startServer } from '../support/factmark-server';

const PARAGRAPHS = 2_500;
const CLAIMS = 5_000;
const SENTENCE = 'The ministry said unemployment fell to 3.4 percent last year, the lowest rate since 1970, and wages rose. ';

/** ~1 MB of text; with claims, two overlapping claims per paragraph. */
function article(withClaims: boolean): { doc: DocNode & { type: 'doc' }; claims: Claim[] } {
  const claims: Claim[] = [];
  const content: DocNode[] = [];
  for (let index = 0; index < PARAGRAPHS; index++) {
    const first = `claim-a-${index.toString().padStart(6, '0')}`;
    const second = `claim-b-${index.toString().padStart(6, '0')}`;
    const mark = (ids: string[]) => (withClaims ? { marks: ids.map((claimId) => ({ type: 'claim', attrs: { claimId } })) } : {});
    if (withClaims && claims.length < CLAIMS) claims.push(newClaim(first, '2026-01-01T00:00:00.000Z'), { ...newClaim(second, '2026-01-01T00:00:00.000Z'), verdictId: 'false' });
    content.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: SENTENCE.repeat(2) },
        { type: 'text', text: SENTENCE, ...mark([first]) },
        { type: 'text', text: SENTENCE, ...mark([first, second]) },
        { type: 'text', text: SENTENCE, ...mark([second]) },
        { type: 'text', text: SENTENCE.repeat(2) },
      ],
    });
  }
  return { doc: { type: 'doc', content }, claims };
}

async function openTime(page: Page, url: string, claimCount: number): Promise<number> {
  await page.goto('about:blank');
  const started = performance.now();
  await page.goto(url);
  await page.waitForFunction(
    ({ paragraphs, claims }) =>
      document.querySelectorAll('.article-editor p').length === paragraphs && document.querySelectorAll('.claim-list > li').length === claims,
    { paragraphs: PARAGRAPHS, claims: claimCount },
    { timeout: 120_000, polling: 50 },
  );
  return performance.now() - started;
}

async function keystrokeTime(page: Page): Promise<number> {
  await page.locator('.article-editor p').nth(PARAGRAPHS / 2).click();
  const keys = 40;
  const started = performance.now();
  for (let key = 0; key < keys; key++) {
    await page.keyboard.press('x');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
  }
  return (performance.now() - started) / keys;
}

const dataDir = await makeDataDir();
const store = await LibraryStore.open(dataDir);
const ids: Record<'plain' | 'claims', string> = { plain: '', claims: '' };
for (const kind of ['plain', 'claims'] as const) {
  const { doc, claims } = article(kind === 'claims');
  const review = await store.createReview({ title: kind, sourceUrl: '', origin: { kind: 'paste' }, doc });
  await store.saveReview({ id: review.id, baseRevision: review.revision, doc, claims });
  ids[kind] = review.id;
}
await store.close();

const server = await startServer(dataDir);
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const results: Record<string, { open: number; key: number }> = {};
  for (const kind of ['plain', 'claims'] as const) {
    const url = `${server.url}#/review/${ids[kind]}`;
    const opens = [];
    for (let run = 0; run < 3; run++) opens.push(await openTime(page, url, kind === 'claims' ? CLAIMS : 0));
    opens.sort((left, right) => left - right);
    results[kind] = { open: opens[1] ?? 0, key: await keystrokeTime(page) };
  }
  const plain = results.plain as { open: number; key: number };
  const claims = results.claims as { open: number; key: number };
  console.log(`Editor with a ${(SENTENCE.length * 7 * PARAGRAPHS / 1e6).toFixed(1)} MB article (median of 3 opens; 40 keystrokes each)`);
  console.log(`  no claims:        open ${plain.open.toFixed(0)} ms, ${plain.key.toFixed(1)} ms per keystroke`);
  console.log(`  ${CLAIMS} claims:      open ${claims.open.toFixed(0)} ms, ${claims.key.toFixed(1)} ms per keystroke`);
  console.log(`  ratio claims/none: open ${(claims.open / plain.open).toFixed(2)}×, keystroke ${(claims.key / plain.key).toFixed(2)}×`);
} finally {
  await browser.close();
  await server.stop();
}
