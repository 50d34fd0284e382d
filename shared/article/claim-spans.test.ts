import { describe, expect, it } from 'vitest';
import type { DocNode } from '../model/article-doc';
import { readArticleText } from './claim-spans';

const claim = (claimId: string) => ({ type: 'claim', attrs: { claimId } });
const text = (value: string, ...marks: ReturnType<typeof claim>[]): DocNode => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) });

describe('readArticleText', () => {
  it('joins blocks with one line break and finds overlapping claims in document order', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Budget')] },
        {
          type: 'paragraph',
          content: [text('Unemployment fell to ', claim('a')), text('3.4%', claim('a'), claim('b')), text(' last year', claim('b')), text('.')],
        },
      ],
    };
    const { text: plain, spans } = readArticleText(doc);
    expect(plain).toBe('Budget\nUnemployment fell to 3.4% last year.');
    expect(spans).toEqual([
      { claimId: 'a', start: 7, end: 32, quote: 'Unemployment fell to 3.4%' },
      { claimId: 'b', start: 28, end: 42, quote: '3.4% last year' },
    ]);
  });

  it('counts offsets in UTF-16 code units, with emoji and combining marks', () => {
    const doc: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [text('👩‍👩‍👧 Cafe\u0301 '), text('said so', claim('c'))] }] };
    const { text: plain, spans } = readArticleText(doc);
    expect(spans[0]?.start).toBe(plain.indexOf('said'));
    expect(spans[0]?.start).toBe(15);
  });

  it('treats list items and hard breaks as line breaks', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('one')] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [text('two'), { type: 'hardBreak' }, text('three')] }] }] },
      ],
    };
    expect(readArticleText(doc).text).toBe('one\ntwo\nthree');
  });

  it('finds no claims in an article without marks', () => {
    expect(readArticleText({ type: 'doc', content: [{ type: 'paragraph' }] })).toEqual({ text: '', spans: [] });
  });
});
