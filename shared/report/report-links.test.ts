/**
 * Links inside the HTML report of a long review: each claim's marker in the article and its
 * number in the summary lead to its verdict, and that is all. Chromium looks up every link
 * target on every page it prints (a 5,000-claim report has over 2,000 pages), so a second
 * target a claim, the way back, made a PDF export take far longer: the targets a claim may have,
 * and its links, are bounded here, and every link must land somewhere.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { newClaim } from '../model/claim';
import { DEFAULT_SCALE } from '../model/rating-scale';
import { buildHtmlReport } from './html-report';
import { manyClaimsReview } from './many-claims-fixture';
import { PUBLISHER } from './report-fixture';
import { buildReportModel, type ReportOptions } from './report-model';

/** At most this many internal links (`href="#…"`) a reported claim, whatever the review. */
const MAX_INTERNAL_LINKS_PER_CLAIM = 2;
/** At most this many places those links lead to, a reported claim: what printing pays for. */
const MAX_LINK_TARGETS_PER_CLAIM = 1;

const PARAGRAPHS = 300;

/** 600 overlapping claims, and one whose words left the article (reported apart, with its verdict). */
const REVIEW = (() => {
  const review = manyClaimsReview(PARAGRAPHS);
  const gone = { ...newClaim('claim-gone-0001', '2026-03-14T10:00:00.000Z'), verdictId: 'true', status: 'reviewed' as const, rationale: 'Its words were cut from the article.' };
  return { ...review, claims: [...review.claims, gone] };
})();

function report(options: ReportOptions) {
  const model = buildReportModel(REVIEW, DEFAULT_SCALE, { ...PUBLISHER, signOffRequired: false }, new Date('2026-03-20T12:00:00.000Z'), null, options);
  return { model, document: parseHTML(buildHtmlReport(model)).document };
}

describe.each([
  { mode: 'publish', language: 'en' },
  { mode: 'draft', language: 'ar' },
] as const)('the $mode report in $language of a review with many claims', (options) => {
  const { model, document } = report(options);
  const reported = model.claims.length + model.unplaced.length;
  const internal = [...document.querySelectorAll('a[href^="#"]')];

  it('reports every claim, placed or not', () => {
    expect(model.claims).toHaveLength(2 * PARAGRAPHS);
    expect(model.unplaced).toHaveLength(1);
  });

  it(`has at most ${MAX_INTERNAL_LINKS_PER_CLAIM} internal links and ${MAX_LINK_TARGETS_PER_CLAIM} link target a claim`, () => {
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.length).toBeLessThanOrEqual(MAX_INTERNAL_LINKS_PER_CLAIM * reported);
    expect(new Set(internal.map((link) => link.getAttribute('href'))).size).toBeLessThanOrEqual(MAX_LINK_TARGETS_PER_CLAIM * reported);
  });

  it('lands every internal link on an element of the page, and uses each id once', () => {
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
    const targets = new Set(ids);
    const missing = internal.map((link) => (link.getAttribute('href') ?? '').slice(1)).filter((id) => !targets.has(decodeURIComponent(id)));
    expect(missing).toEqual([]);
  });

  it('leads from each claim’s numbered marker in the article to its verdict, once a claim', () => {
    const markers = [...document.querySelectorAll('.article a.claim-ref')];
    expect(markers.map((marker) => marker.getAttribute('href')).sort()).toEqual(model.claims.map((reportClaim) => `#${reportClaim.anchor}`).sort());
    for (const marker of markers.slice(0, 20)) {
      const section = document.getElementById((marker.getAttribute('href') ?? '').slice(1));
      expect(section?.classList.contains('claim')).toBe(true);
      expect(section?.querySelector('h3')?.textContent.match(/\d+/)?.[0]).toBe(marker.textContent);
    }
  });
});
