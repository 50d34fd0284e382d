import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue';
import { createTranslator } from './translator';

const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('plural messages of the interface', () => {
  for (const [language, namespaces] of Object.entries(CATALOGUE)) {
    // A missing form is not an error to i18next: it quietly shows the English message instead.
    it(`${language} has every plural form its language uses`, () => {
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const messages: Record<string, string> = namespaces.app;
      const pluralKeys = new Set(Object.keys(messages).filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')));
      const missing = [...pluralKeys].flatMap((key) => forms.map((form) => `${key}_${form}`)).filter((key) => messages[key] === undefined);
      expect(missing).toEqual([]);
    });
  }

  it('chooses the Arabic form for each count, with the count written in Western digits', () => {
    const t = createTranslator('ar', 'app').getFixedT('ar', 'app');
    expect(t('compare.changeCount', { count: 1 })).toBe('تغيير واحد منذ استيراد المقال.');
    expect(t('compare.changeCount', { count: 2 })).toBe('تغييران منذ استيراد المقال.');
    expect(t('compare.changeCount', { count: 7 })).toBe('7 تغييرات منذ استيراد المقال.');
    expect(t('compare.changeCount', { count: 12 })).toBe('12 تغييرًا منذ استيراد المقال.');
    expect(t('compare.changeCount', { count: 100 })).toBe('100 تغيير منذ استيراد المقال.');
  });
});
