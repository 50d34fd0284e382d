/** "Checked before": measured on the evaluation pairs, and through the real handler. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFactmarkServices } from '../factmark-services';
import { CHECKED_BEFORE_THRESHOLD, wordingMeasure } from './checked-before';
import { evaluate, evaluationGroups } from './checked-before-evaluation.fixture';
import { reviewOf } from './search-reviews.fixture';

describe('checked before', () => {
  it('has an evaluation set of at least 40 English and 20 Arabic pairs, each with a distractor', () => {
    const groups = evaluationGroups();
    expect(groups.filter((group) => group.language === 'en').length).toBeGreaterThanOrEqual(40);
    expect(groups.filter((group) => group.language === 'ar').length).toBeGreaterThanOrEqual(20);
  });

  for (const language of ['en', 'ar'] as const) {
    it(`offers the same claim reworded first and rarely a different claim on the topic (${language})`, () => {
      const figures = evaluate(wordingMeasure, CHECKED_BEFORE_THRESHOLD, language);
      expect(figures.precision).toBeGreaterThanOrEqual(0.9);
      expect(figures.recall).toBeGreaterThanOrEqual(0.9);
      expect(figures.falseOffers / figures.distractorQueries).toBeLessThanOrEqual(0.05);
      expect(figures.distractorsOffered / figures.queries).toBeLessThanOrEqual(0.05);
    });
  }

  it('offers claims of other reviews with a verdict, with their verdict, review and when it was given', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-checked-'));
    const services = await openFactmarkServices({
      dataDir,
      mode: 'cli',
      renderPdf: async () => new Uint8Array(),
    });
    try {
      const quote = 'صدّرت أذربيجان 20 مليار متر مكعب من الغاز إلى أوروبا هذا العام';
      await services.store.putReview(
        reviewOf({
          id: 'review-gas-00001',
          title: 'Gas exports',
          paragraphs: [`${quote}.`],
          claims: [
            {
              id: 'claim-gas-rated',
              quote,
              verdictId: 'mostly-false',
              summary: 'Azerbaijan gas exports to Europe',
            },
          ],
        }),
      );
      // The same words, not rated yet: nothing to reuse.
      await services.store.putReview(
        reviewOf({
          id: 'review-gas-00002',
          title: 'Unrated',
          paragraphs: [`${quote}.`],
          claims: [{ id: 'claim-gas-unrated', quote }],
        }),
      );
      await services.store.updateReview('review-gas-00001', (review) => ({
        doc: review.doc,
        claims: review.claims.map((claim) => ({
          ...claim,
          verdictId: 'false',
        })),
      }));
      const asked = 'بلغت صادرات الغاز لأذربيجان إلى أوروبا ٢٠ مليار متر مكعب هذا العام';
      const offered = await services.handlers['claims:checkedBefore']({
        text: asked,
        limit: 5,
      });
      expect(offered).toHaveLength(1);
      expect(offered[0]).toMatchObject({
        reviewId: 'review-gas-00001',
        reviewTitle: 'Gas exports',
        claimId: 'claim-gas-rated',
        claimNumber: 1,
        quote,
        summary: 'Azerbaijan gas exports to Europe',
        verdict: { id: 'false', label: 'False' },
      });
      expect(offered[0]?.similarity).toBeGreaterThanOrEqual(CHECKED_BEFORE_THRESHOLD);
      const history = services.store.getReview('review-gas-00001').history.filter((event) => event.set.verdictId === 'false');
      expect(offered[0]?.checkedAt).toBe(history.at(-1)?.at);
      // Its own review is left out, and an unrelated claim on the topic is not offered.
      expect(
        await services.handlers['claims:checkedBefore']({
          text: asked,
          excludeReviewId: 'review-gas-00001',
          limit: 5,
        }),
      ).toEqual([]);
      expect(
        await services.handlers['claims:checkedBefore']({
          text: 'وقّعت أذربيجان اتفاقًا لتصدير النفط إلى إيطاليا',
          limit: 5,
        }),
      ).toEqual([]);
    } finally {
      await services.close();
    }
  });
});
