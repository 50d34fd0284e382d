/** Library search through the real handlers over a data folder in a temp directory. */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import type { SearchHit } from '../../../shared/search/search-schema';
import { createHandlerRegistry } from '../../api/handler-registry';
import { openFactmarkServices, type FactmarkServices } from '../factmark-services';
import { storeEvidenceCopy } from '../library/evidence-store';
import { folderSnapshot } from '../library/folder-snapshot.fixture';
import { SEARCH_INDEX_FILE, SEARCH_INDEX_FORMAT } from './search-index-file';
import { reviewOf, type ReviewSketch } from './search-reviews.fixture';

const opened: FactmarkServices[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((services) => services.close()));
});

async function open(dataDir: string, access: 'read' | 'write' = 'write') {
  const services = await openFactmarkServices({
    dataDir,
    mode: 'cli',
    access,
    renderPdf: async () => new Uint8Array(),
  });
  opened.push(services);
  const registry = createHandlerRegistry({
    ...services.handlers,
    'shell:openExternal': async () => ({ opened: false }),
  });
  const search = async (input: ChannelInput<'library:search'>): Promise<ChannelOutput<'library:search'>> => {
    const result = await registry.invoke('library:search', input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ChannelOutput<'library:search'>;
  };
  return { services, search };
}

const BUDGET: ReviewSketch = {
  id: 'review-budget-0001',
  title: 'Budget speech of the finance minister',
  outlet: 'Daily Herald',
  byline: 'Ana Lima',
  publishedAt: '2026-03-10',
  paragraphs: [
    'The minister spoke for an hour in parliament on Tuesday.',
    'She said unemployment fell to 3.4 percent last year, the lowest rate since 1970.',
    'Construction in Zürich and São Paulo slowed, the report adds.',
  ],
  claims: [
    {
      id: 'claim-unemployment-01',
      quote: 'unemployment fell to 3.4 percent last year',
      summary: 'Jobless rate at record low',
      verdictId: 'mostly-true',
      rationale: 'The statistics office confirms the figure, with a caveat about seasonal work.',
      claimant: 'María Pérez, finance minister',
      claimDate: '2026-03-09',
      status: 'reviewed',
      tags: ['economy', 'jobs'],
      evidence: [
        {
          id: 'evidence-survey-01',
          url: 'https://stats.example.org/t3',
          title: 'Labour force survey',
          note: 'Table 3, quarterly figures',
          stance: 'supports',
          accessedAt: '',
        },
      ],
    },
    {
      id: 'claim-construct-02',
      quote: 'Construction in Zürich and São Paulo slowed',
      verdictId: 'false',
      status: 'in-progress',
      tags: ['housing'],
      claimant: 'Report authors',
    },
  ],
};

const ARABIC: ReviewSketch = {
  id: 'review-arabic-0002',
  title: 'تصريحات وزير الطاقة',
  publishedAt: '2026-02-01',
  paragraphs: ['قال الوزيرُ إن صادرات الغاز لأذربيجان بلغت ٢٠ مليار متر مكعب، وإن المدرسة الجديدة افتُتحت.', 'وأضاف أن الحكومـــة ستدعم الأسر.'],
  claims: [
    {
      id: 'claim-arabic-gas-01',
      quote: 'صادرات الغاز لأذربيجان بلغت ٢٠ مليار متر مكعب',
      verdictId: 'false',
      claimant: 'وزيرُ الطاقة',
      status: 'reviewed',
      tags: ['طاقة'],
    },
  ],
};

const OLD: ReviewSketch = {
  id: 'review-old-00003',
  title: 'An older interview',
  createdAt: '2025-06-01T08:00:00.000Z',
  paragraphs: ['The mayor claimed crime doubled since 2019 in the capital.'],
  claims: [
    {
      id: 'claim-crime-0001',
      quote: 'crime doubled since 2019',
      verdictId: 'false',
      status: 'to-check',
      claimant: 'The mayor',
    },
  ],
};

async function library(sketches: readonly ReviewSketch[] = [BUDGET, ARABIC, OLD]) {
  const dataDir = await mkdtemp(join(tmpdir(), 'factmark-search-'));
  const opening = await open(dataDir);
  for (const sketch of sketches) await opening.services.store.putReview(reviewOf(sketch));
  return { dataDir, ...opening };
}

const ids = (hits: readonly SearchHit[]): string[] => hits.map((hit) => hit.claimId ?? `review:${hit.reviewId}`);
const marked = (hit: SearchHit): string[] => hit.snippet.highlights.map(([start, end]) => hit.snippet.text.slice(start, end));

describe('library search', () => {
  it('finds each field of a claim and of a review, naming the field and marking the words', async () => {
    const { search } = await library();
    const cases: [string, string, string][] = [
      ['Herald', 'title', 'review:review-budget-0001'],
      ['parliament', 'article', 'review:review-budget-0001'],
      ['1970', 'article', 'review:review-budget-0001'],
      ['unemployment fell', 'quote', 'claim-unemployment-01'],
      ['jobless', 'summary', 'claim-unemployment-01'],
      ['seasonal', 'rationale', 'claim-unemployment-01'],
      ['María', 'claimant', 'claim-unemployment-01'],
      ['housing', 'tags', 'claim-construct-02'],
      ['labour survey', 'evidence', 'claim-unemployment-01'],
      ['quarterly', 'evidence', 'claim-unemployment-01'],
    ];
    for (const [query, field, expected] of cases) {
      const { hits } = await search({ query });
      const hit = hits.find((candidate) => (candidate.claimId ?? `review:${candidate.reviewId}`) === expected);
      expect(hit, query).toBeDefined();
      expect(hit?.fields, query).toContain(field);
      expect(marked(hit as SearchHit).length, query).toBeGreaterThan(0);
    }
    const { hits } = await search({ query: 'unemployment fell' });
    expect(ids(hits)[0]).toBe('claim-unemployment-01');
    expect(hits[0]).toMatchObject({
      reviewTitle: BUDGET.title,
      claimNumber: 1,
      verdict: { id: 'mostly-true', label: 'Mostly true' },
      status: 'reviewed',
      date: '2026-03-09',
    });
    expect(marked(hits[0] as SearchHit)).toEqual(['unemployment', 'fell']);
    expect((await search({ query: 'nothing-like-this-anywhere' })).total).toBe(0);
  });

  it('matches Arabic across prefixes, diacritics, tatweel, alef forms, ta marbuta and Arabic-Indic digits', async () => {
    const { search } = await library();
    for (const query of ['أذربيجان', 'اذربيجان', 'لأذربيجان', 'وزير', 'الوزير', 'والوزير', 'مدرسه', 'المدرسة', 'الحكومة', 'حكومه', 'صادرات 20', 'الطاقة']) {
      const { hits } = await search({ query });
      expect(hits.length, query).toBeGreaterThan(0);
      expect(
        hits.every((hit) => hit.reviewId === ARABIC.id),
        query,
      ).toBe(true);
    }
    const gas = (await search({ query: 'أذربيجان' })).hits.find((hit) => hit.claimId === 'claim-arabic-gas-01') as SearchHit;
    expect(marked(gas)).toEqual(['لأذربيجان']);
    // The title outranks the article for the snippet; both are named as matched.
    const minister = (await search({ query: 'والوزير' })).hits.find((hit) => hit.claimId === null) as SearchHit;
    expect(minister.fields).toEqual(expect.arrayContaining(['title', 'article']));
    expect(marked(minister)).toEqual(['وزير']);
    expect(marked((await search({ query: 'مدرسه' })).hits[0] as SearchHit)).toEqual(['المدرسة']);
    expect(marked((await search({ query: 'حكومه' })).hits[0] as SearchHit)).toEqual(['الحكومـــة']);
  });

  it('folds Latin case and accents both ways', async () => {
    const { search } = await library();
    for (const query of ['zurich', 'ZÜRICH', 'sao paulo', 'maria perez']) {
      const { hits } = await search({ query });
      expect(hits.length, query).toBeGreaterThan(0);
    }
    const hit = (await search({ query: 'zurich sao' })).hits.find((candidate) => candidate.claimId === 'claim-construct-02') as SearchHit;
    expect(marked(hit)).toEqual(['Zürich', 'São']);
  });

  it('narrows by verdict, status, tag, claimant and dates, and lists filtered claims newest first without words', async () => {
    const { search } = await library();
    const all = (filters: ChannelInput<'library:search'>['filters']) => search({ query: '', filters, limit: 500 }).then((result) => ids(result.hits));
    expect(await all({ verdicts: ['FALSE'] })).toEqual(['claim-construct-02', 'claim-arabic-gas-01', 'claim-crime-0001']);
    expect(await all({ verdicts: ['mostly-true'] })).toEqual(['claim-unemployment-01']);
    expect(await all({ verdicts: ['Mostly True', 'false'] })).toHaveLength(4);
    expect(await all({ statuses: ['in-progress'] })).toEqual(['claim-construct-02']);
    expect(await all({ tags: ['طاقة'] })).toEqual(['claim-arabic-gas-01']);
    expect(await all({ tags: ['Jobs'] })).toEqual(['claim-unemployment-01']);
    expect(await all({ claimant: 'perez' })).toEqual(['claim-unemployment-01']);
    expect(await all({ claimant: 'الطاقة' })).toEqual(['claim-arabic-gas-01']);
    expect(await all({ from: '2026-03-01' })).toEqual(['claim-construct-02', 'claim-unemployment-01']);
    expect(await all({ to: '2025-12-31' })).toEqual(['claim-crime-0001']);
    expect(await all({ from: '2026-01-01', to: '2026-03-09' })).toEqual(['claim-unemployment-01', 'claim-arabic-gas-01']);
    // A review-level hit (its title or article) is dropped once a claim-only filter is given.
    expect(ids((await search({ query: 'minister' })).hits)).toContain('review:review-budget-0001');
    expect(
      ids(
        (
          await search({
            query: 'minister',
            filters: { statuses: ['reviewed'] },
          })
        ).hits,
      ),
    ).toEqual(['claim-unemployment-01']);
    // Dates apply to review hits too (the article's date).
    expect(ids((await search({ query: 'parliament', filters: { to: '2026-01-31' } })).hits)).toEqual([]);
    const paged = await search({ query: '', limit: 2, offset: 1 });
    expect(paged.total).toBe(4);
    expect(ids(paged.hits)).toEqual(['claim-unemployment-01', 'claim-arabic-gas-01']);
  });

  it('takes a ~200-character snippet of a long field around the match, cut at words, marking the original characters', async () => {
    const filler = (word: string, count: number): string => Array.from({ length: count }, (_, index) => `${word}${index}`).join(' ');
    const long: ReviewSketch = {
      id: 'review-long-00004',
      title: 'A long article',
      paragraphs: [`${filler('alpha', 80)} the Ministère announced a café tax ${filler('omega', 80)}`],
    };
    const { search } = await library([long]);
    const [hit] = (await search({ query: 'ministere cafe' })).hits;
    expect(hit?.fields).toEqual(['article']);
    const snippet = (hit as SearchHit).snippet;
    expect(snippet.text.length).toBeLessThanOrEqual(205);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text).toMatch(/^…alpha\d+ /);
    expect(snippet.text).toMatch(/ omega\d+…$/);
    expect(marked(hit as SearchHit)).toEqual(['Ministère', 'café']);
  });

  it('follows a save, a new review and a delete', async () => {
    const { search, services } = await library([BUDGET]);
    expect((await search({ query: 'seasonal' })).total).toBe(1);
    await services.store.updateReview(BUDGET.id, (review) => ({
      doc: review.doc,
      claims: review.claims.map((claim) =>
        claim.id === 'claim-unemployment-01'
          ? {
              ...claim,
              rationale: 'Revised: the harvest workers were left out.',
            }
          : claim,
      ),
    }));
    expect((await search({ query: 'seasonal' })).total).toBe(0);
    expect(ids((await search({ query: 'harvest' })).hits)).toEqual(['claim-unemployment-01']);
    await services.store.putReview(reviewOf(OLD));
    expect(ids((await search({ query: 'crime doubled' })).hits)).toContain('claim-crime-0001');
    await services.handlers['review:delete']({ id: OLD.id });
    expect((await search({ query: 'crime doubled' })).total).toBe(0);
    expect((await search({ query: 'harvest' })).total).toBe(1);
  });
});

describe('searching the pages kept as evidence', () => {
  const KEPT_TEXT = 'Quarterly labour statistics. The seasonally adjusted jobless rate was 3.9 percent, according to the Bureau of Tallies.';
  const keepSurveyPage = (services: FactmarkServices) =>
    storeEvidenceCopy(services.store, {
      reviewId: BUDGET.id,
      claimId: 'claim-unemployment-01',
      target: { evidenceId: 'evidence-survey-01' },
      copy: {
        kind: 'page',
        requestedUrl: 'https://stats.example.org/t3',
        finalUrl: 'https://stats.example.org/t3',
        httpStatus: 200,
        contentType: 'text/html',
        retrievedAt: '2026-03-11T10:00:00.000Z',
        title: 'Table 3',
      },
      files: [
        { role: 'archive', fileName: 'page.mhtml', mediaType: 'multipart/related', bytes: Buffer.from('MIME-Version: 1.0\r\n\r\n<p>Tallies</p>') },
        { role: 'text', fileName: 'text.txt', mediaType: 'text/plain; charset=utf-8', bytes: Buffer.from(KEPT_TEXT) },
      ],
    });

  it('finds a claim by words only its kept page holds, after the keep and after a restart', async () => {
    const { dataDir, search, services } = await library([BUDGET]);
    expect((await search({ query: 'Tallies' })).total).toBe(0);
    await keepSurveyPage(services);
    const found = await search({ query: 'Tallies' });
    expect(ids(found.hits)).toEqual(['claim-unemployment-01']);
    expect(found.hits[0]?.fields).toEqual(['evidence']);
    expect(marked(found.hits[0]!)).toEqual(['Tallies']);
    await services.close();

    const reopened = await open(dataDir);
    expect(ids((await reopened.search({ query: 'Bureau of Tallies' })).hits)).toEqual(['claim-unemployment-01']);
    expect(reopened.services.search.origin).toEqual({ kind: 'loaded', reindexed: 0 });
  });

  it('forgets a kept page’s words once its source is removed from the claim', async () => {
    const { search, services } = await library([BUDGET]);
    await keepSurveyPage(services);
    expect((await search({ query: 'Tallies' })).total).toBe(1);
    await services.store.updateReview(BUDGET.id, (review) => ({ doc: review.doc, claims: review.claims.map((claim) => ({ ...claim, evidence: [] })) }));
    expect((await search({ query: 'Tallies' })).total).toBe(0);
  });
});

describe('the saved search index', () => {
  it('is used again after a restart, and a review added while closed is picked up', async () => {
    const { dataDir, services } = await library([BUDGET, ARABIC]);
    const other = await library([OLD]);
    await other.services.close();
    expect(
      (
        await services.handlers['library:search']({
          query: 'Zürich',
          filters: {
            verdicts: [],
            statuses: [],
            tags: [],
            claimant: '',
            from: '',
            to: '',
          },
          limit: 5,
          offset: 0,
        })
      ).total,
    ).toBeGreaterThan(0);
    await services.close();
    expect(services.search.origin?.kind).toBe('built');
    const saved = JSON.parse(await readFile(join(dataDir, SEARCH_INDEX_FILE), 'utf8')) as { reviews: Record<string, unknown> };
    expect(Object.keys(saved.reviews).sort()).toEqual([ARABIC.id, BUDGET.id]);

    // A review file put in the folder while the app was closed (restored from a backup, say).
    await copyFile(join(other.dataDir, 'reviews', `${OLD.id}.json`), join(dataDir, 'reviews', `${OLD.id}.json`));
    const reopened = await open(dataDir);
    expect(ids((await reopened.search({ query: 'crime doubled' })).hits)).toContain('claim-crime-0001');
    expect(ids((await reopened.search({ query: 'لأذربيجان' })).hits)).toContain('claim-arabic-gas-01');
    expect(reopened.services.search.origin).toEqual({
      kind: 'loaded',
      reindexed: 1,
    });
    await reopened.services.close();
    const resaved = JSON.parse(await readFile(join(dataDir, SEARCH_INDEX_FILE), 'utf8')) as { reviews: Record<string, unknown> };
    expect(Object.keys(resaved.reviews)).toContain(OLD.id);
  });

  it('is rebuilt when damaged, changing nothing else in the folder', async () => {
    const { dataDir, services } = await library([BUDGET, ARABIC]);
    await services.close();
    for (const damage of [
      '{"format":1,"words":1,"reviews":{}',
      '\u0000\u0000\u0000',
      JSON.stringify({ format: 99, words: 1, reviews: {}, index: {} }),
      JSON.stringify({
        format: 1,
        words: 1,
        reviews: {},
        index: { serializationVersion: 2, documentCount: 3 },
      }),
    ]) {
      await writeFile(join(dataDir, SEARCH_INDEX_FILE), damage);
      const { [`/${SEARCH_INDEX_FILE}`]: _index, ...before } = await folderSnapshot(dataDir);
      const reopened = await open(dataDir);
      expect(ids((await reopened.search({ query: 'unemployment' })).hits), damage).toContain('claim-unemployment-01');
      expect(reopened.services.search.origin?.kind, damage).toBe('built');
      await reopened.services.close();
      const { [`/${SEARCH_INDEX_FILE}`]: rebuilt, ...after } = await folderSnapshot(dataDir);
      expect(after).toEqual(before);
      expect(rebuilt).toBeDefined();
      expect(JSON.parse(await readFile(join(dataDir, SEARCH_INDEX_FILE), 'utf8'))).toMatchObject({ format: SEARCH_INDEX_FORMAT });
    }
  });

  it('is never written by a read-only open, missing or out of step', async () => {
    const { dataDir, services } = await library([BUDGET]);
    await services.close();
    const other = await library([OLD]);
    await other.services.close();
    for (const round of ['missing', 'out of step']) {
      if (round === 'out of step') {
        const writer = await open(dataDir);
        await writer.search({ query: 'unemployment' });
        await writer.services.close();
        await copyFile(join(other.dataDir, 'reviews', `${OLD.id}.json`), join(dataDir, 'reviews', `${OLD.id}.json`));
      }
      const before = await folderSnapshot(dataDir);
      expect(before[`/${SEARCH_INDEX_FILE}`] !== undefined, round).toBe(round !== 'missing');
      const reader = await open(dataDir, 'read');
      expect((await reader.search({ query: 'unemployment' })).total, round).toBeGreaterThan(0);
      if (round !== 'missing') expect(ids((await reader.search({ query: 'crime doubled' })).hits)).toContain('claim-crime-0001');
      await reader.services.close();
      expect(await folderSnapshot(dataDir), round).toEqual(before);
    }
  });
});
