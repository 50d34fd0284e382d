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
    // Where the diff puts it: nothing for the reviewer to check.
    expect(placement).toMatchObject({ status: 'moved', mapped: true });
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

  it('orphans a deleted sentence whose exact copy was already elsewhere in the article', () => {
    const repeated = 'The council approved the budget for next year.';
    const text = `Intro about roads. ${repeated} More on roads.\nA paragraph on schools. ${repeated} More on schools.`;
    const anchor = anchorOf(text, repeated, 1);
    const edited = text.replace(` ${repeated} More on schools.`, ' More on schools.');
    const [placement] = reanchor([anchor], edited, text);
    expect(placement?.status).toBe('orphan');
  });

  it('orphans a deleted sentence whose near look-alike (one word off) exists elsewhere', () => {
    const text = `${ARTICLE}\nWages rose faster than prices and the deficit was halved, the auditor said.`;
    const anchor = anchorOf(text, 'She added that wages rose faster than prices and that the deficit was halved.');
    const edited = text.replace('She added that wages rose faster than prices and that the deficit was halved.\n', '');
    for (const old of [text, undefined]) expect(reanchor([anchor], edited, old)[0]?.status).toBe('orphan');
  });

  it('places a copy-edited sentence on exactly its edited words, first or last word changed', () => {
    const sentence = 'The minister said unemployment fell to 3.4 percent last year, the lowest rate since 1970.';
    const anchor = anchorOf(ARTICLE, sentence);
    for (const edit of ['The minister said unemployment fell to 3.4 percent last year, the lowest rate since records began', 'A minister said unemployment fell to 3.4 percent last year, the lowest rate since 1970.']) {
      const edited = ARTICLE.replace(sentence, edit);
      for (const old of [ARTICLE, undefined]) {
        expect(reanchor([anchor], edited, old)[0]).toMatchObject({ status: 'changed', start: edited.indexOf(edit), end: edited.indexOf(edit) + edit.length, text: edit });
      }
    }
  });

  it('places a copy-edited claim even when the sentences around it were rewritten too', () => {
    const anchor = anchorOf(ARTICLE, 'She added that wages rose faster than prices and that the deficit was halved.');
    const edit = 'She added that wages rose faster than inflation and that the deficit was halved.';
    const edited = ARTICLE.replace(/^.*\n.*\n/u, `A new opening line about something else entirely.\n${edit}\n`).replace('Critics said', 'Opponents argued');
    expect(reanchor([anchor], edited, ARTICLE)[0]).toMatchObject({ status: 'changed', start: edited.indexOf(edit), text: edit });
  });

  it('keeps the claims of a moved paragraph, as moved', () => {
    const paragraphs = ARTICLE.split('\n');
    const edited = [paragraphs[2], paragraphs[0], paragraphs[1], paragraphs[3]].join('\n');
    const anchors = [anchorOf(ARTICLE, 'the figures ignore part-time work'), anchorOf(ARTICLE, 'الأسعار ارتفعت بنسبة عشرين'), anchorOf(ARTICLE, 'wages rose faster than prices')];
    for (const placement of reanchor(anchors, edited, ARTICLE)) {
      expect(placement.status === 'moved' || placement.status === 'exact').toBe(true);
    }
    const [moved] = reanchor(anchors, edited, ARTICLE);
    expect(moved).toMatchObject({ status: 'moved', mapped: false, start: edited.indexOf('the figures ignore part-time work') });
  });

  it('counts offsets in UTF-16 units and never cuts an emoji or a combining mark', () => {
    const text = 'Prices 📈 rose. The cafe\u0301 owner 👩‍👩‍👧 said na\u0131\u0308ve buyers paid 5 € more ☕️ daily.\nEnd.';
    const quote = 'The cafe\u0301 owner 👩‍👩‍👧 said na\u0131\u0308ve buyers paid 5 € more ☕️ daily.';
    const anchor = anchorOf(text, quote);
    const inserted = `🎉🎉 Update. ${text}`;
    expect(reanchor([anchor], inserted, text)[0]).toMatchObject({ status: 'moved', start: inserted.indexOf(quote), end: inserted.indexOf(quote) + quote.length });
    const edit = 'The cafe\u0301 owner 👩‍👩‍👧 said na\u0131\u0308ve buyers paid 6 € more ☕️ daily.';
    const edited = text.replace(quote, edit).replace('Prices 📈 rose.', '📉');
    for (const old of [text, undefined]) {
      const placement = reanchor([anchor], edited, old)[0];
      expect(placement).toMatchObject({ status: 'changed', start: edited.indexOf(edit), end: edited.indexOf(edit) + edit.length });
    }
    // A quote ending on an emoji with its variation selector keeps the selector.
    const short = anchorOf(text, 'buyers paid 5 € more ☕️');
    const changed = reanchor([short], text.replace('paid 5', 'paid 6'))[0];
    expect(changed).toMatchObject({ status: 'changed', text: 'buyers paid 6 € more ☕️' });
  });

  it('re-anchors Arabic claims that were edited or moved', () => {
    const quote = 'قال الوزير إن الأسعار ارتفعت بنسبة عشرين بالمئة.';
    const anchor = anchorOf(ARTICLE, quote);
    const edit = 'قال الوزير إن الأسعار ارتفعت بنسبة ثلاثين بالمئة.';
    const edited = ARTICLE.replace(quote, edit);
    expect(reanchor([anchor], edited, ARTICLE)[0]).toMatchObject({ status: 'changed', start: edited.indexOf(edit), text: edit });
    const moved = `${edited.split('\n').slice(2).join('\n')}\n${edited.split('\n').slice(0, 2).join('\n')}`;
    expect(reanchor([anchor], moved, edited)[0]).toMatchObject({ status: 'changed', start: moved.indexOf(edit), text: edit });
  });

  it('never places a claim whose sentence was deleted, wherever the edits are', () => {
    const sentences = ARTICLE.split(/(?<=\.)\s+/u);
    fc.assert(
      fc.property(fc.nat({ max: sentences.length - 1 }), fc.string({ maxLength: 20 }), (index, noise) => {
        const quote = sentences[index] as string;
        const anchor = anchorOf(ARTICLE, quote);
        const edited = ARTICLE.replace(quote, () => noise);
        return reanchor([anchor], edited, ARTICLE)[0]?.status === 'orphan';
      }),
      { numRuns: 200 },
    );
  });
});
