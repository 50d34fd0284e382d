/** The rules a newsroom's own rating scale must keep, and old scales read with the right ordinal flags. */
import { describe, expect, it } from 'vitest';
import { describeIssues } from '../api/plain-issues';
import { restoreOrdinalFlags } from './legacy-ordinal';
import { DEFAULT_SCALE, RatingScale } from './rating-scale';
import { badgeContrast, contrastRatio, duplicateScale, EditableScale, formatRatio, isReadableBadgeColor, newScaleId, newVerdictId } from './scale-rules';

const problemOf = (scale: unknown): string | null => {
  const checked = EditableScale.safeParse(scale);
  return checked.success ? null : describeIssues(checked.error, 'the scale', 1);
};

const withVerdict = (index: number, change: Partial<RatingScale['verdicts'][number]>): RatingScale => ({
  ...DEFAULT_SCALE,
  verdicts: DEFAULT_SCALE.verdicts.map((verdict, at) => (at === index ? { ...verdict, ...change } : verdict)),
});

describe('badge contrast (WCAG 2.x)', () => {
  it('measures the ratios WCAG gives for known pairs', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // #767676 is the lightest grey that carries white text at AA; #777777 just misses it.
    expect(badgeContrast('#767676')).toBeCloseTo(4.54, 2);
    expect(badgeContrast('#777777')).toBeCloseTo(4.48, 2);
    expect(isReadableBadgeColor('#767676')).toBe(true);
    expect(isReadableBadgeColor('#777777')).toBe(false);
    expect(isReadableBadgeColor('#76767')).toBe(false);
  });

  it('never rounds a refused ratio up to the limit', () => {
    expect(formatRatio(badgeContrast('#777777'))).toBe('4.47:1');
    expect(formatRatio(21)).toBe('21:1');
    expect(formatRatio(4.5)).toBe('4.5:1');
  });

  it('finds every colour of the built-in scale readable', () => {
    for (const verdict of DEFAULT_SCALE.verdicts) expect(badgeContrast(verdict.color), verdict.label).toBeGreaterThanOrEqual(4.5);
    expect(problemOf(DEFAULT_SCALE)).toBeNull();
  });
});

describe('EditableScale', () => {
  it('refuses a light colour, naming the verdict and the ratio in one sentence', () => {
    expect(problemOf(withVerdict(1, { color: '#F0C000' }))).toBe('The scale needs a darker colour for “Mostly true”: white text on #f0c000 has a contrast of 1.71:1, and badges need at least 4.5:1 to be readable.');
    expect(problemOf(withVerdict(6, { label: 'لا يمكن التحقق منه', color: '#9aa0a6' }))).toMatch(/^The scale needs a darker colour for “لا يمكن التحقق منه”: white text on #9aa0a6 has a contrast of 2\.\d+:1/);
  });

  it('refuses labels that are blank or given twice, values off the range, and a range of one point', () => {
    expect(problemOf(withVerdict(2, { label: '   ' }))).toBe('The scale needs a label for verdict 3.');
    expect(problemOf(withVerdict(2, { label: ' true ' }))).toBe('The scale gives two verdicts the label “true”; give each verdict its own label, as reports and the command line name verdicts by it.');
    expect(problemOf(withVerdict(0, { ratingValue: 6 }))).toMatch(/^The scale gives “True” the value 6, outside its range from 1 \(worst\) to 5 \(best\)\./);
    expect(problemOf({ ...DEFAULT_SCALE, bestRating: 1, verdicts: DEFAULT_SCALE.verdicts.map((verdict) => ({ ...verdict, ratingValue: 1 })) })).toBe('The scale needs a best rating different from its worst rating (both are 1).');
    expect(problemOf({ ...DEFAULT_SCALE, name: ' ' })).toBe('The scale needs a name.');
    expect(problemOf({ ...DEFAULT_SCALE, bestRating: 1e6 })).toMatch(/needs its best and worst ratings between/);
  });

  it('reports the stored shape’s limits in words, and fields it does not know', () => {
    expect(problemOf(withVerdict(0, { label: 'x'.repeat(61) }))).toBe('The label of verdict 1 is too long (at most 60 characters).');
    expect(problemOf(withVerdict(0, { color: 'red' }))).toMatch(/^The color of verdict 1 /);
    expect(problemOf({ ...DEFAULT_SCALE, verdicts: [] })).toMatch(/needs at least 1 item/);
    expect(problemOf({ ...DEFAULT_SCALE, extra: true })).toMatch(/has fields Factmark does not know \(extra\)/);
  });

  it('lets a scale run from best to worst downwards (1 the best, 5 the worst)', () => {
    expect(problemOf({ ...DEFAULT_SCALE, bestRating: 1, worstRating: 5 })).toBeNull();
  });
});

describe('making scales of one’s own', () => {
  it('duplicates a scale under a new id with the same verdicts, to change without touching the original', () => {
    const copy = duplicateScale(DEFAULT_SCALE, 'scale-abc');
    expect(copy).toMatchObject({ id: 'scale-abc', name: 'Copy of Factmark seven-point scale', bestRating: 5, worstRating: 1 });
    expect(copy.verdicts).toEqual(DEFAULT_SCALE.verdicts);
    copy.verdicts[0]!.label = 'Correct';
    expect(DEFAULT_SCALE.verdicts[0]?.label).toBe('True');
  });

  it('makes ids that are free and that the stored format accepts', () => {
    const answers = ['AB12', 'ab12', 'Zz-9!'];
    const id = newScaleId(new Set(['scale-ab12']), () => answers.shift() as string);
    expect(id).toBe('scale-zz9');
    expect(RatingScale.shape.id.safeParse(id).success).toBe(true);
    expect(newVerdictId([...DEFAULT_SCALE.verdicts, { id: 'verdict-8' }])).toBe('verdict-9');
  });
});

describe('scales stored before verdicts said whether they are ordinal', () => {
  const legacy = { ...DEFAULT_SCALE, verdicts: DEFAULT_SCALE.verdicts.map(({ ordinal: _ordinal, ...verdict }) => verdict) };

  it('reads the built-in Misleading and Unverifiable as not ordinal, every other verdict as ordinal', () => {
    const read = RatingScale.parse(restoreOrdinalFlags(legacy));
    expect(read.verdicts.map((verdict) => [verdict.id, verdict.ordinal])).toEqual(DEFAULT_SCALE.verdicts.map((verdict) => [verdict.id, verdict.ordinal]));
    expect(read.verdicts.filter((verdict) => !verdict.ordinal).map((verdict) => verdict.id)).toEqual(['misleading', 'unverifiable']);
  });

  it('leaves a flag the file gives, and other scales, as they are', () => {
    const said = { ...legacy, verdicts: legacy.verdicts.map((verdict) => (verdict.id === 'misleading' ? { ...verdict, ordinal: true } : verdict)) };
    expect(RatingScale.parse(restoreOrdinalFlags(said)).verdicts.find((verdict) => verdict.id === 'misleading')?.ordinal).toBe(true);
    const custom = { ...legacy, id: 'scale-newsroom' };
    expect(restoreOrdinalFlags(custom)).toBe(custom);
    expect(RatingScale.parse(custom).verdicts.every((verdict) => verdict.ordinal)).toBe(true);
    expect(restoreOrdinalFlags('not a scale')).toBe('not a scale');
  });
});
