import { describe, expect, it } from 'vitest';
import { rowAPageAway, rowForKey } from './claim-list-keys';

const even: (height: number) => (index: number) => number = (height) => () => height;

describe('rowAPageAway', () => {
  it('moves down by as many rows as fit in the viewport, counting the gaps', () => {
    // Rows of 50 with gaps of 10: from row 0, rows 0..4 span 50*5 + 10*4 = 290 ≤ 300; a sixth would need 350.
    expect(rowAPageAway(0, 1, 100, even(50), 300, 10)).toBe(4);
  });

  it('counts tall rows by their height, not as one row each', () => {
    const heights = [40, 200, 40, 40, 40, 40];
    expect(rowAPageAway(0, 1, heights.length, (index) => heights[index] ?? 0, 300, 0)).toBe(2);
    expect(rowAPageAway(2, 1, heights.length, (index) => heights[index] ?? 0, 300, 0)).toBe(5);
  });

  it('moves up the same way, and stops at the first and last rows', () => {
    expect(rowAPageAway(50, -1, 100, even(50), 300, 10)).toBe(46);
    expect(rowAPageAway(2, -1, 100, even(50), 300, 10)).toBe(0);
    expect(rowAPageAway(98, 1, 100, even(50), 300, 10)).toBe(99);
    expect(rowAPageAway(99, 1, 100, even(50), 300, 10)).toBe(99);
  });

  it('still moves one row when a single row is taller than the viewport', () => {
    expect(rowAPageAway(3, 1, 10, even(500), 300, 10)).toBe(4);
    expect(rowAPageAway(3, -1, 10, even(500), 300, 10)).toBe(2);
  });
});

describe('rowForKey', () => {
  const page = (direction: 1 | -1): number => (direction === 1 ? 70 : 30);

  it('steps with the arrows without wrapping at either end', () => {
    expect(rowForKey('ArrowDown', 5, 10, page)).toBe(6);
    expect(rowForKey('ArrowDown', 9, 10, page)).toBe(9);
    expect(rowForKey('ArrowUp', 5, 10, page)).toBe(4);
    expect(rowForKey('ArrowUp', 0, 10, page)).toBe(0);
  });

  it('jumps to the ends with Home and End, and by a page with PageUp and PageDown', () => {
    expect(rowForKey('Home', 5, 10, page)).toBe(0);
    expect(rowForKey('End', 5, 10, page)).toBe(9);
    expect(rowForKey('PageDown', 50, 100, page)).toBe(70);
    expect(rowForKey('PageUp', 50, 100, page)).toBe(30);
  });

  it('leaves other keys, and an empty list, alone', () => {
    expect(rowForKey('a', 5, 10, page)).toBeNull();
    expect(rowForKey('ArrowLeft', 5, 10, page)).toBeNull();
    expect(rowForKey('ArrowDown', 0, 0, page)).toBeNull();
  });
});
