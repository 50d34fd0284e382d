/** Every claim in document order, with verdict and status, filterable; choosing one reveals it. */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimStatus } from '../../shared/model/claim';
import { useReviewStore } from '../review/review-store';
import { ClaimList, type ClaimListEntry } from './claim-list';
import { NeedsAttention } from './needs-attention';
import { StatusOptions } from './status-options';

const ALL = '';

/** The claims list with its heading and filters, and below it the claims that need attention. */
export function ClaimsSidebar({ onChoose }: { onChoose: (claimId: string) => void }) {
  const placements = useReviewStore((state) => state.placements);
  const placementsRead = useReviewStore((state) => state.placementsRead);
  const claims = useReviewStore((state) => state.claims);
  const removed = useReviewStore((state) => state.removedClaimIds);
  const scale = useReviewStore((state) => state.scale);
  const selectedClaimId = useReviewStore((state) => state.selectedClaimId);
  const { t } = useTranslation();
  const [verdictFilter, setVerdictFilter] = useState(ALL);
  const [statusFilter, setStatusFilter] = useState<ClaimStatus | typeof ALL>(ALL);

  const sidebarRef = useRef<HTMLElement>(null);

  const numbered = useMemo(
    () =>
      placements.flatMap((placement): ClaimListEntry[] => {
        const claim = claims[placement.claimId];
        return claim && !removed.has(placement.claimId) ? [{ claim, quote: placement.quote }] : [];
      }),
    [placements, claims, removed],
  );
  const visible = useMemo(
    () => numbered.filter(({ claim }) => (verdictFilter === ALL || (claim.verdictId ?? 'unrated') === verdictFilter) && (statusFilter === ALL || claim.status === statusFilter)),
    [numbered, verdictFilter, statusFilter],
  );
  const allShown = visible.length === numbered.length;

  return (
    <nav className="claims-sidebar" aria-label={t('desk.claims')} ref={sidebarRef}>
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
      {/* Until the article has been read, "no claims yet" would be untrue for a review with claims. */}
      {!placementsRead ? null : numbered.length === 0 ? (
        <p className="empty-hint">{t('claims.empty', { markClaim: t('desk.markClaim') })}</p>
      ) : visible.length === 0 ? (
        <p className="empty-hint">{t('claims.noMatch')}</p>
      ) : (
        <ClaimList entries={visible} scrollElementRef={sidebarRef} scale={scale} selectedClaimId={selectedClaimId} label={t('desk.claims')} onChoose={onChoose} t={t} />
      )}
      <NeedsAttention scale={scale} onChoose={onChoose} />
    </nav>
  );
}
