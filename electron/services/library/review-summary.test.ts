import { describe, expect, it } from 'vitest';
import { libraryClaimRows } from '../../../shared/report/claims-table';
import { DEFAULT_SCALE } from '../../../shared/model/rating-scale';
import type { Review } from '../../../shared/model/review';
import { summarize } from './library-store';
import { ARTICLE, CLAIM_A, CLAIM_B, fullClaim } from './test-review.fixture';

const review: Review = {
  id: 'review-0001',
  title: 'Budget',
  sourceUrl: '',
  byline: 'Ana Lima',
  publishedAt: '2026-03-14',
  outlet: 'Daily',
  language: 'ar',
  createdAt: '2026-03-14T09:00:00.000Z',
  updatedAt: '2026-03-15T09:00:00.000Z',
  scaleId: DEFAULT_SCALE.id,
  scale: DEFAULT_SCALE,
  origin: { kind: 'paste' },
  doc: ARTICLE,
  claims: [
    { ...fullClaim(CLAIM_A), verdictId: 'false', tags: ['economy', 'عمل'] },
    { ...fullClaim(CLAIM_B), verdictId: 'misleading', tags: ['economy'] },
    // Not in the article: not counted among the verdicts, but its tags are the review's.
    { ...fullClaim('claim-cccc-0003'), verdictId: 'mostly-false', tags: ['health'] },
  ],
  history: [],
  reviewers: [],
  revision: 3,
  lastClaimNumber: 3,
};

describe('what the library knows of a review without opening it', () => {
  it('counts placed false-side verdicts, and carries the article details and every tag once', () => {
    expect(summarize(review)).toMatchObject({ outlet: 'Daily', byline: 'Ana Lima', publishedAt: '2026-03-14', language: 'ar', falseSideCount: 1, tags: ['economy', 'health', 'عمل'] });
  });

  it('gives each claim row its verdict’s id, colour and place on the scale, and the review’s date', () => {
    const rows = libraryClaimRows([{ ...review, claims: review.claims.map((claim, index) => ({ ...claim, number: index + 1 })) }]);
    expect(rows.map(({ claimId, verdictId, verdictColor, verdictRank, reviewCreatedAt }) => ({ claimId, verdictId, verdictColor, verdictRank, reviewCreatedAt }))).toEqual([
      { claimId: CLAIM_A, verdictId: 'false', verdictColor: '#b42318', verdictRank: 4, reviewCreatedAt: review.createdAt },
      { claimId: CLAIM_B, verdictId: 'misleading', verdictColor: '#7b3fa0', verdictRank: 5, reviewCreatedAt: review.createdAt },
      { claimId: 'claim-cccc-0003', verdictId: 'mostly-false', verdictColor: '#b0431a', verdictRank: 3, reviewCreatedAt: review.createdAt },
    ]);
  });
});
