/** What a report says about the checked article: the desk's article details block edits these. */
import { z } from 'zod';
import { Review } from './review';

export const ArticleDetails = Review.pick({ title: true, sourceUrl: true, outlet: true, byline: true, publishedAt: true, language: true }).strict();
export type ArticleDetails = z.infer<typeof ArticleDetails>;

/** The article details of `review`. */
export function articleDetailsOf(review: Review): ArticleDetails {
  return { title: review.title, sourceUrl: review.sourceUrl, outlet: review.outlet, byline: review.byline, publishedAt: review.publishedAt, language: review.language };
}
