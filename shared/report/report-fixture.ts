/** A review with hostile, Arabic and emoji text for report tests. */
import { newClaim, type Claim } from '../model/claim';
import { DEFAULT_SCALE } from '../model/rating-scale';
import type { Review } from '../model/review';
import type { Publisher } from '../model/publisher';
import { buildReportModel, type ReportModel, type ReportOptions } from './report-model';

export const HOSTILE = '<img src=x onerror=alert(1)> *bold* [x](javascript:alert(1)) | =cmd|calc';

const claim = (id: string, patch: Partial<Claim>): Claim => ({ ...newClaim(id, '2026-03-14T10:00:00.000Z'), updatedAt: '2026-03-15T10:00:00.000Z', ...patch });

const mark = (...ids: string[]) => ids.map((claimId) => ({ type: 'claim', attrs: { claimId } }));

export const REVIEW: Review = {
  id: 'review-0001',
  title: 'Budget <speech> & "numbers"',
  sourceUrl: 'https://news.example/budget?a=1&b=2',
  byline: '',
  publishedAt: '',
  outlet: '',
  language: '',
  createdAt: '2026-03-14T09:00:00.000Z',
  updatedAt: '2026-03-16T09:00:00.000Z',
  scaleId: DEFAULT_SCALE.id,
  origin: { kind: 'paste' },
  history: [],
  reviewers: [],
  revision: 1,
  lastClaimNumber: 0,
  claims: [
    claim('claim-one-0001', {
      verdictId: 'false',
      rationale: `${HOSTILE}\nSecond line.`,
      claimant: '=HYPERLINK("http://evil")',
      claimDate: '2026-03-12',
      appearanceUrl: 'https://tv.example/clip',
      status: 'reviewed',
      tags: ['economy', '+tax'],
      evidence: [
        { id: 'evidence-0001', url: 'https://stats.example/t3', title: 'Table 3 <b>', note: 'annual -average', stance: 'refutes', accessedAt: '2026-03-15' },
        { id: 'evidence-0002', url: 'https://archive.example/x', title: '', note: '', stance: 'supports', accessedAt: '' },
      ],
    }),
    claim('claim-two-0002', { claimant: 'وزير المالية', rationale: 'الأرقام غير صحيحة 👩‍👩‍👧 Cafe\u0301' }),
    claim('claim-gone-0003', { verdictId: 'true', rationale: 'text was deleted' }),
  ],
  doc: {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Budget day' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'He said 👩‍👩‍👧 ' },
          { type: 'text', text: 'unemployment fell', marks: mark('claim-one-0001') },
          { type: 'text', text: ' to 3%', marks: [...mark('claim-one-0001', 'claim-two-0002'), { type: 'bold' }] },
          { type: 'text', text: ' وقال الوزير', marks: mark('claim-two-0002') },
          { type: 'text', text: ' <script>x</script> ' },
          { type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
        ],
      },
    ],
  },
};

export const PUBLISHER: Publisher = {
  reviewerName: 'Jane <Doe>',
  organizationName: 'Check Desk',
  organizationUrl: 'https://checkdesk.example',
  reportUrl: 'https://checkdesk.example/checks/budget',
  logo: '',
  signOffRequired: false,
};

/** The report model of `review` made at a fixed time; a publish report unless `options` say otherwise. */
export function model(review: Review = REVIEW, publisher: Publisher = PUBLISHER, options: ReportOptions = {}): ReportModel {
  return buildReportModel(review, DEFAULT_SCALE, publisher, new Date('2026-03-20T12:00:00.000Z'), null, options);
}

export const EMPTY_REVIEW: Review = { ...REVIEW, claims: [], doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nothing marked.' }] }] } };

/**
 * REVIEW after a merge: the first claim flagged on edited words, an orphan with its words, and
 * the second claim's verdict changed differently by two reviewers (an open conflict).
 */
export function orphanedAndFlagged(): Review {
  const stamp = '2026-03-15T10:00:00.000Z';
  const event = (id: string, parents: string[], author: string, set: Record<string, unknown>, kind: 'created' | 'edited' = 'edited') => ({ id, claimId: 'claim-two-0002', parents, author, at: stamp, kind, set });
  return {
    ...REVIEW,
    claims: [
      { ...(REVIEW.claims[0] as Claim), attention: { kind: 'changed', quote: 'unemployment fell', detail: 'The words changed.' } },
      REVIEW.claims[1] as Claim,
      claim('claim-orphan-0004', { verdictId: 'misleading', rationale: 'Checked before the merge.', attention: { kind: 'orphan', quote: 'the claim that was orphaned', detail: 'Deleted in this copy.' } }),
    ],
    history: [
      event('event-root-0001', [], 'reviewer-ana', { verdictId: null }, 'created'),
      event('event-ana-0002', ['event-root-0001'], 'reviewer-ana', { verdictId: 'true' }),
      event('event-bob-0003', ['event-root-0001'], 'reviewer-bob', { verdictId: 'false' }),
    ],
  } as Review;
}
