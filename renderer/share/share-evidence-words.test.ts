import { describe, expect, it } from 'vitest';
import type { ReceivedEvidenceCopies } from '../../shared/share-file/shared-evidence';
import { createTranslator } from '../../shared/i18n/translator';
import type { LanguageCode } from '../../shared/i18n/languages';
import { receivedCopiesSentence } from './share-evidence-words';

const tIn = (language: LanguageCode) => createTranslator(language, 'app').getFixedT(language, 'app');
const refused = { claimNumber: 2, source: 'https://example.org/a', copyId: 'copy-1', code: 'not-intact' as const, reason: 'altered' };
const received = (kept: number, notIncluded = 0, refusals = [refused]): ReceivedEvidenceCopies => ({ kept, notIncluded, refused: refusals, message: '' });

describe('what the open or merge dialog says about evidence copies received', () => {
  it('says nothing of kept copies when none was kept', () => {
    const sentence = receivedCopiesSentence(received(0), tIn('en'));
    expect(sentence).toBe('The copy of “https://example.org/a” (claim 2) was refused because its files do not match what the sender recorded.');
    for (const language of ['ar', 'fr', 'es'] as const) expect(receivedCopiesSentence(received(0), tIn(language))).not.toMatch(/\b0\b/);
    expect(receivedCopiesSentence(received(0, 0, []), tIn('en'))).toBe('');
  });

  it('counts kept copies with the plural form of each language', () => {
    const en = tIn('en');
    expect(receivedCopiesSentence(received(1), en)).toMatch(/^1 evidence copy kept\. /);
    expect(receivedCopiesSentence(received(3, 2), en)).toMatch(/^3 evidence copies kept\. .* 2 copies were not included by the sender\.$/);
    const ar = tIn('ar');
    expect(receivedCopiesSentence(received(1), ar)).toMatch(/^حُفظت نسخة واحدة من الأدلة\. /);
    expect(receivedCopiesSentence(received(2), ar)).toMatch(/^حُفظت نسختان من الأدلة\. /);
    expect(receivedCopiesSentence(received(5), ar)).toMatch(/^حُفظت 5 نسخ من الأدلة\. /);
    expect(receivedCopiesSentence(received(11), ar)).toMatch(/^حُفظت 11 نسخة من الأدلة\. /);
    expect(receivedCopiesSentence(received(1), tIn('fr'))).toMatch(/^1 copie de preuve conservée\. /);
    expect(receivedCopiesSentence(received(4), tIn('es'))).toMatch(/^Se guardaron 4 copias de pruebas\. /);
  });
});
