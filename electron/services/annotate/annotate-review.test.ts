/** Adding claims by quoting the article: many in one request mean what one request each would. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaimRequest } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/envelope';
import { readArticleText } from '../../../shared/article/claim-spans';
import type { DocNode } from '../../../shared/model/article-doc';
import type { Review } from '../../../shared/model/review';
import { LibraryStore } from '../library';
import { annotateReview } from './annotate-review';

const ARTICLE: DocNode & { type: 'doc' } = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Council meeting' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'The mayor said crime fell by 20 percent since 2020. The fellow councillor said ' }, { type: 'text', text: 'crime fell', marks: [{ type: 'bold' }] }, { type: 'text', text: ' by 30 percent.' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'زار الوزير أذربيجان أمس، وقال إن لأذربيجان دورا مهما في\u00a0المنطقة.' }] },
  ],
};

let dataDir: string;
let store: LibraryStore;
let review: Review;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'factmark-annotate-'));
  store = await LibraryStore.open(dataDir);
  review = await store.createReview({ title: 'Council meeting', sourceUrl: '', origin: { kind: 'paste' }, doc: ARTICLE });
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

const requests = (...claims: ClaimRequest[]) => claims.map((claim) => ClaimRequest.parse(claim));

/** The document with each claim id replaced by the number of the request that made it, so two runs compare. */
function byRequest(doc: DocNode, claimIds: readonly string[]): DocNode {
  return JSON.parse(JSON.stringify(doc), (key, value: unknown) => (key === 'claimId' && typeof value === 'string' && claimIds.includes(value) ? `request-${claimIds.indexOf(value)}` : value)) as DocNode;
}

describe('annotateReview', () => {
  it('marks many claims in one request, overlapping ones included, exactly as one request per claim would', () => {
    const asked = requests(
      { quote: 'crime fell by 20 percent', verdict: 'False' },
      { quote: 'The mayor said crime fell', tags: ['crime'] },
      { quote: 'crime  fell\nby', occurrence: 2 },
      { quote: 'أذربيجان', rationale: 'لأذربيجان is not counted: the prefix makes it another word.' },
      { quote: 'في المنطقة' },
      { quote: 'since 2020. The fellow councillor said crime fell by 30 percent.' },
      { quote: 'fell by 20' },
    );
    const together = annotateReview(review, store.scaleOf(review), asked);

    let oneByOne = review;
    const oneByOneIds: string[] = [];
    for (const request of asked) {
      const step = annotateReview(oneByOne, store.scaleOf(oneByOne), [request]);
      oneByOneIds.push(...step.claimIds);
      oneByOne = { ...oneByOne, doc: step.doc as Review['doc'], claims: step.claims };
    }

    expect(byRequest(together.doc, together.claimIds)).toEqual(byRequest(oneByOne.doc, oneByOneIds));
    const { text, spans } = readArticleText(together.doc);
    const quotes = together.claimIds.map((id) => spans.find((span) => span.claimId === id)?.quote);
    expect(quotes).toEqual(['crime fell by 20 percent', 'The mayor said crime fell', 'crime fell by', 'أذربيجان', 'في\u00a0المنطقة', 'since 2020. The fellow councillor said crime fell by 30 percent.', 'fell by 20']);
    expect(spans.find((span) => span.claimId === together.claimIds[3])?.start).toBe(text.indexOf('الوزير أذربيجان') + 'الوزير '.length);
    expect(together.claims.map((claim) => claim.verdictId)).toEqual(['false', null, null, null, null, null, null]);
  });

  it('adds nothing when the same request comes again', () => {
    const asked = requests({ quote: 'crime fell by 20 percent', verdict: 'False' }, { quote: 'crime fell by 20 percent', verdict: 'True' }, { quote: 'أذربيجان' });
    const first = annotateReview(review, store.scaleOf(review), asked);
    expect(first.existing).toEqual([]);
    const annotated = { ...review, doc: first.doc as Review['doc'], claims: first.claims };
    const again = annotateReview(annotated, store.scaleOf(annotated), asked);
    expect(again).toEqual({ doc: annotated.doc, claims: annotated.claims, claimIds: first.claimIds, existing: first.claimIds });
  });

  it('refuses the whole request, naming the first row it cannot place', () => {
    const attempt = (...claims: ClaimRequest[]): string => {
      try {
        annotateReview(review, store.scaleOf(review), requests(...claims));
      } catch (error) {
        if (error instanceof ApiError) return error.message;
        throw error;
      }
      throw new Error('the request was accepted');
    };
    expect(attempt({ quote: 'crime fell by 20 percent' }, { quote: 'The mayor said' }, { quote: 'crime fell by 25 percent' }, { quote: 'nowhere at all' })).toMatch(/^Claim 3 \("crime fell by 25 percent"\) is not in the article\. The closest passage is: "crime fell by 20 percent"/);
    expect(attempt({ quote: 'The mayor said' }, { quote: 'crime fell by' })).toMatch(/^Claim 2 \("crime fell by"\) occurs 2 times in the article\. Say which one with --occurrence N \(1 to 2\)/);
    expect(attempt({ quote: 'crime fell by', occurrence: 3 })).toBe('The quote "crime fell by" occurs only 2 times; --occurrence 3 does not exist.');
    expect(attempt({ quote: 'fell', verdict: 'Pants on fire' })).toMatch(/^The quote "fell" occurs 2 times/);
    expect(attempt({ quote: 'crime fell by 20 percent', verdict: 'Pants on fire' })).toMatch(/^The quote "crime fell by 20 percent": "Pants on fire" is not a verdict of the scale/);
  });
});
