/** The scale editor's refusals: the service's own sentence in English, and the same refusal in the interface's language. */
import { afterEach, describe, expect, it } from 'vitest';
import { describeIssues } from '../../shared/api/plain-issues';
import { DEFAULT_SCALE, type RatingScale, type Verdict } from '../../shared/model/rating-scale';
import { duplicateScale, EditableScale } from '../../shared/model/scale-rules';
import { interfaceI18n } from '../i18n/interface-i18n';
import { ratingText, ratioText, scaleProblem } from './scale-problems';

const copy = duplicateScale(DEFAULT_SCALE, 'scale-copy');
const withVerdict = (index: number, change: Partial<Verdict>): RatingScale => ({ ...copy, verdicts: copy.verdicts.map((verdict, at) => (at === index ? { ...verdict, ...change } : verdict)) });

/** One scale for each thing the library refuses, rules first (scale-rules.ts), then fields (the schema). */
const BROKEN: Record<string, RatingScale> = {
  'a blank name': { ...copy, name: '   ' },
  'ratings past the limit': { ...copy, bestRating: 2000 },
  'the same best and worst rating': { ...copy, bestRating: 1, verdicts: copy.verdicts.map((verdict) => ({ ...verdict, ratingValue: 1 })) },
  'a blank label': withVerdict(2, { label: '  ' }),
  'two verdicts with one label': withVerdict(1, { label: 'true' }),
  'two verdicts with one id': withVerdict(1, { id: 'true' }),
  'a value outside the range': withVerdict(3, { ratingValue: 7.5 }),
  'a colour too light for white text': withVerdict(0, { color: '#FFFF00' }),
  'an empty name': { ...copy, name: '' },
  'an empty label': withVerdict(4, { label: '' }),
  'a colour that is not #rrggbb': withVerdict(1, { color: '#12' }),
};

function refusal(scale: RatingScale): { service: string; editor: string } {
  const checked = EditableScale.safeParse(scale);
  if (checked.success) throw new Error('the library accepted a scale it should refuse');
  return { service: describeIssues(checked.error, 'the scale', 1), editor: scaleProblem(checked.error, scale) };
}

afterEach(() => interfaceI18n.changeLanguage('en'));

describe('the scale editor’s refusals', () => {
  for (const [broken, scale] of Object.entries(BROKEN)) {
    it(`words ${broken} in English exactly as the library does`, () => {
      const { service, editor } = refusal(scale);
      expect(editor).toBe(service);
    });
  }

  it('words every refusal in Arabic, with the verdict and the numbers kept left to right', async () => {
    await interfaceI18n.changeLanguage('ar');
    for (const [broken, scale] of Object.entries(BROKEN)) {
      const { editor } = refusal(scale);
      expect(editor, broken).toMatch(/[\u0600-\u06ff]/);
      expect(editor.replace(/Factmark|#/g, ''), broken).not.toMatch(/\b(the|scale|verdict|needs)\b/i);
    }
    expect(refusal(BROKEN['a colour too light for white text'] as RatingScale).editor).toBe(
      'يحتاج «\u2068True\u2069» إلى لون أغمق: تباين النص الأبيض على \u2066#ffff00\u2069 هو \u20661.07:1\u2069، وتحتاج الشارات إلى \u20664.5:1\u2069 على الأقل لتكون مقروءة.',
    );
  });

  it('writes ratings and ratios with the French decimal comma, never grouped', async () => {
    await interfaceI18n.changeLanguage('fr');
    expect(refusal(BROKEN['a value outside the range'] as RatingScale).editor).toBe('L’échelle donne à «\u00a0Mostly false\u00a0» la valeur 7,5, hors de sa plage de 1 (le pire) à 5 (le meilleur).');
    expect(ratingText(-1000)).toBe('-1000');
    expect(ratioText(4.4871)).toBe('4,48:1');
    expect(ratioText(21)).toBe('21:1');
  });

  it('keeps the library’s English for a field the editor’s inputs already limit', async () => {
    await interfaceI18n.changeLanguage('ar');
    expect(refusal({ ...copy, name: 'x'.repeat(101) }).editor).toBe('The name is too long (at most 100 characters).');
  });
});
