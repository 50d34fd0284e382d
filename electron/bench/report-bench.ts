/**
 * `npm run bench` (report part): what a long review's report costs. A ~1 MB article with 5,000
 * overlapping claims, all ready to publish, and the same article with none, stored through the
 * real LibraryStore: the HTML report built in-process (report model and HTML, as the export
 * service builds them; median of several builds), the whole `review:export` of it through the
 * services registry (with reading the review and encoding the file), and the PDF exported through
 * `review:export` with the export service's Chromium (renderPdfWithChromium), as the command line
 * and browser mode export it. Ratios are of figures measured in the same run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildHtmlReport } from '../../shared/report/html-report';
import { manyClaimsArticle } from '../../shared/report/many-claims-fixture';
import { buildReportModel } from '../../shared/report/report-model';
import { findChromium } from '../services/export/chromium-path';
import { renderPdfWithChromium } from '../services/export/pdf-with-chromium';
import { openFactmarkServices } from '../services/factmark-services';
import { LibraryStore } from '../services/library';
import { reportFigures, type BenchFigure } from './bench-table';

const PARAGRAPHS = 2_500;
const CLAIMS = 2 * PARAGRAPHS;
/** Builds of the HTML report timed (after one not timed: a running app has exported before). */
const HTML_RUNS = 5;
const HTML_TARGET_MS = 500;
const PDF_TARGET_RATIO = 3;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const dataDir = await mkdtemp(join(tmpdir(), 'factmark-report-bench-'));
try {
  const store = await LibraryStore.open(dataDir);
  const ids = { none: '', claims: '' };
  for (const kind of ['none', 'claims'] as const) {
    const { doc, claims } = manyClaimsArticle(PARAGRAPHS, kind === 'claims');
    const review = await store.createReview({ title: `A long hearing (${kind === 'claims' ? `${CLAIMS} claims` : 'no claims'})`, sourceUrl: '', origin: { kind: 'paste' }, doc });
    await store.saveReview({ id: review.id, baseRevision: review.revision, doc, claims });
    ids[kind] = review.id;
  }
  await store.close();

  const services = await openFactmarkServices({ dataDir, mode: 'cli', renderPdf: renderPdfWithChromium });
  const { handlers } = services;
  try {
    // The claims are finished but signed off by no one: this newsroom publishes without a sign-off.
    await handlers['settings:setPublisher']({ ...(await handlers['settings:getPublisher']({})), signOffRequired: false });
    const exportOf = async (id: string, format: 'html' | 'pdf'): Promise<{ ms: number; bytes: Buffer }> => {
      const started = performance.now();
      const file = await handlers['review:export']({ id, format, mode: 'publish' });
      return { ms: performance.now() - started, bytes: Buffer.from(file.base64, 'base64') };
    };

    /** The report model and HTML of a stored review, as exportReview builds them for `format: 'html'`. */
    const build = (id: string): number => {
      const review = services.store.getReview(id);
      const started = performance.now();
      buildHtmlReport(buildReportModel(review, services.store.scaleOf(review), services.store.publisher(), new Date(), null, { mode: 'publish' }));
      return performance.now() - started;
    };
    const html: Record<keyof typeof ids, number[]> = { none: [], claims: [] };
    const handler: Record<keyof typeof ids, number[]> = { none: [], claims: [] };
    // The first round is not counted: a running app has built reports before.
    for (let run = 0; run <= HTML_RUNS; run++) {
      for (const kind of ['none', 'claims'] as const) {
        const built = build(ids[kind]);
        const { ms } = await exportOf(ids[kind], 'html');
        if (run === 0) continue;
        html[kind].push(built);
        handler[kind].push(ms);
      }
    }
    const page = (await exportOf(ids.claims, 'html')).bytes.toString('utf8');
    const internalLinks = page.match(/href="#/g)?.length ?? 0;

    const figures: BenchFigure[] = [
      {
        name: `HTML report build, ${CLAIMS} claims (model + HTML, median of ${HTML_RUNS})`,
        value: median(html.claims),
        unit: 'ms',
        reference: { name: 'no claims', value: median(html.none) },
        maxValue: HTML_TARGET_MS,
      },
      {
        name: `review:export of that HTML (handler, median of ${HTML_RUNS})`,
        value: median(handler.claims),
        unit: 'ms',
        reference: { name: 'no claims', value: median(handler.none) },
      },
      { name: 'internal links in that report (href="#…")', value: internalLinks, unit: 'count', reference: { name: 'claims', value: CLAIMS } },
    ];

    if (findChromium()) {
      // No claims, claims, no claims again: the reference is the mean of the two, so a change in
      // the machine's load during the long print weighs on both sides.
      const before = await exportOf(ids.none, 'pdf');
      const withClaims = await exportOf(ids.claims, 'pdf');
      const after = await exportOf(ids.none, 'pdf');
      console.log(`PDF: ${(withClaims.bytes.length / 1e6).toFixed(1)} MB with ${CLAIMS} claims, ${(before.bytes.length / 1e6).toFixed(1)} MB with none`);
      figures.push({
        name: `PDF export, ${CLAIMS} claims (review:export, Chromium)`,
        value: withClaims.ms / 1000,
        unit: 's',
        reference: { name: 'no claims', value: (before.ms + after.ms) / 2000 },
        maxRatio: PDF_TARGET_RATIO,
      });
    } else {
      console.log('PDF export not measured: no Chromium or Chrome found (set CHROMIUM_PATH).');
    }
    reportFigures('Reports of a ~1 MB article', figures);
  } finally {
    await services.close();
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
