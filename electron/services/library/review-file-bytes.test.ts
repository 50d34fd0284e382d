/**
 * A review file assembled from kept record runs is, byte for byte, what JSON.stringify makes of
 * it, through edits, insertions, removals and appends, and for values JSON.stringify leaves out.
 */
import { describe, expect, it } from 'vitest';
import type { ReviewFile } from '../../../shared/model/review';
import type { Review } from '../../../shared/model/review';
import { ReviewFileEncoder } from './review-file-bytes';

const STAMP = '2026-05-04T09:00:00.000Z';

function review(claimCount: number): Review {
  const claims = Array.from({ length: claimCount }, (_, index) => ({
    id: `claim-${index.toString().padStart(6, '0')}`,
    number: index + 1,
    summary: index % 7 === 0 ? 'قال الوزير 👩‍👩‍👧 "quoted" \\ \u2028' : '',
    verdictId: null,
    rationale: `Reason ${index}`,
    claimant: '',
    claimDate: '',
    appearanceUrl: '',
    status: 'to-check' as const,
    tags: [],
    evidence: [],
    createdAt: STAMP,
    updatedAt: STAMP,
  }));
  return {
    id: 'review-00000001',
    title: 'Hearing',
    sourceUrl: '',
    byline: '',
    publishedAt: '',
    outlet: '',
    language: 'en',
    createdAt: STAMP,
    updatedAt: STAMP,
    scaleId: 'default',
    origin: { kind: 'paste' },
    doc: { type: 'doc', content: claims.map((claim) => ({ type: 'paragraph', content: [{ type: 'text', text: `Words of ${claim.id}.`, marks: [{ type: 'claim', attrs: { claimId: claim.id } }] }] })) },
    claims,
    history: claims.map((claim, index) => ({
      id: `event-${index.toString().padStart(6, '0')}`,
      claimId: claim.id,
      parents: [],
      author: 'reviewer-0001',
      at: STAMP,
      kind: 'created' as const,
      set: { rationale: claim.rationale },
    })),
    reviewers: [{ id: 'reviewer-0001', name: 'Ana' }],
    revision: 1,
    lastClaimNumber: claimCount,
  };
}

const fileOf = (value: Review): ReviewFile => ({ schemaVersion: 2, review: value });
const encoded = (encoder: ReviewFileEncoder, file: ReviewFile): string => Buffer.concat(encoder.encode(file)).toString('utf8');

describe('review file bytes', () => {
  it('equal JSON.stringify through edits in place, insertions, removals and appends', () => {
    const encoder = new ReviewFileEncoder();
    let current = review(500);
    const steps: ((value: Review) => Review)[] = [
      (value) => value,
      (value) => ({ ...value, revision: value.revision + 1, claims: value.claims.map((claim, index) => (index === 250 ? { ...claim, rationale: 'Edited' } : claim)) }),
      (value) => ({ ...value, claims: [...value.claims.slice(0, 3), { ...(value.claims[0] as Review['claims'][number]), id: 'claim-new-0001' }, ...value.claims.slice(3)] }),
      (value) => ({ ...value, claims: value.claims.filter((_, index) => index !== 100 && index !== 101), history: value.history.slice(1) }),
      (value) => ({ ...value, history: [...value.history, { ...(value.history[0] as Review['history'][number]), id: 'event-new-0001' }] }),
      (value) => ({ ...value, doc: { ...value.doc, content: [...(value.doc.content ?? []).slice(0, 64), { type: 'horizontalRule' }, ...(value.doc.content ?? []).slice(64)] } }),
      (value) => ({ ...value, claims: [...value.claims].reverse() }),
      (value) => ({ ...value, claims: [], history: value.history.slice(0, 1), doc: { type: 'doc' } }),
      () => review(130),
    ];
    for (const [index, step] of steps.entries()) {
      current = step(current);
      expect(encoded(encoder, fileOf(current)), `step ${index}`).toBe(JSON.stringify(fileOf(current)));
      // Encoding it again from the kept runs changes nothing.
      expect(encoded(encoder, fileOf(current)), `step ${index}, again`).toBe(JSON.stringify(fileOf(current)));
    }
  });

  it('leaves out what JSON.stringify leaves out, and writes null where it does', () => {
    const encoder = new ReviewFileEncoder();
    const base = review(3);
    const odd = {
      schemaVersion: 2,
      review: {
        ...base,
        sharedAt: undefined,
        publication: { toJSON: () => ({ url: 'https://example.org/' }) },
        claims: [base.claims[0], undefined, base.claims[1]],
        doc: { type: 'doc', content: 'not an array' },
      },
    } as unknown as ReviewFile;
    expect(encoded(encoder, odd)).toBe(JSON.stringify(odd));
    const withToJson = { ...fileOf(base), review: { ...base, toJSON: () => ({ replaced: true }) } } as unknown as ReviewFile;
    expect(encoded(encoder, withToJson)).toBe(JSON.stringify(withToJson));
  });
});
