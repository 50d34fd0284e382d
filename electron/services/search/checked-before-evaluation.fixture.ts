/**
 * Measures "checked before" on fixtures/checked-before-pairs.json (see its README): top-1
 * precision and recall on the reworded claims, and false offers when a distractor is asked about.
 * Used by the unit test (floors) and the search benchmark (figures for both measures).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { rankSimilarClaims, type WordingMeasure } from './checked-before';
import { LibraryIndex } from './library-index';
import { reviewOf } from './search-reviews.fixture';

const Pairs = z.object({
  groups: z.array(
    z.object({
      language: z.enum(['en', 'ar']),
      checked: z.string(),
      reworded: z.string(),
      distractors: z.array(z.string()).min(1),
    }),
  ),
});

/** The evaluation groups as the fixture file has them. */
export function evaluationGroups(): z.infer<typeof Pairs>['groups'] {
  return Pairs.parse(JSON.parse(readFileSync(new URL('./fixtures/checked-before-pairs.json', import.meta.url), 'utf8'))).groups;
}

/** A library of the fixture: every checked claim and every distractor in a review of its own, rated False. */
export function evaluationLibrary(): {
  index: LibraryIndex;
  checkedId: (group: number) => string;
  distractorReview: (group: number, distractor: number) => string;
} {
  const index = new LibraryIndex();
  const checkedId = (group: number): string => `claim-checked-${String(group).padStart(4, '0')}`;
  const distractorReview = (group: number, distractor: number): string => `review-distractor-${group}-${distractor}`;
  evaluationGroups().forEach((group, number) => {
    index.put(
      reviewOf({
        id: `review-checked-${number}`,
        title: `Review ${number}`,
        paragraphs: [group.checked],
        claims: [{ id: checkedId(number), quote: group.checked, verdictId: 'false' }],
      }),
    );
    group.distractors.forEach((text, distractor) =>
      index.put(
        reviewOf({
          id: distractorReview(number, distractor),
          title: `Other review ${number}.${distractor}`,
          paragraphs: [text],
          claims: [
            {
              id: `claim-distractor-${number}-${distractor}`,
              quote: text,
              verdictId: 'mostly-true',
            },
          ],
        }),
      ),
    );
  });
  return { index, checkedId, distractorReview };
}

/** How a measure did at a threshold. */
export interface EvaluationFigures {
  language: 'all' | 'en' | 'ar';
  queries: number;
  /** Reworded claims whose top suggestion (at or above the threshold) is their checked claim. */
  correctTop: number;
  /** Reworded claims with a suggestion at or above the threshold. */
  offered: number;
  /** Correct top suggestions among those offered. */
  precision: number;
  /** Correct top suggestions among all reworded claims. */
  recall: number;
  /** Distractors asked about (their own review excluded). */
  distractorQueries: number;
  /** Of those, how many were offered anything at or above the threshold. */
  falseOffers: number;
  /** Reworded claims for which a distractor was offered at or above the threshold (top or not). */
  distractorsOffered: number;
}

/** Figures of the measure `measureFor` at `threshold`, for one language or all. */
export function evaluate(measureFor: (index: LibraryIndex, text: string) => WordingMeasure, threshold: number, language: 'all' | 'en' | 'ar' = 'all'): EvaluationFigures {
  const { index, checkedId, distractorReview } = evaluationLibrary();
  const figures: EvaluationFigures = {
    language,
    queries: 0,
    correctTop: 0,
    offered: 0,
    precision: 0,
    recall: 0,
    distractorQueries: 0,
    falseOffers: 0,
    distractorsOffered: 0,
  };
  evaluationGroups().forEach((group, number) => {
    if (language !== 'all' && group.language !== language) return;
    figures.queries++;
    const offered = rankSimilarClaims(index, group.reworded, {
      measure: measureFor(index, group.reworded),
    }).filter((claim) => claim.similarity >= threshold);
    if (offered.length > 0) figures.offered++;
    if (offered[0]?.meta.claimId === checkedId(number)) figures.correctTop++;
    if (offered.some((claim) => claim.meta.claimId.startsWith('claim-distractor-'))) figures.distractorsOffered++;
    group.distractors.forEach((text, distractor) => {
      figures.distractorQueries++;
      const excludeReviewId = distractorReview(number, distractor);
      const wrong = rankSimilarClaims(index, text, {
        excludeReviewId,
        measure: measureFor(index, text),
      }).filter((claim) => claim.similarity >= threshold);
      if (wrong.length > 0) figures.falseOffers++;
    });
  });
  figures.precision = figures.offered === 0 ? 0 : figures.correctTop / figures.offered;
  figures.recall = figures.queries === 0 ? 0 : figures.correctTop / figures.queries;
  return figures;
}
