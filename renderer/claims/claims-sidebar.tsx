/** Every claim in document order, with verdict and status, filterable; choosing one reveals it. */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Claim, ClaimStatus } from '../../shared/model/claim';
import type { RatingScale } from '../../shared/model/rating-scale';
import { signOffState } from '../../shared/model/sign-off';
import { useReviewStore } from '../review/review-store';
import { NeedsAttention } from './needs-attention';
import { StatusOptions } from './status-options';
import { VerdictBadge } from './verdict-badge';

const ALL = '';

interface ClaimListItemProps {
  claim: Claim;
  quote: string;
  scale: RatingScale | null;
  selected: boolean;
  onChoose: (claimId: string) => void;
  /** The list's own lookup, passed down: one language subscription for the list, not one per claim. */
  t: TFunction;
}

/** One claim in the list; memoised so typing in a long article re-renders only what changed. */
const ClaimListItem = memo(function ClaimListItem({ claim, quote, scale, selected, onChoose, t }: ClaimListItemProps) {
  return (
    <li>
      <button type="button" className={`claim-item${selected ? ' is-selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={() => onChoose(claim.id)}>
        <span className="claim-number" title={t('claims.numberHint')}>
          #{claim.number ?? '…'}
        </span>
        <span className="claim-quote" dir="auto">
          {quote}
        </span>
        <span className="claim-meta">
          <VerdictBadge claim={claim} scale={scale} />
          {signOffState(claim) === 'signed' && (
            <span className="sign-off-mark" title={t('claims.signedOff')}>
              <span aria-hidden="true">✓</span>
              <span className="visually-hidden">{t('claims.signedOff')}</span>
            </span>
          )}
          <span className="status-text">{t(`claim.status.${claim.status}`)}</span>
        </span>
      </button>
    </li>
  );
});

export function ClaimsSidebar({ onChoose }: { onChoose: (claimId: string) => void }) {
  const placements = useReviewStore((state) => state.placements);
  const claims = useReviewStore((state) => state.claims);
  const removed = useReviewStore((state) => state.removedClaimIds);
  const scale = useReviewStore((state) => state.scale);
  const selectedClaimId = useReviewStore((state) => state.selectedClaimId);
  const { t } = useTranslation();
  const [verdictFilter, setVerdictFilter] = useState(ALL);
  const [statusFilter, setStatusFilter] = useState<ClaimStatus | typeof ALL>(ALL);

  const numbered = useMemo(
    () => placements.map((placement) => ({ placement, claim: claims[placement.claimId] })).filter((entry) => entry.claim !== undefined && !removed.has(entry.placement.claimId)),
    [placements, claims, removed],
  );
  const visible = numbered.filter(
    ({ claim }) =>
      (verdictFilter === ALL || (claim?.verdictId ?? 'unrated') === verdictFilter) && (statusFilter === ALL || claim?.status === statusFilter),
  );
  const allShown = visible.length === numbered.length;

  return (
    <nav className="claims-sidebar" aria-label={t('desk.claims')}>
      <h2 className="pane-title">
        {t('desk.claims')}{' '}
        <span className="count" aria-label={allShown ? t('claims.count', { count: numbered.length }) : t('claims.shownOf', { count: numbered.length, shown: visible.length })}>
          {allShown ? t('claims.total', { total: numbered.length }) : t('claims.ratio', { shown: visible.length, total: numbered.length })}
        </span>
      </h2>
      <div className="filters">
        <label>
          {t('claim.field.verdictId')}
          <select aria-label={t('claims.filterVerdict')} value={verdictFilter} onChange={(event) => setVerdictFilter(event.target.value)}>
            <option value={ALL}>{t('claims.allVerdicts')}</option>
            <option value="unrated">{t('claims.noVerdictYet')}</option>
            {scale?.verdicts.map((verdict) => (
              <option key={verdict.id} value={verdict.id}>
                {verdict.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('claim.field.status')}
          <select aria-label={t('claims.filterStatus')} value={statusFilter} onChange={(event) => setStatusFilter(event.target.value as ClaimStatus | typeof ALL)}>
            <option value={ALL}>{t('claims.allStatuses')}</option>
            <StatusOptions />
          </select>
        </label>
      </div>
      {numbered.length === 0 ? (
        <p className="empty-hint">{t('claims.empty', { markClaim: t('desk.markClaim') })}</p>
      ) : visible.length === 0 ? (
        <p className="empty-hint">{t('claims.noMatch')}</p>
      ) : (
        <ol className="claim-list">
          {visible.map(({ placement, claim }) =>
            claim ? (
              <ClaimListItem key={claim.id} claim={claim} quote={placement.quote} scale={scale} selected={claim.id === selectedClaimId} onChoose={onChoose} t={t} />
            ) : null,
          )}
        </ol>
      )}
      <NeedsAttention scale={scale} onChoose={onChoose} />
    </nav>
  );
}
