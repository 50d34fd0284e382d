/** Reviews made from plain paragraphs and claim quotes, for search tests and the search benchmark. */
import type { DocNode } from '../../../shared/model/article-doc';
import { newClaim, type Claim } from '../../../shared/model/claim';
import { DEFAULT_SCALE } from '../../../shared/model/rating-scale';
import type { Review } from '../../../shared/model/review';

/** A claim to mark: its words (found in a paragraph) and any fields to set. */
export type ClaimSketch = { id: string; quote: string } & Partial<Omit<Claim, 'id' | 'createdAt' | 'updatedAt'>>;

export interface ReviewSketch {
  id: string;
  title: string;
  paragraphs: readonly string[];
  claims?: readonly ClaimSketch[];
  createdAt?: string;
  publishedAt?: string;
  outlet?: string;
  byline?: string;
}

/** A paragraph with each claim's first occurrence marked (claims in one paragraph must not overlap). */
function paragraph(text: string, claims: readonly ClaimSketch[], placed: Set<string>): DocNode {
  const marks: { start: number; end: number; id: string }[] = [];
  for (const claim of claims) {
    if (placed.has(claim.id)) continue;
    const start = text.indexOf(claim.quote);
    if (start < 0 || claim.quote === '') continue;
    if (marks.some((mark) => start < mark.end && start + claim.quote.length > mark.start)) continue;
    marks.push({ start, end: start + claim.quote.length, id: claim.id });
    placed.add(claim.id);
  }
  marks.sort((left, right) => left.start - right.start);
  const content: DocNode[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) content.push({ type: 'text', text: text.slice(at, mark.start) });
    content.push({
      type: 'text',
      text: text.slice(mark.start, mark.end),
      marks: [{ type: 'claim', attrs: { claimId: mark.id } }],
    });
    at = mark.end;
  }
  if (at < text.length) content.push({ type: 'text', text: text.slice(at) });
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** A stored-shape review of `sketch`, rated on the default scale, numbered claims in the given order. */
export function reviewOf(sketch: ReviewSketch): Review {
  const createdAt = sketch.createdAt ?? '2026-01-05T09:00:00.000Z';
  const sketches = sketch.claims ?? [];
  const placed = new Set<string>();
  const doc = {
    type: 'doc' as const,
    content: sketch.paragraphs.map((text) => paragraph(text, sketches, placed)),
  };
  const claims: Claim[] = sketches.map(({ quote: _quote, ...fields }, index) => ({
    ...newClaim(fields.id, createdAt),
    number: index + 1,
    ...fields,
  }));
  return {
    id: sketch.id,
    title: sketch.title,
    sourceUrl: '',
    byline: sketch.byline ?? '',
    publishedAt: sketch.publishedAt ?? '',
    outlet: sketch.outlet ?? '',
    language: '',
    createdAt,
    updatedAt: createdAt,
    scaleId: DEFAULT_SCALE.id,
    scale: DEFAULT_SCALE,
    origin: { kind: 'paste' },
    doc,
    claims,
    history: [],
    reviewers: [],
    revision: 1,
    lastClaimNumber: claims.length,
  };
}
