import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimQuotes, readArticleText } from '../article/claim-spans';
import { markTextRanges } from '../article/mark-text-range';
import { claimStates } from '../history/claim-state';
import { recordEdits } from '../history/record-edits';
import type { ArticleDoc } from '../model/article-doc';
import { newClaim, type Claim } from '../model/claim';
import { DEFAULT_SCALE } from '../model/rating-scale';
import type { Review } from '../model/review';
import { conflictNotes } from '../share-file/merge-share';
import { mergeWindowWork, type WindowWork } from './merge-window-work';

const SENTENCES = ['Unemployment fell by 20 percent last year.', 'Crime rose 5 percent in the city.', 'The school budget is 3 billion.', 'Waiting times doubled since 2019.'];
const AUTHOR = 'reviewer-ana';
const docOf = (paragraphs: string[]): ArticleDoc => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const ids = (prefix: string): (() => string) => {
  let next = 0;
  return () => `${prefix}-${String(next++).padStart(8, '0')}`;
};
const at = (minute: number): Date => new Date(Date.UTC(2026, 0, 2, 0, minute));

function mark(doc: ArticleDoc, claimId: string, words: string): ArticleDoc {
  const text = readArticleText(doc).text;
  return markTextRanges(doc, [{ claimId, start: text.indexOf(words), end: text.indexOf(words) + words.length }]) as ArticleDoc;
}

/** The stored review both windows read: claims on the first three sentences. */
function stored(): Review {
  let doc = docOf(SENTENCES);
  const claims = [0, 1, 2].map((index) => newClaim(`claim-${index}-0000`, '2026-01-01T00:00:00.000Z'));
  claims.forEach((claim, index) => (doc = mark(doc, claim.id, SENTENCES[index] as string)));
  const history = recordEdits({ history: [], before: [], after: claims, author: AUTHOR, now: new Date('2026-01-01T00:00:00.000Z'), newId: ids('base') });
  return { id: 'review-00000001', title: 'Budget', sourceUrl: '', byline: '', publishedAt: '', outlet: '', language: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', scaleId: DEFAULT_SCALE.id, origin: { kind: 'paste' }, doc, claims, history, reviewers: [{ id: AUTHOR, name: 'Ana' }], revision: 3, lastClaimNumber: 0 };
}

/** What the store does with a save: records the edits (amending only events after `sealedUntil`) and bumps the revision. */
function save(review: Review, work: WindowWork, now: Date, sealedUntil: string, prefix: string): Review {
  const quotes = claimQuotes(work.doc);
  const history = recordEdits({ history: review.history, before: review.claims, after: work.claims, author: AUTHOR, now, newId: ids(prefix), sealedUntil, quoteOf: (claimId) => quotes.get(claimId) });
  return { ...review, doc: work.doc, claims: work.claims, history, revision: review.revision + 1, updatedAt: now.toISOString() };
}

const edit = (claims: Claim[], id: string, patch: Partial<Claim>, now: Date): Claim[] => claims.map((claim) => (claim.id === id ? { ...claim, ...patch, updatedAt: now.toISOString() } : claim));
const merge = (base: Review, mine: WindowWork, theirs: Review, minute = 30) => mergeWindowWork({ base, mine, theirs, author: AUTHOR, now: at(minute), newId: ids('mine') });
const byId = (review: Review, id: string): Claim | undefined => review.claims.find((claim) => claim.id === id);

describe('merging a window’s work with another window’s save', () => {
  const readAt = '2026-01-02T00:00:00.000Z';

  it('keeps both windows’ changes to different fields of one claim', () => {
    const base = stored();
    const theirs = save(base, { doc: base.doc, claims: edit(base.claims, 'claim-0-0000', { verdictId: 'false' }, at(5)) }, at(5), readAt, 'b');
    const merged = merge(base, { doc: base.doc, claims: edit(base.claims, 'claim-0-0000', { rationale: 'ONS figures' }, at(10)) }, theirs);
    expect(byId(merged.review, 'claim-0-0000')).toMatchObject({ verdictId: 'false', rationale: 'ONS figures' });
    expect(merged.report.conflicts).toEqual([]);
    expect(merged.events.length).toBeGreaterThan(0);
  });

  it('turns the same field changed differently into a conflict holding both values, newest shown', () => {
    const base = stored();
    const theirs = save(base, { doc: base.doc, claims: edit(base.claims, 'claim-1-0000', { verdictId: 'true' }, at(5)) }, at(5), readAt, 'b');
    const merged = merge(base, { doc: base.doc, claims: edit(base.claims, 'claim-1-0000', { verdictId: 'misleading' }, at(10)) }, theirs);
    const [conflict] = conflictNotes(merged.review, new Map());
    expect(conflict?.fields[0]?.field).toBe('verdictId');
    expect(conflict?.fields[0]?.options.map((option) => option.value).sort()).toEqual(['misleading', 'true']);
    expect(byId(merged.review, 'claim-1-0000')?.verdictId).toBe('misleading');
  });

  it('respects a deletion the other window made of an untouched claim, and keeps a deleted claim this window worked on', () => {
    const base = stored();
    const theirs = save(base, { doc: base.doc, claims: base.claims.filter((claim) => claim.id === 'claim-1-0000') }, at(5), readAt, 'b');
    const mine = { doc: base.doc, claims: edit(base.claims, 'claim-2-0000', { rationale: 'Still checking' }, at(10)) };
    const merged = merge(base, mine, theirs);
    expect(byId(merged.review, 'claim-0-0000')).toBeUndefined();
    expect(byId(merged.review, 'claim-2-0000')).toMatchObject({ rationale: 'Still checking' });
    expect(merged.report.kept.map((note) => note.claimId)).toEqual(['claim-2-0000']);
    expect(readArticleText(merged.review.doc).spans.map((span) => span.claimId)).toEqual(['claim-1-0000', 'claim-2-0000']);
  });

  it('places a claim the other window marked on its words, and this window’s new claim stays', () => {
    const base = stored();
    const theirs = save(base, { doc: mark(base.doc, 'claim-b-0000', SENTENCES[3] as string), claims: [...base.claims, newClaim('claim-b-0000', at(5).toISOString())] }, at(5), readAt, 'b');
    const mine = { doc: mark(base.doc, 'claim-a-0000', 'Crime rose'), claims: [...base.claims, { ...newClaim('claim-a-0000', at(10).toISOString()), verdictId: 'true' }] };
    const merged = merge(base, mine, theirs);
    expect(readArticleText(merged.review.doc).spans.map((span) => [span.claimId, span.quote])).toEqual(
      expect.arrayContaining([
        ['claim-a-0000', 'Crime rose'],
        ['claim-b-0000', SENTENCES[3]],
      ]),
    );
    expect(byId(merged.review, 'claim-a-0000')?.verdictId).toBe('true');
  });

  it('takes the other window’s edited words when only it changed them, with this window’s claims placed in them', () => {
    const base = stored();
    const editedDoc = docOf(['Editor’s note: figures updated.', ...SENTENCES]);
    let theirDoc = editedDoc;
    base.claims.forEach((claim, index) => (theirDoc = mark(theirDoc, claim.id, SENTENCES[index] as string)));
    const theirs = save(base, { doc: theirDoc, claims: base.claims }, at(5), readAt, 'b');
    const mine = { doc: mark(base.doc, 'claim-a-0000', 'Waiting times doubled'), claims: [...base.claims, newClaim('claim-a-0000', at(10).toISOString())] };
    const merged = merge(base, mine, theirs);
    expect(merged.textConflict).toBe(false);
    expect(readArticleText(merged.review.doc).text.startsWith('Editor’s note')).toBe(true);
    expect(readArticleText(merged.review.doc).spans.find((span) => span.claimId === 'claim-a-0000')?.quote).toBe('Waiting times doubled');
  });

  it('says so when both windows changed the words, keeping this window’s', () => {
    const base = stored();
    const theirs = save(base, { doc: docOf(['Their words.']), claims: [] }, at(5), readAt, 'b');
    const merged = merge(base, { doc: docOf(['My words.', ...SENTENCES]), claims: [] }, theirs);
    expect(merged.textConflict).toBe(true);
    expect(readArticleText(merged.review.doc).text.startsWith('My words.')).toBe(true);
  });

  it('loses no edit of either window, whatever both did (fast-check)', () => {
    const fields = ['verdictId', 'rationale', 'claimant'] as const;
    const values = { verdictId: ['true', 'false', 'misleading'], rationale: ['a', 'b', 'c'], claimant: ['Mayor', 'Minister', 'Police'] };
    const editArbitrary = fc.record({ claim: fc.integer({ min: 0, max: 2 }), field: fc.constantFrom(...fields), value: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(fc.array(editArbitrary, { maxLength: 5 }), fc.array(editArbitrary, { maxLength: 5 }), (theirEdits, myEdits) => {
        const base = stored();
        // The other window saves after each edit (its own events amended, as autosave does).
        let theirs = base;
        theirEdits.forEach((change, step) => {
          const now = at(1 + step);
          const id = `claim-${change.claim}-0000`;
          theirs = save(theirs, { doc: theirs.doc, claims: edit(theirs.claims, id, { [change.field]: values[change.field][change.value] }, now) }, now, readAt, `b${step}`);
        });
        let claims = base.claims;
        myEdits.forEach((change, step) => (claims = edit(claims, `claim-${change.claim}-0000`, { [change.field]: values[change.field][change.value] }, at(10 + step))));
        const merged = merge(base, { doc: base.doc, claims }, theirs);
        const states = claimStates(merged.review.history);
        for (const claim of base.claims) {
          for (const field of fields) {
            const mine = claims.find((candidate) => candidate.id === claim.id)?.[field];
            const their = theirs.claims.find((candidate) => candidate.id === claim.id)?.[field];
            const result = byId(merged.review, claim.id)?.[field];
            const offered = states.get(claim.id)?.conflicts.find((conflict) => conflict.field === field)?.options.map((option) => option.value) ?? [];
            if (mine !== claim[field]) expect([result, ...offered]).toContain(mine);
            if (their !== claim[field]) expect([result, ...offered]).toContain(their);
            if (mine === claim[field] && their === claim[field]) expect(result).toBe(claim[field]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
