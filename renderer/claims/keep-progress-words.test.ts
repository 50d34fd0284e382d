import { describe, expect, it } from 'vitest';
import { CAPTURE_STEPS } from '../../shared/model/capture-step';
import { createTranslator } from '../../shared/i18n/translator';
import { progressLine, stepName } from './keep-progress-words';

const en = createTranslator('en', 'app').getFixedT('en', 'app');
const ar = createTranslator('ar', 'app').getFixedT('ar', 'app');
const loading = { step: 'Loading the page' as const, index: 3, count: 7, finished: false, link: null };

describe('how a running keep says where it has got', () => {
  it('names the step with its place among the steps', () => {
    expect(progressLine(loading, en, 'Keeping a copy…')).toBe('Loading the page (3 of 7)…');
    expect(progressLine(loading, ar, 'جارٍ الاحتفاظ بنسخة…')).toBe('تحميل الصفحة (3 من 7)…');
  });

  it('says the waiting words until the first step is known', () => {
    expect(progressLine(null, en, 'Keeping a copy…')).toBe('Keeping a copy…');
    expect(progressLine({ ...loading, step: null, index: 0 }, en, 'Keeping a copy…')).toBe('Keeping a copy…');
  });

  it('says which link of how many a keep of all links is on', () => {
    expect(progressLine({ ...loading, link: { index: 2, count: 5 } }, en, 'Keeping copies…')).toBe('Link 2 of 5 · Loading the page (3 of 7)…');
    expect(progressLine({ ...loading, step: null, link: { index: 1, count: 5 } }, en, 'Keeping copies…')).toBe('Link 1 of 5 · Keeping copies…');
  });

  it('has words of its own for every capture step in every language', () => {
    for (const language of ['en', 'ar', 'fr', 'es'] as const) {
      const t = createTranslator(language, 'app').getFixedT(language, 'app');
      const names = CAPTURE_STEPS.map((step) => stepName(step, t));
      expect(new Set(names).size).toBe(CAPTURE_STEPS.length);
      expect(names.every((name) => !name.startsWith('evidenceCopy.'))).toBe(true);
    }
  });
});
