import { describe, expect, it } from 'vitest';
import { claimQuotes, readArticleText } from '../article/claim-spans';
import { markTextRanges } from '../article/mark-text-range';
import { recordEdits } from '../history/record-edits';
import type { ArticleDoc } from '../model/article-doc';
import { newClaim, type Claim } from '../model/claim';
import { DEFAULT_SCALE } from '../model/rating-scale';
import type { Review } from '../model/review';
import { agreementLine } from './agreement';
import { krippendorffAlpha } from './krippendorff-alpha';
import { mergeShare } from './merge-share';
import { reviewFromShare, shareContentOf } from './share-review';

const SENTENCES = [
  'The minister said unemployment fell by 20 percent last year.',
  'Crime rose 5 percent in the city, police said on Monday.',
  'The budget for schools is 3 billion, the highest ever.',
  'Hospital waiting times doubled since 2019, the report found.',
  'Exports of energy grew faster than in any other country.',
];
// Merging never reads the article hash, so any 64 hex digits do here.
const sha256 = (text: string): string => text.length.toString(16).padStart(64, '0');
const ids = (prefix: string): (() => string) => {
  let next = 0;
  return () => `${prefix}-${String(next++).padStart(8, '0')}`;
};

/** Ana's review of the article with an unrated claim on each of the first `count` sentences, as she shared it. */
function anasReview(count: number): Review {
  const doc: ArticleDoc = { type: 'doc', content: SENTENCES.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
  const text = readArticleText(doc).text;
  const claims = SENTENCES.slice(0, count).map((_, index) => ({ ...newClaim(`claim-${index}-0000`, '2026-01-01T00:00:00.000Z'), number: index + 1 }));
  const marked = markTextRanges(doc, claims.map((claim, index) => ({ claimId: claim.id, start: text.indexOf(SENTENCES[index] as string), end: text.indexOf(SENTENCES[index] as string) + (SENTENCES[index] as string).length }))) as ArticleDoc;
  const history = recordEdits({ history: [], before: [], after: claims, author: 'reviewer-ana', now: new Date('2026-01-01T00:00:00.000Z'), newId: ids('base') });
  return { id: 'review-00000001', title: 'Budget', sourceUrl: '', byline: '', publishedAt: '', outlet: '', language: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', scaleId: DEFAULT_SCALE.id, origin: { kind: 'paste' }, doc: marked, claims, history, reviewers: [{ id: 'reviewer-ana', name: 'Ana' }, { id: 'reviewer-bob', name: 'Bob' }], sharedAt: '2026-01-01T00:00:01.000Z', revision: 1, lastClaimNumber: count };
}

const share = (review: Review, who: string) => shareContentOf({ review, scale: DEFAULT_SCALE, sharedBy: { id: who, name: who === 'reviewer-ana' ? 'Ana' : 'Bob' }, now: new Date('2026-02-01T00:00:00.000Z'), generator: 'test', sha256 });

/** `who` gives the claims the verdicts in order (undefined: leaves it), in one save at `minute`. */
function rate(review: Review, who: string, verdicts: (string | null | undefined)[], minute: number): Review {
  const now = new Date(Date.UTC(2026, 0, 2, 0, minute));
  const claims = review.claims.map((claim, index) => (verdicts[index] === undefined ? claim : { ...claim, verdictId: verdicts[index] as string | null, updatedAt: now.toISOString() }));
  return { ...review, claims, history: recordEdits({ history: review.history, before: review.claims, after: claims, author: who, now, newId: ids(`${who}-${minute}`), sealedUntil: now.toISOString() }) };
}

/** `who` marks a claim of their own on `quote` with `verdict`. */
function markOwn(review: Review, who: string, quote: string, verdict: string, id: string): Review {
  const text = readArticleText(review.doc).text;
  const doc = markTextRanges(review.doc, [{ claimId: id, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length }]) as ArticleDoc;
  const now = new Date('2026-01-03T00:00:00.000Z');
  const claims: Claim[] = [...review.claims, { ...newClaim(id, now.toISOString()), verdictId: verdict }];
  return { ...review, doc, claims, history: recordEdits({ history: review.history, before: review.claims, after: claims, author: who, now, newId: ids(`${who}-own`), sealedUntil: now.toISOString(), quoteOf: (claimId) => claimQuotes(doc).get(claimId) }) };
}

describe('agreement between two copies', () => {
  it('compares the verdicts both reviewers gave on their own, disagreements in article order with both names', () => {
    const shared = anasReview(4);
    const bobs = rate(reviewFromShare(share(shared, 'reviewer-ana')), 'reviewer-bob', ['true', 'mostly-false', 'mixed', 'unverifiable'], 5);
    const anas = rate(shared, 'reviewer-ana', ['true', 'false', 'mixed', 'unverifiable'], 7);
    const { report } = mergeShare(anas, share(bobs, 'reviewer-bob'));
    expect(report.agreement).toMatchObject({ pairs: 4, agreed: 3, percent: 75, metric: 'nominal' });
    expect(report.agreement?.disagreements).toEqual([
      { number: 2, claimId: 'claim-1-0000', quote: SENTENCES[1], here: { verdictId: 'false', label: 'False', by: 'Ana' }, theirs: { verdictId: 'mostly-false', label: 'Mostly false', by: 'Bob' } },
    ]);
    // Unverifiable is off the true–false line: any two different verdicts count alike.
    const nominal = krippendorffAlpha([[0, 0], [1, 2], [3, 3], [4, 4]], 'nominal');
    expect(report.agreement?.alpha).toBeCloseTo(nominal.alpha as number, 12);
    expect(agreementLine(report.agreement as NonNullable<typeof report.agreement>)).toMatch(/^Agreement: 3 of 4 claims \(75 %\), Krippendorff's alpha -?\d\.\d\d \(nominal\)$/);

    // The other way round: the same figures, each side's verdict on its own side.
    const back = mergeShare(bobs, share(anas, 'reviewer-ana')).report.agreement;
    expect(back).toMatchObject({ pairs: 4, agreed: 3, alpha: report.agreement?.alpha, metric: 'nominal' });
    expect(back?.disagreements[0]).toMatchObject({ here: { label: 'Mostly false', by: 'Bob' }, theirs: { label: 'False', by: 'Ana' } });
  });

  it('uses the ordinal metric when every verdict compared is on the true–false line, by the scale’s order', () => {
    const shared = anasReview(5);
    const bobs = rate(reviewFromShare(share(shared, 'reviewer-ana')), 'reviewer-bob', ['true', 'mostly-false', 'mixed', 'false', 'mostly-true'], 5);
    const anas = rate(shared, 'reviewer-ana', ['true', 'false', 'mixed', 'false', 'true'], 7);
    const agreement = mergeShare(anas, share(bobs, 'reviewer-bob')).report.agreement;
    expect(agreement).toMatchObject({ pairs: 5, agreed: 3, percent: 60, metric: 'ordinal', alphaNote: null });
    // Ranks by ratingValue: false 0, mostly-false 1, mixed 2, mostly-true 3, true 4.
    expect(agreement?.alpha).toBeCloseTo(krippendorffAlpha([[4, 4], [0, 1], [2, 2], [0, 0], [4, 3]], 'ordinal').alpha as number, 12);
    expect(agreement?.disagreements.map((entry) => entry.number)).toEqual([2, 5]);
  });

  it('does not count a verdict received from the other copy, or one revised after reading it', () => {
    const shared = rate(anasReview(2), 'reviewer-ana', ['false', 'true'], 1);
    // Bob leaves Ana's first verdict as it came and revises her second.
    const bobs = rate(reviewFromShare(share(shared, 'reviewer-ana')), 'reviewer-bob', [undefined, 'mixed'], 5);
    const { report } = mergeShare(shared, share(bobs, 'reviewer-bob'));
    expect(report.agreement).toBeNull();
    expect(report.updated).toHaveLength(1);
  });

  it('pairs claims each reviewer marked on the same words, ignoring white space and punctuation at the ends', () => {
    const shared = anasReview(0);
    const bobs = markOwn(reviewFromShare(share(shared, 'reviewer-ana')), 'reviewer-bob', 'Crime rose 5 percent in the city', 'mostly-false', 'claim-bob-0001');
    const anas = markOwn(shared, 'reviewer-ana', 'Crime rose 5 percent in the city,', 'false', 'claim-ana-0001');
    const { review, report } = mergeShare({ ...anas, claims: anas.claims.map((claim) => ({ ...claim, number: 1 })) }, share(bobs, 'reviewer-bob'));
    expect(report.agreement).toMatchObject({ pairs: 1, agreed: 0, percent: 0, alpha: null, alphaNote: 'Krippendorff’s alpha needs at least two claims rated in both copies.' });
    expect(report.agreement?.disagreements).toEqual([{ number: 1, claimId: 'claim-ana-0001', quote: 'Crime rose 5 percent in the city,', here: { verdictId: 'false', label: 'False', by: 'Ana' }, theirs: { verdictId: 'mostly-false', label: 'Mostly false', by: 'Bob' } }]);
    // Both claims stay, each on its words.
    expect(readArticleText(review.doc).spans.map((span) => span.claimId).sort()).toEqual(['claim-ana-0001', 'claim-bob-0001']);
    // A claim on other words is no pair.
    const elsewhere = markOwn(reviewFromShare(share(shared, 'reviewer-ana')), 'reviewer-bob', 'Crime rose 5 percent', 'false', 'claim-bob-0002');
    expect(mergeShare(anas, share(elsewhere, 'reviewer-bob')).report.agreement).toBeNull();
  });

  it('gives no alpha, with the reason, when both copies used one verdict only', () => {
    const shared = anasReview(3);
    const bobs = rate(reviewFromShare(share(shared, 'reviewer-ana')), 'reviewer-bob', ['false', 'false', 'false'], 5);
    const anas = rate(shared, 'reviewer-ana', ['false', 'false', 'false'], 7);
    const agreement = mergeShare(anas, share(bobs, 'reviewer-bob')).report.agreement;
    expect(agreement).toMatchObject({ pairs: 3, agreed: 3, percent: 100, alpha: null, disagreements: [] });
    expect(agreement?.alphaNote).toMatch(/^Both copies rated every claim False; with one verdict only/);
  });

  it('is 1 for two copies that agree on every claim with different verdicts', () => {
    const shared = anasReview(3);
    const bobs = rate(reviewFromShare(share(shared, 'reviewer-ana')), 'reviewer-bob', ['false', 'true', 'mixed'], 5);
    const anas = rate(shared, 'reviewer-ana', ['false', 'true', 'mixed'], 7);
    expect(mergeShare(anas, share(bobs, 'reviewer-bob')).report.agreement).toMatchObject({ pairs: 3, agreed: 3, percent: 100, alpha: 1, metric: 'ordinal' });
  });
});
