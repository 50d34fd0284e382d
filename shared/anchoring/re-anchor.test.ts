import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reanchor, type TextAnchor } from './re-anchor';

const ARTICLE =
  'The minister said unemployment fell to 3.4 percent last year, the lowest rate since 1970.\n' +
  'She added that wages rose faster than prices and that the deficit was halved.\n' +
  'Critics said the figures ignore part-time work. قال الوزير إن الأسعار ارتفعت بنسبة عشرين بالمئة.\n' +
  'Read the full speech online.';

function anchorOf(text: string, exact: string, occurrence = 0): TextAnchor {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`${exact} not in text`);
  return { exact, start, end: start + exact.length, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) };
}

describe('reanchor', () => {
  it('keeps claims where they are when nothing changed', () => {
    const anchors = [anchorOf(ARTICLE, 'unemployment fell to 3.4 percent'), anchorOf(ARTICLE, 'الأسعار ارتفعت')];
    expect(reanchor(anchors, ARTICLE, ARTICLE).map((placement) => placement.status)).toEqual(['exact', 'exact']);
  });

  it('follows claims moved by a paragraph inserted above them', () => {
    const anchor = anchorOf(ARTICLE, 'the deficit was halved');
    const edited = `Editor's note: this story was updated on Friday.\n${ARTICLE}`;
    const [placement] = reanchor([anchor], edited, ARTICLE);
    expect(placement).toMatchObject({ status: 'moved' });
    if (placement?.status === 'moved') expect(edited.slice(placement.start, placement.end)).toBe('the deficit was halved');
  });

  it('places a copy-edited claim on its edited words and flags it', () => {
    const anchor = anchorOf(ARTICLE, 'unemployment fell to 3.4 percent last year');
    const edited = ARTICLE.replace('unemployment fell to 3.4 percent last year', 'unemployment dropped to 3.4 percent last year');
    const [placement] = reanchor([anchor], edited, ARTICLE);
    expect(placement).toMatchObject({ status: 'changed', text: 'unemployment dropped to 3.4 percent last year' });
  });

  it('orphans a claim whose sentence was deleted instead of attaching it to a look-alike', () => {
    const text = `${ARTICLE}\nThe deficit was not halved, the auditor said.`;
    const anchor = anchorOf(text, 'that the deficit was halved');
    const edited = text.replace('She added that wages rose faster than prices and that the deficit was halved.\n', '');
    const [placement] = reanchor([anchor], edited, text);
    expect(placement?.status).toBe('orphan');
  });

  it('tells identical boilerplate apart by its context, and orphans it when the context cannot', () => {
    const text = 'Intro. Share this article. Body about taxes. Share this article. End about roads.';
    const second = anchorOf(text, 'Share this article.', 1);
    const edited = `New lead. ${text}`;
    const [placement] = reanchor([second], edited);
    expect(placement).toMatchObject({ status: 'moved', start: edited.lastIndexOf('Share this article.') });
    const blind = { ...second, prefix: '', suffix: '' };
    expect(reanchor([blind], edited)[0]?.status).toBe('orphan');
  });

  it('works without the old text, from quote, context and position alone', () => {
    const anchor = anchorOf(ARTICLE, 'wages rose faster than prices');
    const edited = ARTICLE.replace('The minister said', 'The finance minister said on Tuesday');
    expect(reanchor([anchor], edited)[0]).toMatchObject({ status: 'moved' });
  });

  it('never places a claim on wrong text: edits outside a quote leave it exactly on its words', () => {
    const quotes = ['unemployment fell to 3.4 percent', 'the deficit was halved', 'الأسعار ارتفعت بنسبة عشرين', 'part-time work'];
    fc.assert(
      fc.property(
        fc.constantFrom(...quotes),
        fc.array(fc.record({ at: fc.nat(), insert: fc.string({ maxLength: 12 }), remove: fc.nat({ max: 6 }) }), { maxLength: 6 }),
        (quote, edits) => {
          const anchor = anchorOf(ARTICLE, quote);
          let text = ARTICLE;
          let quoteStart = anchor.start;
          for (const edit of edits) {
            // Apply edits only outside the quote, so its words stay as they were.
            const positions = text.length + 1;
            let at = edit.at % positions;
            const quoteEnd = quoteStart + quote.length;
            if (at >= quoteStart && at < quoteEnd) at = quoteEnd;
            const removeEnd = at < quoteStart ? Math.min(at + edit.remove, quoteStart) : Math.min(at + edit.remove, text.length);
            text = text.slice(0, at) + edit.insert + text.slice(removeEnd);
            if (at < quoteStart) quoteStart += edit.insert.length - (removeEnd - at);
          }
          const [placement] = reanchor([anchor], text, ARTICLE);
          if (!placement || placement.status === 'orphan') return true;
          return placement.start === quoteStart && text.slice(placement.start, placement.end) === quote;
        },
      ),
      { numRuns: 300 },
    );
  });
});
