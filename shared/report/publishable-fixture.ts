/**
 * A fact-check ready to publish, for report tests: two finished claims checked by Ana and signed
 * off by Omar, the checked article's details, the publication's headline, authors and date, and
 * an organisation with its logo; helpers make one claim unfinished in each way the rules know.
 */
import type { Claim } from '../model/claim';
import type { ClaimEvent } from '../model/claim-history';
import { DEFAULT_SCALE } from '../model/rating-scale';
import type { Publisher } from '../model/publisher';
import type { Review } from '../model/review';
import type { Reviewer } from '../model/reviewer';
import { buildReportModel, type ReportModel, type ReportOptions } from './report-model';

export const ANA: Reviewer = { id: 'reviewer-ana-0001', name: 'Ana Checker' };
export const OMAR: Reviewer = { id: 'reviewer-omar-0002', name: 'عمر الحسيني' };

/** A 1×1 PNG, as a logo a newsroom would upload. */
export const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const NEWSROOM: Publisher = {
  reviewerName: 'Old Name From Before',
  organizationName: 'Check Desk',
  organizationUrl: 'https://checkdesk.example/',
  reportUrl: '',
  logo: LOGO,
  signOffRequired: true,
};

const STAMP = '2026-03-15T10:00:00.000Z';
const SIGNED = '2026-03-16T08:00:00.000Z';

/** A claim as Ana finished it and Omar signed it off. */
function finished(id: string, number: number, patch: Partial<Claim>): Claim {
  const claim: Claim = {
    id,
    number,
    summary: '',
    verdictId: 'false',
    rationale: 'The statistics office says otherwise.',
    claimant: 'The mayor',
    claimDate: '2026-03-12',
    appearanceUrl: '',
    status: 'reviewed',
    tags: ['internal-tag'],
    evidence: [],
    createdAt: STAMP,
    updatedAt: STAMP,
    ...patch,
  };
  return { ...claim, signOff: { by: OMAR.id, at: SIGNED, verdictId: claim.verdictId, rationale: claim.rationale, summary: claim.summary } };
}

/** The event by which `author` wrote a claim's verdict and rationale. */
export function wrote(claim: Claim, author: Reviewer, at = STAMP): ClaimEvent {
  return { id: `e-${claim.id}-${author.id}-${at.replace(/\D/g, '')}`.slice(0, 64), claimId: claim.id, parents: [], author: author.id, at, kind: 'created', set: { verdictId: claim.verdictId, rationale: claim.rationale } };
}

const CRIME = finished('claim-crime-0001', 1, {
  summary: 'Crime fell by 20 percent since 2020',
  evidence: [{ id: 'evidence-0001', url: 'https://police.example/stats', title: 'Police statistics 2025', note: '', stance: 'refutes', accessedAt: '2026-03-14' }],
});
const PRICES = finished('claim-prices-0002', 2, { verdictId: 'unverifiable', claimant: 'وزير المالية', rationale: 'لا توجد بيانات منشورة.' });

const mark = (claimId: string) => [{ type: 'claim', attrs: { claimId } }];

export const PUBLISHABLE: Review = {
  id: 'review-publish-0001',
  title: 'Mayor’s budget speech',
  sourceUrl: 'https://news.example/mayor-speech',
  byline: 'Sam Reporter',
  publishedAt: '2026-03-10',
  outlet: 'The Daily Example',
  // Half its words are Arabic: without a language, a report would guess Arabic (see reportLanguage).
  language: 'en',
  createdAt: '2026-03-14T09:00:00.000Z',
  updatedAt: '2026-03-16T09:00:00.000Z',
  scaleId: DEFAULT_SCALE.id,
  origin: { kind: 'paste' },
  claims: [CRIME, PRICES],
  history: [wrote(CRIME, ANA), wrote(PRICES, ANA)],
  reviewers: [ANA, OMAR],
  revision: 3,
  lastClaimNumber: 2,
  publication: { url: 'https://checkdesk.example/checks/mayor', headline: '', datePublished: '2026-03-17', authors: ['Lina Editor', 'Ana Checker'] },
  doc: {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'The mayor said ' },
          { type: 'text', text: 'crime fell by 20 percent since 2020', marks: mark(CRIME.id) },
          { type: 'text', text: '. وقال الوزير إن ' },
          { type: 'text', text: 'الأسعار ارتفعت بنسبة عشرين بالمئة', marks: mark(PRICES.id) },
          { type: 'text', text: '.' },
        ],
      },
    ],
  },
};

/** PUBLISHABLE with the claim numbered `number` changed by `patch` (its sign-off kept as it was). */
export function withClaim(number: number, patch: Partial<Claim>, review: Review = PUBLISHABLE): Review {
  return { ...review, claims: review.claims.map((claim) => (claim.number === number ? { ...claim, ...patch } : claim)) };
}

/** The report model of `review` for `publisher`, made at a fixed time by Ana (the library's reviewer). */
export function publishModel(review: Review = PUBLISHABLE, options: ReportOptions = {}, publisher: Publisher = NEWSROOM): ReportModel {
  return buildReportModel(review, DEFAULT_SCALE, publisher, new Date('2026-03-20T12:00:00.000Z'), null, { reviewer: ANA, ...options });
}
