/** Where a key moves the focus in the claims list: pure index arithmetic, kept apart from the DOM so it can be tested. */

/** How tall each row is, in pixels (measured, or estimated for rows never drawn). */
export type RowHeight = (index: number) => number;

/**
 * The row a page away from `from` (`direction` 1 is down): the farthest row whose whole span,
 * with the gaps between rows, fits within `viewport` pixels of `from`'s start, and at least the
 * next row, so PageDown always moves while there is a row to move to. Rows differ in height
 * (quotes wrap), so the step is counted in pixels, not in rows.
 */
export function rowAPageAway(from: number, direction: 1 | -1, count: number, heightOf: RowHeight, viewport: number, gap: number): number {
  const last = count - 1;
  let index = from;
  let span = heightOf(from);
  while (index + direction >= 0 && index + direction <= last) {
    const next = index + direction;
    const grown = span + gap + heightOf(next);
    if (grown > viewport && index !== from) break;
    index = next;
    span = grown;
    if (grown > viewport) break;
  }
  return index;
}

/**
 * The row that `key` moves the focus to from row `from` of `count` (ArrowUp/Down, Home/End,
 * PageUp/Down), or null for a key the list leaves alone. Arrows stop at the ends rather than
 * wrap, as a listbox does; `pageAway` answers PageUp/PageDown.
 */
export function rowForKey(key: string, from: number, count: number, pageAway: (direction: 1 | -1) => number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, last);
    case 'ArrowUp':
      return Math.max(from - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return pageAway(1);
    case 'PageUp':
      return pageAway(-1);
    default:
      return null;
  }
}
