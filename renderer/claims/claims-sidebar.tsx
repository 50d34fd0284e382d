/** Every claim in document order, with verdict and status, filterable; choosing one reveals it. */
import { memo, useMemo, useState } from 'react';
import { CLAIM_STATUS_LABELS, type Claim, type ClaimStatus } from '../../shared/model/claim';
import type { RatingScale } from '../../shared/model/rating-scale';
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
}

/** One claim in the list; memoised so typing in a long article re-renders only what changed. */
const ClaimListItem = memo(function ClaimListItem({ claim, quote, scale, selected, onChoose }: ClaimListItemProps) {
  return (
    <li>
      <button type="button" className={`claim-item${selected ? ' is-selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={() => onChoose(claim.id)}>
        <span className="claim-number" title="The claim’s permanent number: its link in published reports">
          #{claim.number ?? '…'}
        </span>
        <span className="claim-quote" dir="auto">
          {quote}
        </span>
        <span className="claim-meta">
          <VerdictBadge claim={claim} scale={scale} />
          <span className="status-text">{CLAIM_STATUS_LABELS[claim.status]}</span>
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

  return (
    <nav className="claims-sidebar" aria-label="Claims">
      <h2 className="pane-title">
        Claims{' '}
        <span className="count" aria-label={visible.length === numbered.length ? `${numbered.length} claims` : `${visible.length} of ${numbered.length} claims shown`}>
          {visible.length === numbered.length ? numbered.length : `${visible.length} of ${numbered.length}`}
        </span>
      </h2>
      <div className="filters">
        <label>
          Verdict
          <select aria-label="Filter by verdict" value={verdictFilter} onChange={(event) => setVerdictFilter(event.target.value)}>
            <option value={ALL}>All verdicts</option>
            <option value="unrated">No verdict yet</option>
            {scale?.verdicts.map((verdict) => (
              <option key={verdict.id} value={verdict.id}>
                {verdict.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select aria-label="Filter by status" value={statusFilter} onChange={(event) => setStatusFilter(event.target.value as ClaimStatus | typeof ALL)}>
            <option value={ALL}>All statuses</option>
            <StatusOptions />
          </select>
        </label>
      </div>
      {numbered.length === 0 ? (
        <p className="empty-hint">Select words in the article and press “Mark claim” (Ctrl+Alt+M) to add a claim.</p>
      ) : visible.length === 0 ? (
        <p className="empty-hint">No claim matches these filters.</p>
      ) : (
        <ol className="claim-list">
          {visible.map(({ placement, claim }) =>
            claim ? (
              <ClaimListItem key={claim.id} claim={claim} quote={placement.quote} scale={scale} selected={claim.id === selectedClaimId} onChoose={onChoose} />
            ) : null,
          )}
        </ol>
      )}
      <NeedsAttention scale={scale} onChoose={onChoose} />
    </nav>
  );
}
