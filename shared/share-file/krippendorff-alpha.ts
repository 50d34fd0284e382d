/**
 * Krippendorff's alpha, the chance-corrected agreement between coders, computed through the
 * coincidence matrix as in Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability"
 * (Annenberg School for Communication, Departmental Papers 43). Any number of coders per unit,
 * missing values allowed; nominal or ordinal metric.
 */

/** How far apart two values are: any two different values equally (nominal), or by their rank order (ordinal). */
export type AlphaMetric = 'nominal' | 'ordinal';

/** Alpha, or why it has no value for these data. */
export type AlphaResult =
  | { alpha: number }
  /**
   * `no-pairs`: no unit has two values, so nothing can be compared; `one-value`: every value is
   * the same, so agreement expected by chance is total and alpha is 0/0.
   */
  | { alpha: null; reason: 'no-pairs' | 'one-value' };

/**
 * Alpha for `units`, each the values its coders gave (missing values left out). For the ordinal
 * metric a value's number is its rank: only the order of the numbers matters.
 */
export function krippendorffAlpha(units: readonly (readonly number[])[], metric: AlphaMetric): AlphaResult {
  const values = [...new Set(units.filter((unit) => unit.length >= 2).flat())].sort((left, right) => left - right);
  const index = new Map(values.map((value, position) => [value, position]));
  const size = values.length;
  // o[c][k]: how often value c is paired with value k across units, each unit weighted 1 / (m - 1).
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of units) {
    if (unit.length < 2) continue;
    const counts = new Array<number>(size).fill(0);
    for (const value of unit) (counts[index.get(value) as number] as number)++;
    for (let c = 0; c < size; c++) {
      for (let k = 0; k < size; k++) {
        const pairs = (counts[c] as number) * ((counts[k] as number) - (c === k ? 1 : 0));
        if (pairs > 0) (coincidences[c] as number[])[k] = ((coincidences[c] as number[])[k] as number) + pairs / (unit.length - 1);
      }
    }
  }
  const marginals = coincidences.map((row) => row.reduce((sum, cell) => sum + cell, 0));
  const total = marginals.reduce((sum, count) => sum + count, 0);
  if (total === 0) return { alpha: null, reason: 'no-pairs' };
  if (size < 2) return { alpha: null, reason: 'one-value' };

  const distance = (c: number, k: number): number => {
    if (c === k) return 0;
    if (metric === 'nominal') return 1;
    // Krippendorff's ordinal metric: (sum of n_g from c to k - (n_c + n_k) / 2) squared.
    const [low, high] = c < k ? [c, k] : [k, c];
    let between = 0;
    for (let g = low; g <= high; g++) between += marginals[g] as number;
    return (between - ((marginals[c] as number) + (marginals[k] as number)) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const delta = distance(c, k);
      observed += ((coincidences[c] as number[])[k] as number) * delta;
      expected += (marginals[c] as number) * (marginals[k] as number) * delta;
    }
  }
  // alpha = 1 - D_o / D_e, with D_o = observed / n and D_e = expected / (n (n - 1)).
  return { alpha: 1 - ((total - 1) * observed) / expected };
}
