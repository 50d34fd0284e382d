import { describe, expect, it } from 'vitest';
import type { DocNode } from '../model/article-doc';
import { readArticleText } from './claim-spans';
import { markTextRange } from './mark-text-range';
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
