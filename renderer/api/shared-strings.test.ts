import { describe, expect, it } from 'vitest';
import { shareRepeatedStrings } from './shared-strings';

/** An answer as the bridge sends it: text parsed by JSON.parse, so every string is its own copy. */
const answer = JSON.stringify({
  id: 'review-0001',
  claims: [
    { id: '3f0d6c2e-6b8e-4f8e-9d7a-0c1b2a3d4e5f', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', tags: ['economy', 'economy'], verdictId: null, number: 1 },
    { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', tags: [], verdictId: 'false', number: 2 },
  ],
  history: [{ id: 'event-1', claimId: '3f0d6c2e-6b8e-4f8e-9d7a-0c1b2a3d4e5f', parents: [], at: '2026-01-01T00:00:00.000Z', quote: 'crime fell by 20 percent', set: { verdictId: null } }],
  doc: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'The mayor said crime fell by 20 percent.', marks: [{ type: 'claim', attrs: { claimId: '3f0d6c2e-6b8e-4f8e-9d7a-0c1b2a3d4e5f' } }] }] },
    ],
  },
});

describe('sharing repeated strings of an API answer', () => {
  it('keeps every value, number, null and nesting of the answer as it was', () => {
    const value = JSON.parse(answer) as unknown;
    expect(shareRepeatedStrings(value)).toEqual(JSON.parse(answer));
    expect(JSON.stringify(value)).toBe(answer);
  });

  it('works in place: the same objects and arrays come back', () => {
    const value = JSON.parse(answer) as { claims: { tags: string[] }[] };
    const firstClaim = value.claims[0];
    const tags = firstClaim?.tags;
    expect(shareRepeatedStrings(value)).toBe(value);
    expect(value.claims[0]).toBe(firstClaim);
    expect(value.claims[0]?.tags).toBe(tags);
  });

  it('passes plain values through and leaves frozen objects alone', () => {
    expect(shareRepeatedStrings('2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00.000Z');
    expect(shareRepeatedStrings(42)).toBe(42);
    expect(shareRepeatedStrings(null)).toBeNull();
    const frozen = Object.freeze({ at: '2026-01-01T00:00:00.000Z', nested: { at: '2026-01-01T00:00:00.000Z' } });
    expect(() => shareRepeatedStrings([frozen, { at: '2026-01-01T00:00:00.000Z' }])).not.toThrow();
    expect(frozen.nested.at).toBe('2026-01-01T00:00:00.000Z');
  });
});
