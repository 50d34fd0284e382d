import { describe, expect, it } from 'vitest';
import { countLetters } from './report-words';

/** The counts as the Unicode property escapes give them, one code point at a time. */
const byRegex = (text: string) => ({ letters: text.match(/\p{L}/gu)?.length ?? 0, arabic: text.match(/\p{Script=Arabic}/gu)?.length ?? 0 });

describe('counting an article’s letters to choose a report’s language', () => {
  it.each([
    ['English', 'The minister said 3.4% of 1970’s wages rose.'],
    ['Arabic with its digits and marks', 'وقال الوزير إنَّ الأسعار ارتفعت ٣٫٤٪ في عام ١٩٧٠، ﷺ'],
    ['letters beyond the first 65,536 and emoji', '𝐀𝐁 𞸀𞸁 👩‍👩‍👧 Cafe\u0301 中文'],
    ['lone surrogates', 'a\uD800b\uDC00c\uD835'],
    ['nothing', ''],
  ])('counts %s as \\p{L} and \\p{Script=Arabic} do', (_, text) => {
    expect(countLetters(text)).toEqual(byRegex(text));
    // Twice: the second time the table of code units already seen answers.
    expect(countLetters(text)).toEqual(byRegex(text));
  });
});
