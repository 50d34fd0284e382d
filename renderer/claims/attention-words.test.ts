import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n/translator';
import { LANGUAGES } from '../../shared/i18n/languages';
import type { AttentionWhy } from '../../shared/model/attention-why';
import { attentionWords, whyWords } from './attention-words';

const translator = (language: 'en' | 'ar' | 'fr' | 'es') => createTranslator(language, 'app').getFixedT(language, 'app');

/** One cause of each code, with parameters a wording must carry. */
const CAUSES: AttentionWhy[] = [
  { code: 'update-moved', version: 3 },
  { code: 'update-changed', version: 4, similarity: 87, words: 'The budget is 3.5 billion' },
  { code: 'update-not-found', version: 5, miss: { code: 'gone' } },
  { code: 'update-not-found', version: 6, miss: { code: 'no-quote' } },
  { code: 'update-not-found', version: 7, miss: { code: 'tied' } },
  { code: 'merge-moved' },
  { code: 'merge-changed', similarity: 81 },
  { code: 'merge-not-found', miss: { code: 'repeated', count: 4 } },
  { code: 'merge-no-place' },
  { code: 'merge-kept', deletedBy: 'Ana', changedBy: 'Bob' },
  { code: 'edited-here', words: 'fell by 20 percent' },
];

/** What of `why` a sentence must show: its numbers and quoted words. */
function parametersOf(why: AttentionWhy): string[] {
  const values: string[] = [];
  if ('version' in why) values.push(String(why.version));
  if ('similarity' in why) values.push(String(why.similarity));
  if ('words' in why) values.push(why.words);
  if (why.code === 'merge-kept') values.push(why.deletedBy, why.changedBy);
  if ('miss' in why && why.miss.code === 'repeated') values.push(String(why.miss.count));
  return values;
}

describe('why a claim needs a look, in the interface language', () => {
  it('words every cause in every language with its numbers and words, and no two causes alike', () => {
    expect(LANGUAGES.map((language) => language.code).sort()).toEqual(['ar', 'en', 'es', 'fr']);
    const english = CAUSES.map((why) => whyWords(why, translator('en')));
    for (const language of ['en', 'ar', 'fr', 'es'] as const) {
      const t = translator(language);
      const sentences = CAUSES.map((why) => whyWords(why, t));
      // A message missing from a catalogue would quietly show the English one.
      if (language !== 'en')
        expect(
          sentences.filter((sentence) => english.includes(sentence)),
          language,
        ).toEqual([]);
      for (const [index, sentence] of sentences.entries()) {
        const why = CAUSES[index] as AttentionWhy;
        expect(sentence, `${language} ${why.code}`).not.toMatch(/attention\.|\{\{/);
        for (const value of parametersOf(why)) expect(sentence, `${language} ${why.code}`).toContain(value);
      }
      expect(new Set(sentences).size, language).toBe(sentences.length);
    }
  });

  it('reads in Arabic, with the article’s words isolated so their direction holds, and the percent as Arabic writes it', () => {
    const t = translator('ar');
    expect(whyWords({ code: 'update-changed', version: 4, similarity: 87, words: 'The budget is 3.5 billion' }, t)).toBe(
      'عدّل الناشر هذه الكلمات في الإصدار 4 من المقال (تشابه 87\u00a0٪)، فصارت: «\u2068The budget is 3.5 billion\u2069». تحقّق من أن الادعاء ما زال يقول ما دُقِّق.',
    );
    expect(whyWords({ code: 'merge-not-found', miss: { code: 'repeated', count: 2 } }, t)).toBe('لم يُحدَّد موضعه في هذه النسخة: يرد الاقتباس مرتين ولا يبيّن سياقه أيّهما المقصود.');
    expect(whyWords({ code: 'merge-kept', deletedBy: 'Ana', changedBy: 'Bob' }, t)).toContain('\u2068Ana\u2069');
  });

  it('says in French and Spanish how alike the words are, and in English the same as the stored sentence', () => {
    expect(whyWords({ code: 'merge-changed', similarity: 81 }, translator('fr'))).toBe(
      'Les mots ont été modifiés dans cette copie (semblables à 81\u00a0%)\u00a0; vérifiez que l’affirmation dit toujours ce qui a été vérifié.',
    );
    expect(whyWords({ code: 'update-not-found', version: 2, miss: { code: 'gone' } }, translator('es'))).toBe(
      'No se encontró en la versión 2 del artículo: las palabras citadas ya no están en el artículo (eliminadas o reformuladas). Seleccione sus palabras en el artículo y vuelva a ubicarla, o elimínela.',
    );
    expect(whyWords({ code: 'update-not-found', version: 2, miss: { code: 'gone' } }, translator('en'))).toBe(
      'Not found in version 2 of the article: the quoted words are no longer in the article (deleted or reworded). Select its words in the article and place it again, or delete it.',
    );
  });

  it('shows the stored sentence of a flag from an older file, which has no cause', () => {
    const older = { kind: 'changed' as const, quote: 'q', detail: 'The words were edited in this copy (80 % alike).' };
    expect(attentionWords(older, translator('ar'))).toBe(older.detail);
    expect(attentionWords({ ...older, why: { code: 'merge-changed', similarity: 80 } }, translator('ar'))).not.toBe(older.detail);
  });
});
