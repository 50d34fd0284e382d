/**
 * Part of `npm run bench:reanchor`: merging a share file with 5,000 claims into a copy whose text
 * was edited (a note inserted at the top, every 50th paragraph rewritten): joining histories,
 * re-anchoring and marking, in one run. Claims in rewritten paragraphs must end up orphaned.
 */
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { newClaim, type Claim } from '../../shared/model/claim';
import type { DocNode } from '../../shared/model/article-doc';
import { recordEdits } from '../../shared/history/record-edits';
import { shareContentOf } from '../../shared/share-file/share-review';
import { mergeShare } from '../../shared/share-file/merge-share';
import { DEFAULT_SCALE } from '../../shared/model/rating-scale';
import type { Review } from '../../shared/model/review';
const content: DocNode[] = []; const claims: Claim[] = [];
for (let i = 0; i < 6000; i++) {
  const id = `bench-claim-${i.toString().padStart(6, '0')}`;
  const s = `Paragraph ${i}: the ministry said unemployment fell to ${i % 97}.4 percent last year, the lowest since ${1900 + (i % 120)}. `;
  const marked = i < 5000;
  if (marked) claims.push({ ...newClaim(id, '2026-01-01T00:00:00.000Z'), verdictId: 'false', rationale: 'x' });
  content.push({ type: 'paragraph', content: [{ type: 'text', text: s }, marked ? { type: 'text', text: s, marks: [{ type: 'claim', attrs: { claimId: id } }] } : { type: 'text', text: s }] });
}
let n = 0; const newId = () => `event-${(n++).toString().padStart(8, '0')}`;
const doc = { type: 'doc' as const, content };
const history = recordEdits({ history: [], before: [], after: claims, author: 'reviewer-ana', now: new Date(), newId });
const review: Review = { id: 'review-00000001', title: 'B', sourceUrl: '', byline: '', publishedAt: '', outlet: '', language: '', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), scaleId: 'default', origin: { kind: 'paste' }, doc, claims, history, reviewers: [], revision: 1, lastClaimNumber: 0 };
let t = performance.now();
const file = shareContentOf({ review, scale: DEFAULT_SCALE, sharedBy: { id: 'reviewer-ana', name: 'Ana' }, now: new Date(), generator: 'x', sha256: (x) => createHash('sha256').update(x).digest('hex') });
console.log('share content', (performance.now() - t).toFixed(0), 'ms', (JSON.stringify(file).length / 1e6).toFixed(1), 'MB');
const edited = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Editor note.' }] }, ...content.map((p, i) => (i % 50 === 7 ? { type: 'paragraph', content: [{ type: 'text', text: `Changed paragraph ${i}.` }] } : { type: 'paragraph', content: (p.content ?? []).map((x) => ({ type: 'text', text: x.text })) }))] };
const local: Review = { ...review, doc: edited, claims: [], history: [] };
t = performance.now();
const { report } = mergeShare(local, file);
console.log('merge 5000 into edited copy', (performance.now() - t).toFixed(0), 'ms', { added: report.added.length, orphaned: report.orphaned.length, flagged: report.flagged.length });
