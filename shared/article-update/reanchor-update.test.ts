import { describe, expect, it } from 'vitest';
import { readArticleText } from '../article/claim-spans';
import { markTextRanges } from '../article/mark-text-range';
import type { ArticleDoc } from '../model/article-doc';
import { ClaimAttention, newClaim } from '../model/claim';
import { reanchorUpdate } from './reanchor-update';

const docOf = (paragraphs: string[]): ArticleDoc => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

const MOVED = 'The minister said unemployment fell by 20 percent last year, the lowest in a decade.';
const OTHERS = [
  'Crime rose 5 percent in the city, police said on Monday after a long weekend of protests.',
  'The budget is 3 billion dollars, the mayor said at the council meeting on Tuesday evening.',
  'Schools will get 400 new teachers by September, the education office promised parents.',
  'Hospital waiting times doubled since 2019, the annual report of the health board found.',
];

/** A review with one claim on `MOVED`, its first paragraph. */
function review() {
  const doc = docOf([MOVED, ...OTHERS]);
  const text = readArticleText(doc).text;
  const claim = newClaim('claim-00000001', '2026-01-01T00:00:00.000Z');
  const start = text.indexOf('unemployment fell by 20 percent');
  return { doc: markTextRanges(doc, [{ claimId: claim.id, start, end: start + 'unemployment fell by 20 percent'.length }]) as ArticleDoc, claims: [claim] };
}

describe('the flags Update article puts on claims', () => {
  it('says in data which version has the words in another place, beside the English sentence', () => {
    const result = reanchorUpdate(review(), docOf([...OTHERS, 'A paragraph added between.', MOVED]), 3);
    const attention = ClaimAttention.parse(result.claims[0]?.attention);
    expect(attention).toMatchObject({ kind: 'moved', why: { code: 'update-moved', version: 3 } });
    expect(attention.detail).toMatch(/^Version 3 of the article has these words in another place/);
    expect(result.outcomes[0]).toMatchObject({ kind: 'moved', flagged: true, detail: attention.detail });
  });

  it('gives the version, how alike and the new words of edited words, as the sentence does', () => {
    const result = reanchorUpdate(review(), docOf([MOVED.replace('20 percent', '25 percent'), ...OTHERS]), 4);
    const attention = ClaimAttention.parse(result.claims[0]?.attention);
    expect(attention.why).toMatchObject({ code: 'update-changed', version: 4, words: 'unemployment fell by 25 percent' });
    const similarity = attention.why?.code === 'update-changed' ? attention.why.similarity : -1;
    expect(attention.detail).toContain(`version 4 of the article (${similarity} % alike); they now read “unemployment fell by 25 percent”`);
  });

  it('says why a claim was not found, with the version', () => {
    const result = reanchorUpdate(review(), docOf(OTHERS), 5);
    const attention = ClaimAttention.parse(result.claims[0]?.attention);
    expect(attention.why).toEqual({ code: 'update-not-found', version: 5, miss: { code: 'gone' } });
    expect(attention.detail).toMatch(/^Not found in version 5 of the article: the quoted words are no longer in the article/);
  });
});
