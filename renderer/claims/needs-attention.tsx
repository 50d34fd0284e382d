/**
 * The claims a reviewer must look at: two versions to choose from after a merge, claims a merge
 * could not place or placed on moved or edited words, and claims whose text was deleted.
 */
import { useMemo } from 'react';
import { CLAIM_FIELD_LABELS } from '../../shared/model/claim-history';
import { CLAIM_ATTENTION_LABELS } from '../../shared/model/claim';
import type { RatingScale } from '../../shared/model/rating-scale';
import { detachedClaims, useReviewStore } from '../review/review-store';
import { VerdictBadge } from './verdict-badge';


export function NeedsAttention({ scale, onChoose }: { scale: RatingScale | null; onChoose: (claimId: string) => void }) {
  const claims = useReviewStore((state) => state.claims);
  const placements = useReviewStore((state) => state.placements);
  const removed = useReviewStore((state) => state.removedClaimIds);
  const conflicts = useReviewStore((state) => state.conflicts);
  const selectedClaimId = useReviewStore((state) => state.selectedClaimId);

  const items = useMemo(() => {
    const quotes = new Map(placements.map((placement) => [placement.claimId, placement.quote]));
    const detached = new Set(detachedClaims({ claims, placements, removedClaimIds: removed }).map((claim) => claim.id));
    return Object.values(claims)
      .filter((claim) => !removed.has(claim.id) && (conflicts[claim.id] !== undefined || claim.attention !== undefined || detached.has(claim.id)))
      .map((claim) => {
        const reasons = [
          ...(conflicts[claim.id] ? [`Two versions: ${conflicts[claim.id]?.map((conflict) => CLAIM_FIELD_LABELS[conflict.field]).join(', ')}`] : []),
          ...(claim.attention ? [CLAIM_ATTENTION_LABELS[claim.attention.kind]] : detached.has(claim.id) ? ['Text deleted from the article'] : []),
        ];
        return { claim, quote: quotes.get(claim.id) ?? claim.attention?.quote ?? '', reasons };
      });
  }, [claims, placements, removed, conflicts]);

  if (items.length === 0) return null;
  return (
    <section className="needs-attention" aria-label="Needs attention">
      <h3>
        Needs attention <span className="count">{items.length}</span>
      </h3>
      <ul className="claim-list">
        {items.map(({ claim, quote, reasons }) => (
          <li key={claim.id}>
            <button type="button" className={`claim-item${claim.id === selectedClaimId ? ' is-selected' : ''}`} aria-current={claim.id === selectedClaimId ? 'true' : undefined} onClick={() => onChoose(claim.id)}>
              <span className="claim-quote" dir="auto">
                {quote || claim.claimant || 'A claim without words'}
              </span>
              <span className="attention-reason">{reasons.join(' · ')}</span>
              <span className="claim-meta">
                <VerdictBadge claim={claim} scale={scale} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
