/**
 * A long review with many overlapping claims, for the report's link checks and its benchmark:
 * paragraphs of seven sentences, two claims in each that share a sentence (as the editor
 * benchmark marks them), every claim ready to publish. 2,500 paragraphs make ~1 MB of text.
 */
import type { DocNode } from '../model/article-doc';
import { newClaim, type Claim } from '../model/claim';
import type { Review } from '../model/review';
import { REVIEW } from './report-fixture';

const SENTENCE = 'The ministry said unemployment fell to 3.4 percent last year, the lowest rate since 1970, and wages rose. ';
const CREATED = '2026-03-14T10:00:00.000Z';

/** An article of `paragraphs` paragraphs and, when `withClaims`, its 2 × `paragraphs` claims (none: the same text unmarked). */
export function manyClaimsArticle(paragraphs: number, withClaims: boolean): { doc: DocNode & { type: 'doc' }; claims: Claim[] } {
  const claims: Claim[] = [];
  const content: DocNode[] = [];
  for (let index = 0; index < paragraphs; index++) {
    const first = `claim-a-${index.toString().padStart(6, '0')}`;
    const second = `claim-b-${index.toString().padStart(6, '0')}`;
    const marked = (ids: string[]) => (withClaims ? { marks: ids.map((claimId) => ({ type: 'claim', attrs: { claimId } })) } : {});
    if (withClaims) {
      for (const [id, verdictId] of [
        [first, 'false'],
        [second, 'mostly-true'],
      ] as const) {
        claims.push({ ...newClaim(id, CREATED), verdictId, status: 'reviewed', claimant: 'The minister', rationale: 'The statistics office gives a different figure for the same period.' });
      }
    }
    content.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: SENTENCE.repeat(2) },
        { type: 'text', text: SENTENCE, ...marked([first]) },
        { type: 'text', text: SENTENCE, ...marked([first, second]) },
        { type: 'text', text: SENTENCE, ...marked([second]) },
        { type: 'text', text: SENTENCE.repeat(2) },
      ],
    });
  }
  return { doc: { type: 'doc', content }, claims };
}

/** A review of `manyClaimsArticle(paragraphs, withClaims)`, not stored (its claims are numbered by the report). */
export function manyClaimsReview(paragraphs: number, withClaims = true): Review {
  const { doc, claims } = manyClaimsArticle(paragraphs, withClaims);
  return { ...REVIEW, id: 'review-many-0001', title: 'A long hearing', history: [], lastClaimNumber: 0, claims, doc };
}
