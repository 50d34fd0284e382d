import { describe, expect, it } from 'vitest';
import { findQuote } from './quote-search';

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
