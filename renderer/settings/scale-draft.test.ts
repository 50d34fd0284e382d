/** The scale editor's drafts: numbers as typed, reordering, and the way back to a scale the library accepts. */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE } from '../../shared/model/rating-scale';
import { duplicateScale } from '../../shared/model/scale-rules';
import { interfaceI18n } from '../i18n/interface-i18n';
import { draftChanged, draftOf, scaleFromDraft, withNewVerdict, withVerdictMoved } from './scale-draft';

const copy = duplicateScale(DEFAULT_SCALE, 'scale-copy');

afterEach(() => interfaceI18n.changeLanguage('en'));

describe('scale drafts', () => {
  it('round-trips a scale unchanged, and notices a change', () => {
    const draft = draftOf(copy);
    expect(scaleFromDraft(draft)).toEqual({ ok: true, scale: copy });
    expect(draftChanged(draft, copy)).toBe(false);
    expect(draftChanged({ ...draft, name: 'Other' }, copy)).toBe(true);
  });

  it('reads numbers as people type them, and asks for a missing one by the verdict’s name', () => {
    const draft = draftOf(copy);
    const typed = { ...draft, verdicts: draft.verdicts.map((verdict, index) => (index === 2 ? { ...verdict, value: ' 2,5 ' } : verdict)) };
    expect(scaleFromDraft(typed)).toMatchObject({ ok: true, scale: { verdicts: expect.arrayContaining([expect.objectContaining({ id: 'mixed', ratingValue: 2.5 })]) } });
    const empty = { ...draft, verdicts: draft.verdicts.map((verdict, index) => (index === 2 ? { ...verdict, value: '' } : verdict)) };
    expect(scaleFromDraft(empty)).toEqual({ ok: false, problem: 'Give “Mixed” a value from 1 (worst) to 5 (best).' });
    expect(scaleFromDraft({ ...draft, best: 'five' })).toEqual({ ok: false, problem: 'Give the scale a best rating (a number, such as 5).' });
  });

  it('reads numbers typed on an Arabic keyboard, and refuses in Arabic when the interface is Arabic', async () => {
    const draft = draftOf(copy);
    const typed = { ...draft, best: '\u0665', worst: '\u06f1', verdicts: draft.verdicts.map((verdict, index) => (index === 2 ? { ...verdict, value: '\u0662\u066b\u0665' } : verdict)) };
    const read = scaleFromDraft(typed);
    expect(read.ok && [read.scale.bestRating, read.scale.worstRating, read.scale.verdicts[2]?.ratingValue]).toEqual([5, 1, 2.5]);
    await interfaceI18n.changeLanguage('ar');
    const empty = { ...draft, verdicts: draft.verdicts.map((verdict, index) => (index === 2 ? { ...verdict, label: '', value: '' } : verdict)) };
    expect(scaleFromDraft(empty)).toEqual({ ok: false, problem: 'أعطِ «\u2068الحكم 3\u2069» قيمةً من \u20661\u2069 (الأسوأ) إلى \u20665\u2069 (الأفضل).' });
    expect(scaleFromDraft({ ...draft, worst: '' })).toEqual({ ok: false, problem: 'اكتب أسوأ تقييم في المقياس (رقمًا، مثل 1).' });
  });

  it('keeps a verdict off the true–false line inside the range, whatever its field says', () => {
    const draft = draftOf(copy);
    const narrowed = { ...draft, best: '3', verdicts: draft.verdicts.filter((verdict) => verdict.id === 'unverifiable' || verdict.id === 'false').map((verdict) => ({ ...verdict, value: verdict.id === 'false' ? '1' : '' })) };
    const read = scaleFromDraft(narrowed);
    expect(read.ok && read.scale.verdicts.map((verdict) => [verdict.id, verdict.ratingValue, verdict.ordinal])).toEqual([
      ['false', 1, true],
      ['unverifiable', 2, false],
    ]);
  });

  it('refuses what the library would refuse, in the same sentence', () => {
    const draft = draftOf(copy);
    const light = { ...draft, verdicts: draft.verdicts.map((verdict, index) => (index === 0 ? { ...verdict, color: '#FFFF00' } : verdict)) };
    expect(scaleFromDraft(light)).toEqual({ ok: false, problem: 'The scale needs a darker colour for “True”: white text on #ffff00 has a contrast of 1.07:1, and badges need at least 4.5:1 to be readable.' });
  });

  it('moves a verdict by one place, never past either end, and adds a new one with a free id', () => {
    const draft = draftOf(copy);
    expect(withVerdictMoved(draft, 2, -1).verdicts.slice(0, 3).map((verdict) => verdict.id)).toEqual(['true', 'mixed', 'mostly-true']);
    expect(withVerdictMoved(draft, 0, -1)).toBe(draft);
    expect(withVerdictMoved(draft, 6, 1)).toBe(draft);
    const added = withNewVerdict(draft).verdicts.at(-1);
    expect(added).toMatchObject({ id: 'verdict-8', label: '', value: '1', ordinal: true });
    expect(scaleFromDraft(withNewVerdict(draft))).toEqual({ ok: false, problem: 'The label of verdict 8 is empty.' });
  });
});
