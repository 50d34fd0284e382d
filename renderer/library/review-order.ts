/** How the library list is ordered and narrowed: pure functions over the reviews' summaries. */
import type { ReviewSummary } from '../../shared/model/review';

/** The orders the library offers, the first the default. */
export const REVIEW_ORDERS = ['updated', 'created', 'title', 'claims', 'false'] as const;
export type ReviewOrder = (typeof REVIEW_ORDERS)[number];

/** What the reviewer narrowed the list to: words of a title or outlet, and a tag ('' for any). */
export interface ReviewFilter {
  text: string;
  tag: string;
}

/**
 * Text as the filters compare it: lower case, without accents or Arabic diacritics, so "cafe"
 * finds "Café" and "الحكومة" finds "الحُكومة".
 */
export function foldForMatch(text: string): string {
  return text.normalize('NFD').replace(/[\p{M}\u0640]/gu, '').toLocaleLowerCase();
}

/** Whether `review` passes `filter`; the text may be any part of its title or outlet. */
export function reviewMatches(review: ReviewSummary, filter: ReviewFilter): boolean {
  if (filter.tag && !review.tags.includes(filter.tag)) return false;
  const words = foldForMatch(filter.text.trim());
  return words === '' || foldForMatch(`${review.title}\n${review.outlet}`).includes(words);
}

/** `reviews` that pass `filter`, in `order`; ties fall back to the most recently changed first. */
export function arrangeReviews(reviews: readonly ReviewSummary[], order: ReviewOrder, filter: ReviewFilter, language: string): ReviewSummary[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const byChange = (left: ReviewSummary, right: ReviewSummary): number => right.updatedAt.localeCompare(left.updatedAt);
  const compare: Record<ReviewOrder, (left: ReviewSummary, right: ReviewSummary) => number> = {
    updated: byChange,
    created: (left, right) => right.createdAt.localeCompare(left.createdAt),
    title: (left, right) => collator.compare(left.title, right.title),
    claims: (left, right) => right.claimCount - left.claimCount,
    false: (left, right) => right.falseSideCount - left.falseSideCount,
  };
  return reviews.filter((review) => reviewMatches(review, filter)).sort((left, right) => compare[order](left, right) || byChange(left, right));
}

/** Every tag of `reviews`, each once, in the language's alphabetical order. */
export function libraryTags(reviews: readonly ReviewSummary[], language: string): string[] {
  return [...new Set(reviews.flatMap((review) => review.tags))].sort(new Intl.Collator(language).compare);
}
