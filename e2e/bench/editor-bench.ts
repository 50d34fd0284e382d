/**
 * `npm run bench` (editor part, after `npm run build`): issue #14's renderer targets, measured
 * in the Chromium the e2e tests use (same flags, same viewport) over the real services. Three
 * interleaved rounds each open, weigh and type into: a 3,000-word review with 200 claims, a
 * ~1 MB review with none, the same with 5,000 overlapping claims, and a bare contenteditable
 * holding the same 1 MB of text. Then typing with autosave on the 5,000-claim review. Every
 * figure is printed with its reference from the same run (see keystroke-probe for how a key is
 * timed) and appended to bench-results.json.
 */
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import playwrightConfig from '../../playwright.config';
import { LibraryStore } from '../../electron/services/library';
import { reportFigures, type BenchFigure } from '../../electron/bench/bench-table';
import { makeDataDir, startServer } from '../support/factmark-server';
import { articleHtml, benchArticle, typingOffset, type BenchArticle } from './bench-article';
import { median, quantile } from './bench-stats';
import { bareParagraph, deskParagraph, openBarePage, openDesk, pageWeight, placeCaret, readArticleLayout, startEditingText, waitUntilSaved, type ArticleLayout } from './desk-page';
import { installKeyProbe, keysToType, timeTyping, type Rhythm } from './keystroke-probe';
import { measureAutosave, readSaveDelay } from './autosave-probe';

const ROUNDS = 3;
/** Keys per page, rhythm and round: 3 × 67 = 201 keys per page and rhythm. */
const KEYS_PER_ROUND = 67;
const RHYTHMS: readonly Rhythm[] = ['human', 'full speed'];

type Review = 'small' | 'none' | 'claims';
/** A review's desk, or a bare contenteditable holding a review's text. */
type Subject = Review | 'bare' | 'bare contained' | 'bare small';
const SUBJECTS: readonly Subject[] = ['small', 'none', 'claims', 'bare', 'bare contained', 'bare small'];
/** The review whose text each page holds. */
const TEXT_OF: Record<Subject, Review> = { small: 'small', none: 'none', claims: 'claims', bare: 'none', 'bare contained': 'none', 'bare small': 'small' };
const LABEL: Record<Subject, string> = {
  small: '3,000 words, 200 claims',
  none: '1 MB, no claims',
  claims: '1 MB, 5,000 claims',
  bare: 'bare contenteditable, 1 MB',
  'bare contained': 'bare contenteditable, 1 MB, blocks drawn near the screen',
  'bare small': 'bare contenteditable, 3,000 words',
};

const articles: Record<Review, BenchArticle> = {
  small: benchArticle({ paragraphs: 42, sentencesPerParagraph: 4, claims: 200 }),
  none: benchArticle({ paragraphs: 2_500, sentencesPerParagraph: 4, claims: 0 }),
  claims: benchArticle({ paragraphs: 2_500, sentencesPerParagraph: 4, claims: 5_000 }),
};
/**
 * The paragraph typed into in `round` (the autosave part is round ROUNDS): one per round near
 * the middle, so each round types into a paragraph as it was stored, not one grown by earlier rounds.
 */
const paragraphIndex = (subject: Subject, round: number): number => Math.floor(articles[TEXT_OF[subject]].paragraphTexts.length / 2) + round;
const offsetIn = (subject: Subject, round: number): number => typingOffset(articles[TEXT_OF[subject]].paragraphTexts[paragraphIndex(subject, round)] as string);

/** Stores the three reviews through the real LibraryStore; returns their ids. */
async function storeReviews(dataDir: string): Promise<Record<Review, string>> {
  const store = await LibraryStore.open(dataDir);
  try {
    const ids = { small: '', none: '', claims: '' };
    for (const review of ['small', 'none', 'claims'] as const) {
      const { doc, claims } = articles[review];
      const created = await store.createReview({ title: LABEL[review], sourceUrl: '', origin: { kind: 'paste' }, doc });
      if (claims.length > 0) await store.saveReview({ id: created.id, baseRevision: created.revision, doc, claims });
      ids[review] = created.id;
    }
    return ids;
  } finally {
    await store.close();
  }
}

interface Samples {
  opens: number[];
  heapMb: number[];
  elements: number[];
  keys: Record<Rhythm, number[]>;
  /** Durations of the long tasks while typing at a human rhythm. */
  longTasks: number[];
}

const emptySamples = (): Samples => ({ opens: [], heapMb: [], elements: [], keys: { human: [], 'full speed': [] }, longTasks: [] });

/** Opens a review's desk in `page`, weighs it, and leaves it in Edit text with the caret mid-article. */
async function prepareDesk(page: Page, url: string, review: Review, round: number, samples: Samples): Promise<Locator> {
  samples.opens.push(await openDesk(page, url, articles[review].paragraphTexts.length, articles[review].claims.length));
  await sleep(500); // what the desk does just after opening (placements, first status) is not typing
  const weight = await pageWeight(page);
  samples.heapMb.push(weight.heapMb);
  samples.elements.push(weight.elements);
  await startEditingText(page);
  const paragraph = deskParagraph(page, paragraphIndex(review, round));
  await placeCaret(page, paragraph, offsetIn(review, round));
  return paragraph;
}

async function runRound(browser: Browser, round: number, urls: Record<Review, string>, layout: ArticleLayout, all: Record<Subject, Samples>): Promise<void> {
  const order = SUBJECTS.map((_, index) => SUBJECTS[(index + round) % SUBJECTS.length] as Subject);
  for (const subject of order) {
    const page = await browser.newPage({ viewport: playwrightConfig.use?.viewport ?? null });
    try {
      const bare = subject === 'bare' || subject === 'bare contained' || subject === 'bare small';
      let paragraph: Locator;
      if (bare) {
        await openBarePage(page, articleHtml(articles[TEXT_OF[subject]]), layout, subject === 'bare contained');
        paragraph = bareParagraph(page, paragraphIndex(subject, round));
        await placeCaret(page, paragraph, offsetIn(subject, round));
      } else {
        paragraph = await prepareDesk(page, urls[subject], subject, round, all[subject]);
      }
      await installKeyProbe(page);
      for (const [index, rhythm] of RHYTHMS.entries()) {
        const typed = await timeTyping(page, paragraph, keysToType(KEYS_PER_ROUND, round * 2 + index), rhythm);
        all[subject].keys[rhythm].push(...typed.latencies);
        if (rhythm === 'human') all[subject].longTasks.push(...typed.longTasks.map((task) => task.duration));
        if (!bare) await waitUntilSaved(page);
      }
    } finally {
      await page.close();
    }
  }
}

function keyFigures(all: Record<Subject, Samples>): BenchFigure[] {
  const figures: BenchFigure[] = [];
  const at = (subject: Subject, rhythm: Rhythm, fraction: number): number => quantile(all[subject].keys[rhythm], fraction);
  for (const rhythm of RHYTHMS) {
    const keys = all.claims.keys[rhythm].length;
    const p50 = at('claims', rhythm, 0.5);
    const p95 = at('claims', rhythm, 0.95);
    const name = (stat: string): string => `key ${stat}, ${rhythm}, ${LABEL.claims} (${keys} keys)`;
    figures.push(
      { name: name('p50'), value: p50, unit: 'ms', reference: { name: LABEL.none, value: at('none', rhythm, 0.5) }, maxRatio: 1.2 },
      { name: name('p95'), value: p95, unit: 'ms', reference: { name: LABEL.bare, value: at('bare', rhythm, 0.95) }, maxRatio: 1.5 },
      { name: name('p50'), value: p50, unit: 'ms', reference: { name: LABEL.small, value: at('small', rhythm, 0.5) }, maxRatio: 1.3 },
      { name: name('p50'), value: p50, unit: 'ms', reference: { name: LABEL.bare, value: at('bare', rhythm, 0.5) } },
      // The browser's own share of length dependence: a bare contenteditable, long against short.
      { name: `key p50, ${rhythm}, ${LABEL.bare}`, value: at('bare', rhythm, 0.5), unit: 'ms', reference: { name: LABEL['bare small'], value: at('bare small', rhythm, 0.5) } },
      // What is left of it once the bare page draws its blocks as the desk does (content-visibility).
      { name: `key p50, ${rhythm}, ${LABEL['bare contained']}`, value: at('bare contained', rhythm, 0.5), unit: 'ms', reference: { name: LABEL['bare small'], value: at('bare small', rhythm, 0.5) } },
    );
  }
  return figures;
}

function openFigures(all: Record<Subject, Samples>): BenchFigure[] {
  const figure = (name: string, pick: (samples: Samples) => number[], unit: BenchFigure['unit'], maxRatio: number): BenchFigure => ({
    name: `${name}, ${LABEL.claims} (median of ${ROUNDS})`,
    value: median(pick(all.claims)),
    unit,
    reference: { name: LABEL.none, value: median(pick(all.none)) },
    maxRatio,
  });
  return [
    figure('open to a usable desk', (samples) => samples.opens, 'ms', 1.3),
    figure('JS heap after GC', (samples) => samples.heapMb, 'MB', 1.5),
    figure('DOM elements', (samples) => samples.elements, 'count', 1.5),
  ];
}

const dataDir = await makeDataDir();
const ids = await storeReviews(dataDir);
const saveDelayMs = readSaveDelay(fileURLToPath(new URL('../../renderer/review/review-sync.ts', import.meta.url)));
const server = await startServer(dataDir);
const browser = await chromium.launch(playwrightConfig.use?.launchOptions ?? {});
const benchStarted = Date.now();
try {
  const urls: Record<Review, string> = { small: `${server.url}#/review/${ids.small}`, none: `${server.url}#/review/${ids.none}`, claims: `${server.url}#/review/${ids.claims}` };
  console.log(
    `Editor bench in Chromium ${browser.version()}: ${LABEL.claims} = ${(articles.claims.characters / 1e6).toFixed(2)} M characters, ${articles.claims.words} words; ${LABEL.small} = ${articles.small.words} words.`,
  );
  console.log('A key is timed in the page from its keydown time stamp to the end of the next frame drawn after it.');

  // A first open warms the browser's caches for every page alike, and shows how the desk lays the article out.
  const warmUp = await browser.newPage({ viewport: playwrightConfig.use?.viewport ?? null });
  await openDesk(warmUp, urls.small, articles.small.paragraphTexts.length, articles.small.claims.length);
  const layout = await readArticleLayout(warmUp);
  await warmUp.close();

  const all = Object.fromEntries(SUBJECTS.map((subject) => [subject, emptySamples()])) as Record<Subject, Samples>;
  for (let round = 0; round < ROUNDS; round++) {
    await runRound(browser, round, urls, layout, all);
    console.log(`  round ${round + 1} of ${ROUNDS} done (${((Date.now() - benchStarted) / 1000).toFixed(0)} s)`);
  }

  const page = await browser.newPage({ viewport: playwrightConfig.use?.viewport ?? null });
  const paragraph = await prepareDesk(page, urls.claims, 'claims', ROUNDS, emptySamples());
  await installKeyProbe(page);
  const autosave = await measureAutosave(page, paragraph, saveDelayMs);
  await page.close();
  console.log(
    `  typing with autosave done (${((Date.now() - benchStarted) / 1000).toFixed(0)} s): ${autosave.pauseSaves} saves in ${autosave.firstKeys.length} pauses of ${saveDelayMs} ms + 100–1,200 ms; ${autosave.continuousSaves} saves in ${(autosave.continuousMs / 1000).toFixed(1)} s of continuous typing`,
  );

  const medianKey = median(autosave.otherKeys);
  const bursts = `${autosave.firstKeys.length} bursts of 20 keys`;
  reportFigures(`Editor in Chromium ${browser.version()} (ratios from one run; keys pooled over ${ROUNDS} interleaved rounds)`, [
    ...keyFigures(all),
    ...openFigures(all),
    { name: `first key after a pause, median of ${bursts}`, value: median(autosave.firstKeys), unit: 'ms', reference: { name: 'median key', value: medianKey }, maxRatio: 1.5 },
    { name: `first key after a pause, slowest of ${bursts}`, value: Math.max(...autosave.firstKeys), unit: 'ms', reference: { name: 'median key', value: medianKey } },
    {
      name: 'longest long task while typing with autosave',
      value: autosave.longestTaskMs,
      unit: 'ms',
      reference: { name: `${LABEL.bare}, human`, value: Math.max(0, ...all.bare.longTasks) },
      maxValue: 50,
    },
    {
      name: 'long tasks (> 50 ms) while typing with autosave',
      value: autosave.longTaskCount,
      unit: 'count',
      reference: { name: `${LABEL.bare}, human`, value: all.bare.longTasks.length },
      maxValue: 0,
    },
    { name: `longest time without a save in ${(autosave.continuousMs / 1000).toFixed(0)} s of continuous typing`, value: autosave.longestUnsavedMs, unit: 'ms', maxValue: 5_000 },
    { name: `saves sent in ${(autosave.continuousMs / 1000).toFixed(0)} s of continuous typing`, value: autosave.continuousSaves, unit: 'count' },
  ]);
  console.log(`Editor bench took ${((Date.now() - benchStarted) / 1000).toFixed(0)} s.`);
} finally {
  await browser.close();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
