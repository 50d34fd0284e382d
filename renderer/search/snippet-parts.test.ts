import { describe, expect, it } from 'vitest';
import { snippetParts, wordRanges } from './snippet-parts';

describe('a search snippet cut into highlighted runs', () => {
  it('keeps every character, in order, with the ranges marked', () => {
    const parts = snippetParts({ text: 'ONS figures show a 2 percent fall.', highlights: [[4, 11], [21, 28]] });
    expect(parts).toEqual([
      { text: 'ONS ', marked: false },
      { text: 'figures', marked: true },
      { text: ' show a 2 ', marked: false },
      { text: 'percent', marked: true },
      { text: ' fall.', marked: false },
    ]);
  });

  it('widens a range to the whole Arabic word, prefix and diacritics included, so its letters stay joined', () => {
    const text = 'زار الوزير لأذربيجانَ أمس';
    const start = text.indexOf('أذربيجان');
    const parts = snippetParts({ text, highlights: [[start, start + 'أذربيجان'.length]] });
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(['لأذربيجانَ']);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });

  it('joins overlapping ranges, drops empty ones and clamps ranges past the end', () => {
    expect(wordRanges({ text: 'fell by twenty', highlights: [[0, 2], [1, 4], [6, 6], [8, 99]] })).toEqual([
      [0, 4],
      [8, 14],
    ]);
  });
});
