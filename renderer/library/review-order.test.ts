import { describe, expect, it } from 'vitest';
import type { ReviewSummary } from '../../shared/model/review';
import { arrangeReviews, libraryTags } from './review-order';

function summary(id: string, fields: Partial<ReviewSummary>): ReviewSummary {
  return {
    id: `review-${id}`,
    title: id,
    sourceUrl: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    verdictCounts: {},
    scale: { id: 'factmark-7', verdicts: [] },
    claimCount: 0,
    unplacedCount: 0,
    flaggedCount: 0,
    outlet: '',
    byline: '',
    publishedAt: '',
    language: '',
    falseSideCount: 0,
    tags: [],
    ...fields,
  };
}

const REVIEWS = [
  summary('Budget', { createdAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', claimCount: 3, falseSideCount: 1, tags: ['economy'], outlet: 'Daily Café' }),
  summary('apples', { createdAt: '2026-01-05T00:00:00.000Z', updatedAt: '2026-01-06T00:00:00.000Z', claimCount: 1, falseSideCount: 1, tags: ['health', 'economy'] }),
  summary('الميزانية', { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', claimCount: 5, falseSideCount: 0, tags: ['اقتصاد'], outlet: 'الجريدة' }),
];
const ANY = { text: '', tag: '' };
const titles = (reviews: ReviewSummary[]): string[] => reviews.map((review) => review.title);

describe('the library list order and filter', () => {
  it('orders by last change, creation, title, claim count and false-side verdicts', () => {
    expect(titles(arrangeReviews(REVIEWS, 'updated', ANY, 'en'))).toEqual(['الميزانية', 'Budget', 'apples']);
    expect(titles(arrangeReviews(REVIEWS, 'created', ANY, 'en'))).toEqual(['apples', 'Budget', 'الميزانية']);
    expect(titles(arrangeReviews(REVIEWS, 'title', ANY, 'en'))).toEqual(['apples', 'Budget', 'الميزانية']);
    expect(titles(arrangeReviews(REVIEWS, 'claims', ANY, 'en'))).toEqual(['الميزانية', 'Budget', 'apples']);
    // A tie (one false-side verdict each) goes to the most recently changed.
    expect(titles(arrangeReviews(REVIEWS, 'false', ANY, 'en'))).toEqual(['Budget', 'apples', 'الميزانية']);
  });

  it('narrows to a tag and to words of the title or outlet, ignoring case, accents and Arabic diacritics', () => {
    expect(titles(arrangeReviews(REVIEWS, 'title', { text: '', tag: 'economy' }, 'en'))).toEqual(['apples', 'Budget']);
    expect(titles(arrangeReviews(REVIEWS, 'title', { text: 'daily cafe', tag: '' }, 'en'))).toEqual(['Budget']);
    expect(titles(arrangeReviews(REVIEWS, 'title', { text: 'الجَريدة', tag: '' }, 'en'))).toEqual(['الميزانية']);
    expect(titles(arrangeReviews(REVIEWS, 'title', { text: 'budget', tag: 'health' }, 'en'))).toEqual([]);
  });

  it('lists every tag once', () => {
    expect(libraryTags(REVIEWS, 'en')).toEqual(['economy', 'health', 'اقتصاد']);
  });
});
