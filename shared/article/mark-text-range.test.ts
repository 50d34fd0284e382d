import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../model/article-doc';
import { readArticleText } from './claim-spans';
import { markTextRange, markTextRanges } from './mark-text-range';
import { findQuote } from './quote-search';

const doc: DocNode = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Crime fell by ' }, { type: 'text', text: '20 percent', marks: [{ type: 'bold' }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'since 2020 👩‍👩‍👧 وقال الوزير' }] },
  ],
};

describe('findQuote and markTextRange', () => {
  it('finds a quote whose white space differs from the article, across blocks', () => {
    const { text } = readArticleText(doc);
    const [match] = findQuote(text, 'fell by  20 percent\n  since');
    expect(match && text.slice(match.start, match.end)).toBe('fell by 20 percent\nsince');
    expect(findQuote(text, 'e')).toHaveLength(5);
    expect(findQuote(text, '   ')).toEqual([]);
  });

  it('marks exactly the quoted text, keeping other marks, and the claim reads back at the same place', () => {
    const { text } = readArticleText(doc);
    const [match] = findQuote(text, 'by 20 percent since 2020 👩‍👩‍👧 وقال');
    if (!match) throw new Error('not found');
    const marked = markTextRange(doc, match.start, match.end, 'claim-x-0001');
    const read = readArticleText(marked);
    expect(read.text).toBe(text);
    expect(read.spans).toEqual([{ claimId: 'claim-x-0001', start: match.start, end: match.end, quote: 'by 20 percent\nsince 2020 👩‍👩‍👧 وقال' }]);
    const bold = marked.content?.[0]?.content?.find((node) => node.text === '20 percent');
    expect(bold?.marks?.map((mark) => mark.type)).toEqual(['bold', 'claim']);
    expect(doc.content?.[0]?.content).toHaveLength(2);
  });
});

describe('markTextRanges', () => {
  it('marks overlapping ranges in one walk exactly as marking them one at a time would, marks in the order given (fast-check)', () => {
    const article: DocNode = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'The mayor said ' }, { type: 'text', text: 'crime fell', marks: [{ type: 'bold' }] }, { type: 'text', text: ' by 20 percent.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'وقال الوزير إن البطالة انخفضت.', marks: [{ type: 'claim', attrs: { claimId: 'stored-claim' } }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Since 2020' }, { type: 'hardBreak' }, { type: 'text', text: 'wages rose.' }] },
      ],
    };
    const length = readArticleText(article).text.length;
    const rangeOf = fc.tuple(fc.nat({ max: length }), fc.nat({ max: length })).map(([one, two]) => ({ start: Math.min(one, two), end: Math.max(one, two) }));
    fc.assert(
      fc.property(fc.array(rangeOf, { maxLength: 12 }), (picked) => {
        const ranges = picked.map((range, index) => ({ ...range, claimId: `claim-${index}` }));
        const oneAtATime = ranges.reduce((doc, range) => markTextRange(doc, range.start, range.end, range.claimId), article);
        expect(markTextRanges(article, ranges)).toEqual(oneAtATime);
      }),
      { numRuns: 300 },
    );
  });
});
