import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimQuotes, readArticleText } from '../article/claim-spans';
import { markTextRanges } from '../article/mark-text-range';
import { recordEdits } from '../history/record-edits';
import type { ArticleDoc } from '../model/article-doc';
import { newClaim, type Claim } from '../model/claim';
import { CLAIM_FIELDS, type ClaimField } from '../model/claim-history';
import { DEFAULT_SCALE } from '../model/rating-scale';
import type { Review } from '../model/review';
import { mergeShare } from './merge-share';
import { reviewFromShare, shareContentOf } from './share-review';

const SENTENCES = [
  'The minister said unemployment fell by 20 percent last year.',
  'Crime rose 5 percent in the city, police said on Monday.',
  'The budget for schools is 3 billion, the highest ever.',
  'Hospital waiting times doubled since 2019, the report found.',
  'Exports of energy grew faster than in any other country.',
  'Water prices will not rise next year, the company promised.',
];
// Merging never reads the article hash (the file reader checks it; see share-service.test.ts), so any 64 hex digits do here.
const sha256 = (text: string): string => text.length.toString(16).padStart(64, '0');
const docOf = (paragraphs: string[]): ArticleDoc => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const ids = (prefix: string): (() => string) => {
  let next = 0;
  return () => `${prefix}-${String(next++).padStart(8, '0')}`;
};

/** A review with a claim on the first `count` sentences, as reviewer `ana` made and shared it. */
function baseReview(count: number): Review {
  const doc = docOf(SENTENCES);
  const text = readArticleText(doc).text;
  const claims = SENTENCES.slice(0, count).map((sentence, index) => newClaim(`claim-${index}-0000`, '2026-01-01T00:00:00.000Z'));
  const marked = markTextRanges(doc, claims.map((claim, index) => ({ claimId: claim.id, start: text.indexOf(SENTENCES[index] as string), end: text.indexOf(SENTENCES[index] as string) + (SENTENCES[index] as string).length }))) as ArticleDoc;
  const review: Review = { id: 'review-00000001', title: 'Budget', sourceUrl: '', byline: '', publishedAt: '', outlet: '', language: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', scaleId: DEFAULT_SCALE.id, origin: { kind: 'paste' }, doc: marked, claims: [], history: [], reviewers: [{ id: 'reviewer-ana', name: 'Ana' }], sharedAt: '2026-01-01T00:00:01.000Z', revision: 1, lastClaimNumber: 0 };
  const history = recordEdits({ history: [], before: [], after: claims, author: 'reviewer-ana', now: new Date('2026-01-01T00:00:00.000Z'), newId: ids('base') });
  return { ...review, claims, history };
}

const share = (review: Review, who: string, at: string) => shareContentOf({ review, scale: DEFAULT_SCALE, sharedBy: { id: who, name: who }, now: new Date(at), generator: 'test', sha256 });

type Op = { kind: 'edit'; claim: number; field: 'verdictId' | 'rationale' | 'tags'; value: number } | { kind: 'delete'; claim: number } | { kind: 'add'; sentence: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), claim: fc.nat(3), field: fc.constantFrom('verdictId' as const, 'rationale' as const, 'tags' as const), value: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), claim: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), sentence: fc.integer({ min: 4, max: 5 }) }) },
);

/** Applies `ops` as reviewer `who` would through the app: each op a save that records history. */
function applyOps(start: Review, who: string, ops: Op[], startMinute: number, prefix: string): Review {
  let review = start;
  const newId = ids(prefix);
  ops.forEach((op, step) => {
    const now = new Date(Date.UTC(2026, 0, 2, 0, startMinute + step * 20));
    let claims = review.claims;
    let doc = review.doc;
    if (op.kind === 'edit') {
      const target = claims[op.claim % Math.max(1, claims.length)];
      if (!target) return;
      const value = op.field === 'verdictId' ? (['true', 'false', 'misleading', null] as const)[op.value] : op.field === 'rationale' ? `${who} says ${op.value}` : [`tag-${who}-${op.value}`];
      claims = claims.map((claim) => (claim.id === target.id ? { ...claim, [op.field]: value, updatedAt: now.toISOString() } : claim));
    } else if (op.kind === 'delete') {
      const target = claims[op.claim % Math.max(1, claims.length)];
      if (!target) return;
      claims = claims.filter((claim) => claim.id !== target.id);
    } else {
      const text = readArticleText(doc).text;
      const sentence = SENTENCES[op.sentence] as string;
      const id = `${prefix}-claim-${step}`.padEnd(12, '0');
      doc = markTextRanges(doc, [{ claimId: id, start: text.indexOf(sentence), end: text.indexOf(sentence) + sentence.length }]) as ArticleDoc;
      claims = [...claims, newClaim(id, now.toISOString())];
    }
    const history = recordEdits({ history: review.history, before: review.claims, after: claims, author: who, now, newId, sealedUntil: review.sharedAt, quoteOf: (claimId) => claimQuotes(doc).get(claimId) });
    review = { ...review, doc, claims, history };
  });
  return review;
}

const fieldsOf = (claims: Claim[]): Record<string, Pick<Claim, ClaimField>> =>
  Object.fromEntries(claims.map((claim) => [claim.id, Object.fromEntries(CLAIM_FIELDS.map((field) => [field, claim[field]])) as Pick<Claim, ClaimField>]));

describe('merging share files', () => {
  it('adds a shared review with the same id and every claim on its words', () => {
    const base = baseReview(3);
    const opened = reviewFromShare(share(base, 'reviewer-ana', '2026-01-01T00:00:01.000Z'));
    expect(opened.id).toBe(base.id);
    expect(readArticleText(opened.doc).spans.map((span) => span.quote)).toEqual(SENTENCES.slice(0, 3));
    expect(opened.claims.every((claim) => claim.attention === undefined)).toBe(true);
  });

  it('brings back a claim deleted here that the other copy changed afterwards, flagged, and respects an untouched deletion', () => {
    const base = baseReview(3);
    const [first, second] = base.claims as [Claim, Claim];
    const ana = applyOps(base, 'reviewer-ana', [{ kind: 'delete', claim: 0 }, { kind: 'delete', claim: 0 }], 0, 'evt-a');
    expect(ana.claims.map((claim) => claim.id)).not.toContain(first.id);
    const bob = applyOps(base, 'reviewer-bob', [{ kind: 'edit', claim: 0, field: 'rationale', value: 1 }], 30, 'evt-b');
    const { review, report } = mergeShare(ana, share(bob, 'reviewer-bob', '2026-02-01T00:00:00.000Z'));
    const back = review.claims.find((claim) => claim.id === first.id);
    expect(back).toMatchObject({ rationale: 'reviewer-bob says 1', attention: { kind: 'restored' } });
    expect(report.kept.map((note) => note.claimId)).toEqual([first.id]);
    expect(readArticleText(review.doc).spans.map((span) => span.claimId)).toContain(first.id);
    // The second claim Ana deleted was untouched by Bob: it stays deleted.
    expect(review.claims.map((claim) => claim.id)).not.toContain(second.id);
  });

  it('is idempotent, order-independent and loses no edit (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { maxLength: 6 }), fc.array(opArbitrary, { maxLength: 6 }), (opsA, opsB) => {
        const base = baseReview(4);
        const a = applyOps(base, 'reviewer-ana', opsA, 0, 'evt-a');
        const b = applyOps(base, 'reviewer-bob', opsB, 7, 'evt-b');
        const aIntoB = mergeShare(b, share(a, 'reviewer-ana', '2026-02-01T00:00:00.000Z'));
        const bIntoA = mergeShare(a, share(b, 'reviewer-bob', '2026-02-01T00:00:00.000Z'));
        // Order: the same claims with the same values and the same open conflicts either way.
        expect(fieldsOf(aIntoB.review.claims)).toEqual(fieldsOf(bIntoA.review.claims));
        expect(aIntoB.report.conflicts.map((conflict) => [conflict.claimId, conflict.fields.map((field) => field.field)]).sort()).toEqual(
          bIntoA.report.conflicts.map((conflict) => [conflict.claimId, conflict.fields.map((field) => field.field)]).sort(),
        );
        // Idempotent: the same file again changes nothing.
        const twice = mergeShare(bIntoA.review, share(b, 'reviewer-bob', '2026-02-01T00:00:00.000Z'));
        expect(twice.review.claims).toEqual(bIntoA.review.claims);
        expect(twice.review.history).toEqual(bIntoA.review.history);
        expect(twice.report.newEvents).toBe(0);
        // No edit lost: every value a side changed is in the result or offered in its conflict.
        const merged = fieldsOf(bIntoA.review.claims);
        const baseFields = fieldsOf(base.claims);
        for (const side of [a, b]) {
          for (const claim of side.claims) {
            const before = baseFields[claim.id];
            const changed = CLAIM_FIELDS.filter((field) => !before || JSON.stringify(before[field]) !== JSON.stringify(claim[field]));
            if (changed.length === 0) continue;
            const result = merged[claim.id];
            expect(result, `claim ${claim.id} edited by one side must survive`).toBeDefined();
            const conflict = bIntoA.report.conflicts.find((note) => note.claimId === claim.id);
            for (const field of changed) {
              const offered = conflict?.fields.find((entry) => entry.field === field)?.options.map((option) => JSON.stringify(option.value)) ?? [];
              // The sides never saw each other's edits, so a value not taken must be offered as a conflict.
              // Tags merge as a set: both sides' additions are kept side by side.
              const inSet = field === 'tags' && claim.tags.every((tag) => result?.tags.includes(tag));
              const kept = inSet || JSON.stringify(result?.[field]) === JSON.stringify(claim[field]) || offered.includes(JSON.stringify(claim[field]));
              expect(kept, `${field} of ${claim.id}`).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('re-anchors claims into an edited copy, or lists them as orphans, never on other words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.constantFrom('insert', 'reword', 'delete', 'copyedit'), (paragraph, edit) => {
        const base = baseReview(4);
        const shared = share(base, 'reviewer-ana', '2026-01-02T00:00:00.000Z');
        // The other copy has an empty review with the same id but an edited article.
        const paragraphs = [...SENTENCES];
        if (edit === 'insert') paragraphs.splice(paragraph, 0, 'A new paragraph was added by the editor here.');
        if (edit === 'reword') paragraphs[paragraph] = 'Something else entirely is said in this place now.';
        if (edit === 'delete') paragraphs.splice(paragraph, 1);
        if (edit === 'copyedit') paragraphs[paragraph] = (paragraphs[paragraph] as string).replace(' the ', ' a ');
        const local: Review = { ...base, doc: docOf(paragraphs), claims: [], history: [] };
        const { review } = mergeShare(local, shared);
        const spans = new Map(readArticleText(review.doc).spans.map((span) => [span.claimId, span.quote]));
        base.claims.forEach((claim, index) => {
          const merged = review.claims.find((candidate) => candidate.id === claim.id);
          expect(merged).toBeDefined();
          const quote = spans.get(claim.id);
          if (merged?.attention?.kind === 'orphan') expect(quote).toBeUndefined();
          else if (merged?.attention?.kind === 'changed') expect(paragraphs).toContain(quote);
          else expect(quote).toBe(SENTENCES[index]);
        });
      }),
      { numRuns: 100 },
    );
  });
});
