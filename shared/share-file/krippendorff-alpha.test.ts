/**
 * Alpha checked against the worked examples published with it: Krippendorff (2011), "Computing
 * Krippendorff's Alpha-Reliability", Annenberg School for Communication Departmental Papers 43
 * (examples A–C, each value as the paper gives it), and the example of the "Krippendorff's alpha"
 * article on Wikipedia (the same method; the value to six places as other implementations test it).
 */
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff-alpha';

type Row = (number | null)[];

/** Units from an observers × units table (one row per observer, null: not coded). */
function units(rows: Row[]): number[][] {
  return (rows[0] as Row).map((_, unit) => rows.map((row) => row[unit]).filter((value): value is number => value !== null && value !== undefined));
}

const _ = null;

describe('Krippendorff’s alpha', () => {
  it('gives 0.095 for example A: binary data, two observers, no missing data', () => {
    const result = krippendorffAlpha(units([[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]), 'nominal');
    expect(result.alpha).toBeCloseTo(0.095, 3);
  });

  it('gives 0.692 for example B: nominal data, two observers, no missing data', () => {
    const [a, b, c, d, e] = [1, 2, 3, 4, 5];
    const result = krippendorffAlpha(units([[a, a, b, b, d, c, c, c, e, d, d, a], [b, a, b, b, b, c, c, c, e, d, d, d]] as Row[]), 'nominal');
    expect(result.alpha).toBeCloseTo(0.692, 3);
  });

  // Example C: four observers, twelve units, values 1–5, some not coded.
  const exampleC: Row[] = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];

  it('gives 0.743 for example C as nominal data, leaving out the unit only one observer coded', () => {
    expect(krippendorffAlpha(units(exampleC), 'nominal').alpha).toBeCloseTo(0.743, 3);
  });

  it('gives 0.815 for example C as ordinal data, and depends only on the order of the values', () => {
    expect(krippendorffAlpha(units(exampleC), 'ordinal').alpha).toBeCloseTo(0.815, 3);
    const stretched = units(exampleC).map((unit) => unit.map((value) => value * value * 10));
    expect(krippendorffAlpha(stretched, 'ordinal').alpha).toBeCloseTo(0.815, 3);
  });

  it('gives 0.691358 for the example of the Wikipedia article (three coders, nominal, missing data)', () => {
    const rows: Row[] = [
      [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
      [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
      [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
    ];
    expect(krippendorffAlpha(units(rows), 'nominal').alpha).toBeCloseTo(0.691358, 6);
  });

  it('is 1 for perfect agreement and has no value when one value is all there is or nothing can be paired', () => {
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, 3]], 'nominal')).toEqual({ alpha: 1 });
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, 3]], 'ordinal')).toEqual({ alpha: 1 });
    expect(krippendorffAlpha([[2, 2], [2, 2]], 'ordinal')).toEqual({ alpha: null, reason: 'one-value' });
    expect(krippendorffAlpha([[1], [2]], 'nominal')).toEqual({ alpha: null, reason: 'no-pairs' });
    expect(krippendorffAlpha([], 'nominal')).toEqual({ alpha: null, reason: 'no-pairs' });
  });

  it('counts a wider ordinal disagreement as worse, and systematic disagreement below zero', () => {
    const near = krippendorffAlpha([[1, 1], [2, 2], [3, 3], [4, 4], [1, 2]], 'ordinal').alpha as number;
    const far = krippendorffAlpha([[1, 1], [2, 2], [3, 3], [4, 4], [1, 4]], 'ordinal').alpha as number;
    expect(far).toBeLessThan(near);
    // Nominally the two disagreements weigh the same.
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, 3], [4, 4], [1, 2]], 'nominal').alpha).toBeCloseTo(krippendorffAlpha([[1, 1], [2, 2], [3, 3], [4, 4], [1, 4]], 'nominal').alpha as number, 12);
    expect(krippendorffAlpha([[1, 2], [2, 1], [1, 2], [2, 1]], 'nominal').alpha).toBeLessThan(0);
  });
});
