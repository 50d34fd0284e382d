import { describe, expect, it } from 'vitest';
import { newClaim, type Claim } from './claim';
import { numberClaims } from './claim-numbers';

const claim = (id: string, at: string, number?: number): Claim => ({ ...newClaim(id, at), ...(number === undefined ? {} : { number }) });

describe('permanent claim numbers', () => {
  it('numbers claims without one in article order, after every number given before', () => {
    const claims = [claim('claim-b', '2026-01-02T00:00:00.000Z'), claim('claim-a', '2026-01-01T00:00:00.000Z', 1), claim('claim-c', '2026-01-03T00:00:00.000Z')];
    const numbered = numberClaims(claims, 4, () => ['claim-c', 'claim-a', 'claim-b']);
    expect(numbered.claims.map((item) => [item.id, item.number])).toEqual([['claim-b', 6], ['claim-a', 1], ['claim-c', 5]]);
    expect(numbered.lastClaimNumber).toBe(6);
    // The claim that had its number is the same object; nothing changes when all are numbered.
    expect(numbered.claims[1]).toBe(claims[1]);
    expect(numberClaims(numbered.claims, 6).claims).toBe(numbered.claims);
  });

  it('leaves the number with the older claim when two copies gave one number, and gives the other a new one', () => {
    const older = claim('claim-x', '2026-01-01T00:00:00.000Z', 3);
    const newer = claim('claim-y', '2026-01-05T00:00:00.000Z', 3);
    const numbered = numberClaims([newer, older], 3);
    expect(numbered.claims.map((item) => [item.id, item.number])).toEqual([['claim-y', 4], ['claim-x', 3]]);
  });
});
