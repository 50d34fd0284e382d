import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findQuote, findQuotesIn, prepareText } from './quote-search';

const places = (text: string, quote: string): string[] => findQuote(text, quote).map(({ start, end }) => `${start}-${end}:${text.slice(start, end)}`);

describe('finding a quote', () => {
  it('counts whole words only: an Arabic word with an attached prefix, or an English word inside a longer one, is not another occurrence', () => {
    const arabic = 'زار الوزير أذربيجان أمس، وقال إن لأذربيجان دورا مهما، وإن وأذربيجان شريك.';
    expect(places(arabic, 'أذربيجان')).toEqual([`11-19:أذربيجان`]);
    expect(places('The fellow said crime fell.', 'fell')).toEqual(['22-26:fell']);
  });

  it('still finds a quote that is part of a word when it is never a whole word, and every whole occurrence', () => {
    expect(places('Unemployment fell.', 'employment')).toEqual(['2-12:employment']);
    expect(places('Crime fell, and\n\ncrime   fell again.', 'crime fell').length).toBe(1);
    expect(places('Crime fell; crime fell.', 'crime fell')).toEqual(['12-22:crime fell']);
    expect(places('«Crime fell», he said. Crime fell.', 'Crime fell')).toEqual(['1-11:Crime fell', '23-33:Crime fell']);
  });
});

describe('searching one article for many quotes', () => {
  it('folds exactly the characters that \\s matches, each run of them to one space', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      const expected = /\s/.test(character) ? 'a b' : `a${character}${character}b`;
      if (prepareText(`a${character}${character}b`).folded !== expected) wrong.push(`U+${code.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    const prepared = prepareText(' Crime\u00a0 fell\n\n\tby\u2009 20 ');
    expect(prepared.folded).toBe(' Crime fell by 20 ');
    expect([...prepared.origin]).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 15, 16, 17, 19, 20, 21]);
  });

  it('finds for many quotes at once exactly what it finds for each alone (fast-check)', () => {
    const words = ['crime', 'fell', 'fellow', 'by', '20', 'percent', 'أذربيجان', 'لأذربيجان', 'وقال', 'الوزير', 'e\u0301', '👩‍👩‍👧'];
    const spaces = [' ', ' ', '  ', '\n', '\n\n', '\u00a0'];
    const textOf = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...spaces), fc.constantFrom('', '', ',', '.', '«')), { minLength: 1, maxLength: 80 }).map((parts) => parts.map(([word, space, mark]) => `${word}${mark}${space}`).join(''));
    fc.assert(
      fc.property(textOf, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 60 }), fc.boolean()), { minLength: 8, maxLength: 40 }), (text, picks) => {
        // Quotes cut anywhere from the text (inside words too), some with their white space changed.
        const quotes = picks.map(([from, length, respace]) => {
          const start = from % text.length;
          const quote = text.slice(start, start + length);
          return respace ? quote.replace(/\s+/g, ' \n ') : quote;
        });
        expect(findQuotesIn(prepareText(text), quotes)).toEqual(quotes.map((quote) => findQuote(text, quote)));
      }),
      { numRuns: 300 },
    );
  });

  it('finds each of thousands of quotes that begin alike once, at its own place', () => {
    const sentences = Array.from({ length: 3000 }, (_, index) => `The finance minister said exports rose by ${index + 1000} tonnes.`);
    const text = sentences.map((sentence, index) => `${sentence}${index % 5 === 4 ? '\n\n' : ' '}`).join('');
    const found = findQuotesIn(prepareText(text), sentences);
    expect(found.every((matches, index) => matches.length === 1 && text.slice(matches[0]?.start, matches[0]?.end) === sentences[index])).toBe(true);
  });
});
