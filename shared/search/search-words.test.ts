import { describe, expect, it } from 'vitest';
import { foldWord, matchRanges, searchTokenize, wordForms, wordKey } from './search-words';

/** True when some form of `left` is a form of `right`: the two words find each other. */
const meet = (left: string, right: string): boolean => wordForms(left).some((form) => wordForms(right).includes(form));

describe('search words', () => {
  it('folds Latin case and accents, so Zürich, São and É match their plain spellings', () => {
    expect(foldWord('Zürich')).toBe('zurich');
    expect(foldWord('São')).toBe('sao');
    expect(foldWord('É')).toBe('e');
    expect(foldWord('Cafe\u0301')).toBe('cafe');
    expect(foldWord('İSTANBUL')).toBe('istanbul');
  });

  it('reads Arabic-Indic and Persian digits as 0-9', () => {
    expect(foldWord('٢٠٢٠')).toBe('2020');
    expect(foldWord('۱۹۷۰')).toBe('1970');
  });

  it('ignores tashkeel, superscript alef, Quranic marks and tatweel', () => {
    expect(foldWord('مُحَمَّدٌ')).toBe('محمد');
    expect(foldWord('رَحْمَٰن')).toBe('رحمن');
    expect(foldWord('الـــوزيـــر')).toBe('الوزير');
    expect(foldWord('ٱلْعَٰلَمِينَ۝')).toBe(foldWord('العلمين'));
  });

  it('unifies alef forms, ta marbuta with ha, alef maqsura with ya, and Persian yeh and kaf', () => {
    expect(new Set(['أمن', 'إمن', 'آمن', 'ٱمن', 'امن'].map(foldWord)).size).toBe(1);
    expect(foldWord('مدرسة')).toBe(foldWord('مدرسه'));
    expect(foldWord('مصطفى')).toBe(foldWord('مصطفي'));
    expect(foldWord('کتاب')).toBe(foldWord('كتاب'));
    expect(foldWord('فارسی')).toBe(foldWord('فارسي'));
  });

  it('lets a word with an attached prefix and the bare word find each other, both ways', () => {
    expect(meet('لأذربيجان', 'أذربيجان')).toBe(true);
    expect(meet('أذربيجان', 'لأذربيجان')).toBe(true);
    for (const [left, right] of [
      ['الوزير', 'وزير'],
      ['والوزير', 'وزير'],
      ['والوزير', 'الوزير'],
      ['للوزير', 'وزير'],
      ['بالمدرسة', 'مدرسه'],
      ['فالحكومة', 'الحكومة'],
      ['كالبحر', 'بحر'],
      ['ولبنان', 'لبنان'],
      ['وبالأمس', 'أمس'],
    ]) {
      expect(meet(left as string, right as string), `${left} ↔ ${right}`).toBe(true);
      expect(meet(right as string, left as string), `${right} ↔ ${left}`).toBe(true);
    }
  });

  it('does not cut a word that merely starts with a prefix letter down to an unrelated word', () => {
    expect(wordForms('وزير')).toEqual(['وزير']);
    expect(wordForms('بيان')).toEqual(['بيان']);
    expect(wordForms('كبير')).toEqual(['كبير']);
    expect(meet('كبير', 'بئر')).toBe(false);
    expect(meet('وزير', 'زير')).toBe(false);
    expect(meet('بيان', 'يان')).toBe(false);
    expect(wordForms('فلسطين')[0]).toBe('فلسطين');
    expect(meet('فلسطين', 'لفلسطين')).toBe(true);
  });

  it('never strips Latin words, and keeps the whole form first', () => {
    expect(wordForms('ballot')).toEqual(['ballot']);
    expect(wordForms('Walid')).toEqual(['walid']);
    expect(wordKey('لأذربيجان')).toBe(wordKey('أذربيجان'));
  });

  it('splits text into words of letters, digits and marks, keeping diacritics inside the word', () => {
    expect(searchTokenize('قالَ الوزيرُ: 3.4% (Zürich)')).toEqual(['قالَ', 'الوزيرُ', '3', '4', 'Zürich']);
  });

  it('finds the original characters of matched words, diacritics and prefixes included', () => {
    const text = 'Le maire de Zürich a dit: زار الوزيرُ لأذربيجان أمس.';
    const ranges = matchRanges(text, new Set([...wordForms('zurich'), ...wordForms('أذربيجان'), ...wordForms('وزير')]));
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['Zürich', 'الوزيرُ', 'لأذربيجان']);
    expect(matchRanges(text, new Set())).toEqual([]);
    expect(matchRanges(text, new Set(wordForms('zurich')), 1)).toHaveLength(1);
  });
});
