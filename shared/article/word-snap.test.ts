import { describe, expect, it } from 'vitest';
import { snapToWords } from './word-snap';

const snapped = (text: string, start: number, end: number): string => {
  const range = snapToWords(text, start, end);
  return text.slice(range.start, range.end);
};

describe('snapToWords', () => {
  it('widens a selection that starts and ends inside words', () => {
    const text = 'Unemployment fell to 3.4 percent last year.';
    expect(snapped(text, 3, 15)).toBe('Unemployment fell');
  });

  it('trims white space picked up at the edges', () => {
    expect(snapped('  the rate doubled  ', 0, 20)).toBe('the rate doubled');
  });

  it('keeps an exact word selection as it is', () => {
    const text = 'prices rose by half';
    expect(snapped(text, 7, 11)).toBe('rose');
  });

  it('takes whole Arabic words so their letters stay joined', () => {
    const text = 'قال الوزير إن الأسعار ارتفعت بنسبة عشرين بالمئة';
    const start = text.indexOf('الأسعار') + 2;
    const end = text.indexOf('بنسبة') + 3;
    expect(snapped(text, start, end)).toBe('الأسعار ارتفعت بنسبة');
  });

  it('handles a selection made backwards', () => {
    expect(snapped('one two three', 9, 5)).toBe('two three');
  });

  it('keeps emoji and combining marks whole', () => {
    const text = 'Cafe\u0301 owners 👩‍👩‍👧 said so';
    expect(snapped(text, 1, 7)).toBe('Cafe\u0301 owners');
    expect(snapped(text, 0, 4)).toBe('Cafe\u0301');
    const family = text.indexOf('👩');
    expect(snapped(text, family + 1, family + 3)).toBe('👩‍👩‍👧');
  });
});
