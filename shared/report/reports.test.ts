import { parse } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildClaimReviews } from './claimreview';
import { checkClaimReviews } from './claimreview-fields';
import { buildCsvReport, CSV_COLUMNS, neutralizeFormula } from './csv-report';
import { buildHtmlReport } from './html-report';
import { buildMarkdownReport } from './markdown-report';
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
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
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

  it('keeps a claim whose words left the article, with its verdict, in a section of its own with the reason', () => {
    const unplaced = html.slice(html.indexOf('Claims not placed in the article'));
    expect(html.indexOf('Claims not placed in the article')).toBeGreaterThan(html.indexOf('id="claim-2"'));
    expect(unplaced).toContain('text was deleted');
    expect(unplaced).toContain('>True</span>');
    expect(unplaced).toContain('Its words are no longer in the article.');
  });

  it('carries a merge’s orphan, flags and open conflicts, and says when the text was edited after import', () => {
    const review = orphanedAndFlagged();
    const report = buildHtmlReport(buildReportModel(review, DEFAULT_SCALE, PUBLISHER, new Date('2026-03-20T12:00:00.000Z'), '2026-03-18T10:00:00.000Z'));
    expect(report).toContain('edited in Factmark after it was imported (last on 2026-03-18)');
    expect(report).toContain('Words edited: check. The words changed.');
    expect(report).toContain('Not placed in the article: Deleted in this copy.');
    expect(report).toContain('the claim that was orphaned');
    expect(report).toContain('Two versions of verdict not settled yet.');
  });

  it('handles a review with no claims', () => {
    expect(buildHtmlReport(model(EMPTY_REVIEW))).toContain('No claims have been marked');
  });
});

describe('Markdown report', () => {
  it('escapes Markdown in user text so it renders literally', () => {
    const markdown = buildMarkdownReport(model());
    expect(markdown).toContain('\\*bold\\* \\[x\\]\\(javascript:alert\\(1\\)\\)');
    expect(markdown).toContain('\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    expect(markdown).toContain('| [1](#claim-1) |');
    expect(markdown).toContain('وقال الوزير');
    expect(buildMarkdownReport(model(EMPTY_REVIEW))).toContain('No claims have been marked');
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

  it('writes only the header for a review with no claims', () => {
    expect(parse(buildCsvReport(model(EMPTY_REVIEW)).slice(1))).toEqual([[...CSV_COLUMNS]]);
  });
});

describe('ClaimReview export', () => {
  it('meets every required and recommended field of Google’s table when the publisher is known', () => {
    const reviews = buildClaimReviews(model());
    // The third claim's words are not known any more: a ClaimReview cannot name what was checked.
    expect(reviews).toHaveLength(2);
    expect(buildClaimReviews(buildReportModel(orphanedAndFlagged(), DEFAULT_SCALE, PUBLISHER, new Date()))).toHaveLength(3);
    expect(checkClaimReviews(reviews).filter((problem) => problem.level === 'required')).toEqual([]);
    expect(reviews[0]).toMatchObject({
      url: 'https://checkdesk.example/checks/budget#claim-1',
      reviewRating: { alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 },
      itemReviewed: { '@type': 'Claim', datePublished: '2026-03-12' },
      author: { '@type': 'Organization', name: 'Check Desk' },
    });
    expect(checkClaimReviews(reviews[0])).toEqual([]);
  });

  it('says what is missing when there is no report address', () => {
    const problems = checkClaimReviews(buildClaimReviews(model(REVIEW, EMPTY_PUBLISHER)));
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
