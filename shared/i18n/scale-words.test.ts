import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE } from '../model/rating-scale';
import { localisedScale } from './scale-words';

describe('the built-in scale in the reader’s language', () => {
  it('speaks Arabic, French and Spanish, and keeps ids, values, colours and the ordinal flag', () => {
    const arabic = localisedScale(DEFAULT_SCALE, 'ar');
    expect(arabic.verdicts.map((verdict) => verdict.label)).toEqual(['صحيح', 'صحيح في معظمه', 'مختلط', 'خاطئ في معظمه', 'خاطئ', 'مضلل', 'لا يمكن التحقق منه']);
    expect(arabic.verdicts.map(({ id, ratingValue, color, ordinal }) => ({ id, ratingValue, color, ordinal }))).toEqual(DEFAULT_SCALE.verdicts.map(({ id, ratingValue, color, ordinal }) => ({ id, ratingValue, color, ordinal })));
    expect(localisedScale(DEFAULT_SCALE, 'fr').verdicts[4]?.label).toBe('Faux');
    expect(localisedScale(DEFAULT_SCALE, 'es').verdicts[6]?.label).toBe('Inverificable');
    expect(localisedScale(DEFAULT_SCALE, 'en')).toBe(DEFAULT_SCALE);
  });

  it('never changes a newsroom’s own words', () => {
    const renamed = { ...DEFAULT_SCALE, verdicts: DEFAULT_SCALE.verdicts.map((verdict) => (verdict.id === 'false' ? { ...verdict, label: 'Pants on fire' } : verdict)) };
    const arabic = localisedScale(renamed, 'ar');
    expect(arabic.verdicts.find((verdict) => verdict.id === 'false')?.label).toBe('Pants on fire');
    expect(arabic.verdicts.find((verdict) => verdict.id === 'true')?.label).toBe('صحيح');
    const own = { ...DEFAULT_SCALE, id: 'desk-scale', name: 'Desk scale' };
    expect(localisedScale(own, 'ar')).toBe(own);
  });
});
