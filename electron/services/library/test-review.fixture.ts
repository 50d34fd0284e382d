/** A review article and claim records for storage tests. */
import type { ArticleDoc } from '../../../shared/model/article-doc';
import type { Claim } from '../../../shared/model/claim';

export const CLAIM_A = 'claim-aaaa-0001';
export const CLAIM_B = 'claim-bbbb-0002';

/** An article with two overlapping claims, one of them in Arabic. */
export const ARTICLE: ArticleDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Budget' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'قال الوزير ' },
        { type: 'text', text: 'إن البطالة ', marks: [{ type: 'claim', attrs: { claimId: CLAIM_A } }] },
        { type: 'text', text: 'انخفضت', marks: [{ type: 'claim', attrs: { claimId: CLAIM_A } }, { type: 'claim', attrs: { claimId: CLAIM_B } }] },
        { type: 'text', text: ' كثيرا.', marks: [{ type: 'claim', attrs: { claimId: CLAIM_B } }] },
      ],
    },
  ],
};

/** A claim with every field filled in, and two evidence links. */
export function fullClaim(id: string, rationale = 'Official figures say otherwise. 👩‍👩‍👧 Cafe\u0301'): Claim {
  return {
    id,
    summary: 'Unemployment fell to 3.4 percent',
    verdictId: 'mostly-false',
    rationale,
    claimant: 'وزير المالية',
    claimDate: '2026-03-14',
    appearanceUrl: 'https://parliament.example/hansard',
    status: 'reviewed',
    tags: ['economy', 'عمل'],
    evidence: [
      { id: 'evidence-0001', url: 'https://stats.example.gov/t3', title: 'Survey', note: 'Table 3', stance: 'refutes', accessedAt: '2026-03-15' },
      { id: 'evidence-0002', url: 'https://archive.example.org/x', title: 'Archive', note: '', stance: 'supports', accessedAt: '' },
    ],
    createdAt: '2026-03-14T10:00:00.000Z',
    updatedAt: '2026-03-14T10:00:00.000Z',
  };
}
