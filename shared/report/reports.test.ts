import { parse } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildClaimReviews } from './claimreview';
import { checkClaimReviews } from './claimreview-fields';
import { buildCsvReport, CSV_COLUMNS, neutralizeFormula, splitCsvList } from './csv-report';
import { buildHtmlReport } from './html-report';
import type { Claim } from '../model/claim';
import { EMPTY_PUBLISHER } from '../model/publisher';
import { EMPTY_REVIEW, HOSTILE, model, orphanedAndFlagged, PUBLISHER, REVIEW } from './report-fixture';
import { buildReportModel } from './report-model';
import { DEFAULT_SCALE } from '../model/rating-scale';
import { buildWebAnnotations } from './web-annotation';

describe('report model', () => {
  it('numbers placed claims in article order with offsets into the plain text', () => {
    const built = model();
    expect(built.claims.map((reportClaim) => reportClaim.claim.id)).toEqual(['claim-one-0001', 'claim-two-0002']);
    for (const reportClaim of built.claims) expect(built.articleText.slice(reportClaim.start, reportClaim.end)).toBe(reportClaim.quote);
    expect(built.claims[1]?.quote).toBe(' to 3% وقال الوزير');
  });
});

describe('HTML report', () => {
  const html = buildHtmlReport(model());

  const { document } = parseHTML(html);
  const attributes = [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((attribute) => attribute.name));

  it('shows hostile user text as text and runs no script', () => {
    expect(document.querySelectorAll('script, img, iframe, object, embed')).toHaveLength(0);
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
    expect(document.querySelector('.rationale')?.textContent).toContain('<img src=x onerror=alert(1)>');
    const hrefs = [...document.querySelectorAll('[href]')].map((element) => element.getAttribute('href') ?? '');
    expect(hrefs.filter((href) => !/^(https?:|#)/.test(href))).toEqual([]);
    expect(html).toContain('Content-Security-Policy" content="default-src \'none\'');
  });

  it('loads nothing from elsewhere: no src, no stylesheet link, no font import', () => {
    expect(attributes).not.toContain('src');
    expect(document.querySelectorAll('link')).toHaveLength(0);
    expect(document.querySelector('style')?.textContent).not.toMatch(/@import|url\(/);
  });

  it('has the summary, each claim with its verdict, evidence and stance, and numbered highlights', () => {
    expect(html).toContain('Fact-check: Budget &#60;speech&#62; &#38; &#34;numbers&#34;');
    expect(html).toContain('>False</span>');
    expect(html).toContain('>No verdict yet</span>');
    expect(html).toContain('href="#claim-1"');
    expect(html).toContain('id="claim-2"');
    expect(html).toContain('Refutes</span><a href="https://stats.example/t3"');
    expect(html).toContain('وقال الوزير');
  });

  it('keeps a claim whose words left the article, with its verdict, in a section of its own; a draft gives the reason', () => {
    const draft = buildHtmlReport(model(REVIEW, PUBLISHER, { mode: 'draft' }));
    const unplaced = draft.slice(draft.indexOf('Claims not placed in the article'));
    expect(draft.indexOf('Claims not placed in the article')).toBeGreaterThan(draft.indexOf('id="claim-2"'));
    expect(unplaced).toContain('text was deleted');
    expect(unplaced).toContain('>True</span>');
    expect(unplaced).toContain('Its words are not in the article.');
  });

  it('marks a merge’s orphan, flags and open conflicts in a draft, and says when the text was edited after import', () => {
    const review = orphanedAndFlagged();
    const report = buildHtmlReport(buildReportModel(review, DEFAULT_SCALE, PUBLISHER, new Date('2026-03-20T12:00:00.000Z'), '2026-03-18T10:00:00.000Z', { mode: 'draft' }));
    expect(report).toContain('edited in Factmark after it was imported (last on 18 March 2026)');
    expect(report).toContain('Flagged: its words were edited, check them.');
    expect(report).toContain('The words changed.');
    expect(report).toContain('Deleted in this copy.');
    expect(report).toContain('the claim that was orphaned');
    expect(report).toContain('Two versions of the verdict are not settled yet.');
  });

  it('handles a review with no claims', () => {
    expect(buildHtmlReport(model(EMPTY_REVIEW))).toContain('No claims have been marked');
  });
});

describe('CSV export', () => {
  const csv = buildCsvReport(model());
  const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];

  it('starts with a byte-order mark and has one row per claim with every column, placed or not', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({ claim_id: 'claim-gone-0003', verdict: 'True', start: '', end: '', needs_attention: 'Its words are no longer in the article.' });
    expect(rows[0]).toMatchObject({ review_id: 'review-0001', verdict: 'False', rating_value: '1', status: 'reviewed', evidence_urls: 'https://stats.example/t3 | https://archive.example/x' });
    expect(rows[1]?.claimant).toBe('وزير المالية');
    expect(rows[1]?.rationale).toBe('الأرقام غير صحيحة 👩‍👩‍👧 Cafe\u0301');
  });

  it('keeps multi-line text in one cell and neutralises formulas', () => {
    expect(rows[0]?.rationale).toBe(`${HOSTILE}\nSecond line.`);
    expect(rows[0]?.claimant).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[0]?.tags).toBe('economy | +tax');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralizeFormula(`${start}1`)).toBe(`'${start}1`);
    expect(neutralizeFormula('plain')).toBe('plain');
  });

  it('keeps the first columns in their order and adds the evidence titles, stances, notes and access dates after them', () => {
    expect(CSV_COLUMNS.slice(0, 17)).toEqual([
      'review_id',
      'claim_id',
      'quote',
      'start',
      'end',
      'verdict',
      'rating_value',
      'rationale',
      'claimant',
      'claim_date',
      'appearance_url',
      'evidence_urls',
      'status',
      'tags',
      'reviewer',
      'last_changed',
      'needs_attention',
    ]);
    expect(CSV_COLUMNS.slice(17)).toEqual(['evidence_titles', 'evidence_stances', 'evidence_notes', 'evidence_accessed', 'evidence_copy_sha256', 'evidence_copy_retrieved', 'evidence_archive_urls']);
    // One value per evidence item, in evidence_urls' order; an item without a title, note or date keeps its place.
    expect(rows[0]).toMatchObject({ evidence_titles: 'Table 3 <b> | ', evidence_stances: 'refutes | supports', evidence_notes: 'annual -average | ', evidence_accessed: '2026-03-15 | ' });
    expect(splitCsvList(rows[0]?.evidence_titles ?? '')).toEqual(['Table 3 <b>', '']);
    expect(rows[1]).toMatchObject({ evidence_urls: '', evidence_titles: '', evidence_stances: '', evidence_notes: '', evidence_accessed: '' });
  });

  it('keeps evidence values aligned when one holds the separator, and neutralises formulas in the new columns', () => {
    const [first, ...others] = REVIEW.claims as [Claim, ...Claim[]];
    const evidence = [
      { id: 'evidence-0001', url: 'https://news.example/a', title: 'Budget | Reuters', note: '=HYPERLINK("http://evil")', stance: 'refutes' as const, accessedAt: '2026-03-15' },
      { id: 'evidence-0002', url: 'https://news.example/b', title: 'C:\\new\\ folder |', note: '', stance: 'context' as const, accessedAt: '' },
      { id: 'evidence-0003', url: 'https://news.example/c', title: '-5 % in a year', note: 'plain', stance: 'supports' as const, accessedAt: '2026-03-16' },
    ];
    const row = (parse(buildCsvReport(model({ ...REVIEW, claims: [{ ...first, evidence: [...evidence].reverse() }, ...others] })).slice(1), { columns: true }) as Record<string, string>[])[0];
    expect(row?.evidence_titles).toBe("'-5 % in a year | C:\\\\new\\\\ folder \\| | Budget \\| Reuters");
    expect(row?.evidence_notes).toBe('plain |  | =HYPERLINK("http://evil")');
    const unneutralised = (cell = '') => cell.replace(/^'/, '');
    const items = ['evidence_urls', 'evidence_titles', 'evidence_stances', 'evidence_notes', 'evidence_accessed'].map((column) => splitCsvList(unneutralised(row?.[column])));
    expect(items[0]?.map((url, index) => ({ url, title: items[1]?.[index], stance: items[2]?.[index], note: items[3]?.[index], accessedAt: items[4]?.[index] }))).toEqual(
      [...evidence].reverse().map(({ url, title, stance, note, accessedAt }) => ({ url, title: title.trim(), stance, note, accessedAt })),
    );
    for (const column of CSV_COLUMNS) expect(row?.[column], column).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes only the header for a review with no claims', () => {
    expect(parse(buildCsvReport(model(EMPTY_REVIEW)).slice(1))).toEqual([[...CSV_COLUMNS]]);
  });
});

describe('ClaimReview export', () => {
  it('meets every required and recommended field of Google’s table when the publisher is known', () => {
    const reviews = buildClaimReviews(model());
    // Only the first claim is finished: the second has no verdict, the third's words left the article.
    expect(reviews).toHaveLength(1);
    expect(buildClaimReviews(buildReportModel(orphanedAndFlagged(), DEFAULT_SCALE, PUBLISHER, new Date()))).toHaveLength(0);
    expect(reviews[0]).toMatchObject({
      url: 'https://checkdesk.example/checks/budget#claim-1',
      reviewRating: { alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 },
      itemReviewed: { '@type': 'Claim', datePublished: '2026-03-12' },
      author: { '@type': 'Organization', name: 'Check Desk' },
    });
    expect(checkClaimReviews(reviews)).toEqual([]);
  });

  it('says what is missing when there is no report address', () => {
    const problems = checkClaimReviews(buildClaimReviews(model(REVIEW, { ...EMPTY_PUBLISHER, signOffRequired: false })));
    expect(problems.some((problem) => problem.path === 'url' && problem.level === 'required')).toBe(true);
  });

  it('explains problems in hand-made ClaimReviews', () => {
    const problems = checkClaimReviews({ '@type': 'ClaimReview', claimReviewed: '', reviewRating: { ratingValue: 9, bestRating: 5, worstRating: 1 } });
    const paths = problems.map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(['claimReviewed', 'reviewRating.alternateName', 'url', 'reviewRating.ratingValue']));
    expect(checkClaimReviews({ '@type': 'Review' })[0]?.message).toContain('ClaimReview');
  });
});

describe('Web Annotation export', () => {
  it('targets each claim with quote and position selectors that agree with the article text', () => {
    const built = model();
    const collection = buildWebAnnotations(built);
    expect(collection.total).toBe(2);
    for (const item of collection.first?.items ?? []) {
      const [quote, position] = item.target.selector as unknown as [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }];
      expect(built.articleText.slice(position.start, position.end)).toBe(quote.exact);
      expect(built.articleText.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
      expect(item.motivation).toBe('assessing');
    }
  });

  it('makes an empty collection for a review with no claims', () => {
    expect(buildWebAnnotations(model(EMPTY_REVIEW))).toMatchObject({ type: 'AnnotationCollection', total: 0 });
  });
});
