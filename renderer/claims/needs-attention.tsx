/**
 * The claims a reviewer must look at: two versions to choose from after a merge, claims a merge
 * could not place or placed on moved or edited words, and claims whose text was deleted.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingScale } from '../../shared/model/rating-scale';
import { formatList } from '../i18n/interface-format';
import { detachedClaims, useReviewStore } from '../review/review-store';
import { VerdictBadge } from './verdict-badge';


export function NeedsAttention({ scale, onChoose }: { scale: RatingScale | null; onChoose: (claimId: string) => void }) {
  const { t, i18n } = useTranslation();
  const claims = useReviewStore((state) => state.claims);
  const placements = useReviewStore((state) => state.placements);
  const placementsRead = useReviewStore((state) => state.placementsRead);
  const removed = useReviewStore((state) => state.removedClaimIds);
  const conflicts = useReviewStore((state) => state.conflicts);
  const selectedClaimId = useReviewStore((state) => state.selectedClaimId);

  const items = useMemo(() => {
    const quotes = new Map(placements.map((placement) => [placement.claimId, placement.quote]));
    const detached = new Set(detachedClaims({ claims, placements, placementsRead, removedClaimIds: removed }).map((claim) => claim.id));
    return Object.values(claims)
      .filter((claim) => !removed.has(claim.id) && (conflicts[claim.id] !== undefined || claim.attention !== undefined || detached.has(claim.id)))
      .map((claim) => {
        const conflictFields = conflicts[claim.id]?.map((conflict) => t(`claim.field.${conflict.field}`));
        const reasons = [
          ...(conflictFields ? [t('attention.reason.twoVersions', { fields: formatList(conflictFields, i18n.language) })] : []),
          ...(claim.attention ? [t(`attention.reason.${claim.attention.kind}`)] : detached.has(claim.id) ? [t('attention.reason.deleted')] : []),
        ];
        return { claim, quote: quotes.get(claim.id) ?? claim.attention?.quote ?? '', reasons };
      });
  }, [claims, placements, placementsRead, removed, conflicts, t, i18n.language]);

  if (items.length === 0) return null;
  return (
    <section className="needs-attention" aria-label={t('attention.needsAttention')}>
      <h3>
        {t('attention.needsAttention')} <span className="count">{items.length}</span>
      </h3>
      <ul className="claim-list">
        {items.map(({ claim, quote, reasons }) => (
          <li key={claim.id}>
            <button type="button" className={`claim-item${claim.id === selectedClaimId ? ' is-selected' : ''}`} aria-current={claim.id === selectedClaimId ? 'true' : undefined} onClick={() => onChoose(claim.id)}>
              <span className="claim-quote" dir="auto">
                {quote || claim.claimant || t('attention.noWords')}
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
