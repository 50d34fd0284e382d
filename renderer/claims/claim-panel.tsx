/** Everything recorded about the selected claim: verdict, rationale, who said it and when, status, tags, evidence. */
import { forwardRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Claim, ClaimStatus } from '../../shared/model/claim';
import { useReviewStore } from '../review/review-store';
import { EvidenceList } from './evidence-list';
import type { EvidenceCopySync } from './evidence-copy-sync';
import { TagField } from './tag-field';
import { UrlField } from './url-field';
import { StatusOptions } from './status-options';
import { ClaimSummaryField } from './claim-summary-field';
import { VerdictBadge } from './verdict-badge';
import { AttentionBox } from './attention-box';
import { ClaimHistory } from './claim-history';
import { SignOffBox } from './sign-off-box';
import { CheckedBeforeBox } from './checked-before';
import type { ChannelOutput } from '../../shared/api/contract';
import type { ClaimField } from '../../shared/model/claim-history';

export interface ClaimPanelProps {
  onDelete: (claimId: string) => void;
  /** Puts an unplaced claim on the words selected in the article. */
  onPlace: (claimId: string) => void;
  /** The claim's history, with what is pending saved first. */
  onLoadHistory: (claimId: string) => Promise<ChannelOutput<'review:claimHistory'>>;
  /** Settles a conflict on `field` with the chosen value. */
  onChooseVersion: (claimId: string, field: ClaimField, value: unknown) => void;
  onChooseClaim: (claimId: string) => void;
  /** Other claims under the last click, to switch between overlapping highlights. */
  overlapping: string[];
  /** A service changed the stored claim (a verdict taken from another review): the desk reads the review now, not at its next look. */
  onStoredChange?: () => void;
  /** Keeping and attaching evidence copies: the services store them, the desk takes them in. */
  evidenceCopies: EvidenceCopySync;
}

export const ClaimPanel = forwardRef<HTMLElement, ClaimPanelProps>(function ClaimPanel({ onDelete, onPlace, onLoadHistory, onChooseVersion, onChooseClaim, overlapping, onStoredChange, evidenceCopies }, ref) {
  const selectedClaimId = useReviewStore((state) => state.selectedClaimId);
  const claim = useReviewStore((state) => (state.selectedClaimId ? state.claims[state.selectedClaimId] : undefined));
  const scale = useReviewStore((state) => state.scale);
  const placements = useReviewStore((state) => state.placements);
  const claims = useReviewStore((state) => state.claims);
  const updateClaim = useReviewStore((state) => state.updateClaim);
  const conflicts = useReviewStore((state) => (state.selectedClaimId ? state.conflicts[state.selectedClaimId] : undefined));
  const { t } = useTranslation();
  /** Bumped when a service changed the claim (a verdict taken from another review): its history is read afresh. */
  const [historyVersion, setHistoryVersion] = useState(0);

  if (!selectedClaimId || !claim) {
    return (
      <aside className="claim-panel" aria-label={t('desk.claimDetails')} ref={ref} tabIndex={-1}>
        <h2 className="pane-title">{t('panel.claim')}</h2>
        <p className="empty-hint">{t('panel.empty')}</p>
      </aside>
    );
  }

  const index = placements.findIndex((placement) => placement.claimId === claim.id);
  const placement = placements[index];
  const update = (patch: Partial<Omit<Claim, 'id' | 'createdAt'>>): void => updateClaim(claim.id, patch);
  const others = overlapping.filter((id) => id !== claim.id && claims[id]);
  const number = claim.number ?? '…';
  const title = index >= 0 ? t('panel.title', { number }) : claim.attention?.kind === 'orphan' ? t('panel.titleNotPlaced', { number }) : t('panel.titleTextDeleted', { number });

  return (
    <aside className="claim-panel" aria-label={t('desk.claimDetails')} ref={ref} tabIndex={-1}>
      <h2 className="pane-title">{title}</h2>
      {placement ? (
        <blockquote className="claim-quote-full" dir="auto">
          {placement.quote}
        </blockquote>
      ) : (
        !claim.attention && <p className="empty-hint">{t('panel.wordsDeleted')}</p>
      )}
      <AttentionBox
        claim={claim}
        conflicts={conflicts}
        scale={scale}
        placed={placement !== undefined}
        onChoose={(field, value) => onChooseVersion(claim.id, field, value)}
        onPlace={() => onPlace(claim.id)}
        onConfirm={() => update({ attention: undefined })}
      />
      {!placement && !claim.attention && (
        <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => onPlace(claim.id)}>
          {t('attention.place')}
        </button>
      )}
      {others.length > 0 && (
        <div className="overlaps" role="group" aria-label={t('panel.otherClaimsHere')}>
          <span>{t('panel.alsoHere')}</span>
          {others.map((id) => {
            const other = claims[id];
            return other ? (
              <button key={id} type="button" className="overlap-chip" onClick={() => onChooseClaim(id)}>
                #{other.number ?? '…'} <VerdictBadge claim={other} scale={scale} />
              </button>
            ) : null;
          })}
        </div>
      )}

      <CheckedBeforeBox
        claim={claim}
        quote={placement?.quote ?? ''}
        load={onLoadHistory}
        onCopied={() => {
          setHistoryVersion((version) => version + 1);
          onStoredChange?.();
        }}
      />
      <fieldset className="verdicts">
        <legend>{t('claim.field.verdictId')}</legend>
        <div className="verdict-options" role="radiogroup" aria-label={t('claim.field.verdictId')}>
          {scale?.verdicts.map((verdict, verdictIndex) => (
            <label
              key={verdict.id}
              className={`verdict-option${claim.verdictId === verdict.id ? ' is-chosen' : ''}`}
              title={`${verdict.description} (Alt+${verdictIndex + 1})`}
            >
              <input
                type="radio"
                name={`verdict-${claim.id}`}
                value={verdict.id}
                checked={claim.verdictId === verdict.id}
                onChange={() => update({ verdictId: verdict.id })}
                aria-keyshortcuts={`Alt+${verdictIndex + 1}`}
              />
              <span className="swatch" style={{ backgroundColor: verdict.color }} aria-hidden="true" />
              <span>{verdict.label}</span>
            </label>
          ))}
        </div>
        <p className="verdict-hint">
          <Trans i18nKey="panel.verdictKeys" values={{ last: scale?.verdicts.length ?? 7 }} components={{ from: <kbd />, to: <kbd /> }} />
          {claim.verdictId !== null && (
            <button type="button" className="link-button" onClick={() => update({ verdictId: null })}>
              {t('panel.clearVerdict')}
            </button>
          )}
        </p>
      </fieldset>

      <ClaimSummaryField value={claim.summary} onChange={(summary) => update({ summary })} />
      <label className="field">
        <span className="field-label">{t('claim.field.rationale')}</span>
        <textarea rows={5} value={claim.rationale} onChange={(event) => update({ rationale: event.target.value })} dir="auto" />
      </label>
      <SignOffBox claim={claim} conflicts={conflicts} load={onLoadHistory} />
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('claim.field.claimant')}</span>
          <input value={claim.claimant} onChange={(event) => update({ claimant: event.target.value })} dir="auto" placeholder={t('panel.claimantPlaceholder')} />
        </label>
        <label className="field">
          <span className="field-label">{t('claim.field.claimDate')}</span>
          <input type="date" value={claim.claimDate} onChange={(event) => update({ claimDate: event.target.value })} />
        </label>
      </div>
      <UrlField label={t('claim.field.appearanceUrl')} value={claim.appearanceUrl} onCommit={(appearanceUrl) => update({ appearanceUrl })} />
      <label className="field">
        <span className="field-label">{t('claim.field.status')}</span>
        <select aria-label={t('claim.field.status')} value={claim.status} onChange={(event) => update({ status: event.target.value as ClaimStatus })}>
            <StatusOptions />
        </select>
      </label>
      <TagField tags={claim.tags} onChange={(tags) => update({ tags })} />
      <EvidenceList evidence={claim.evidence} onChange={(evidence) => update({ evidence })} claimId={claim.id} copies={evidenceCopies} />
      <ClaimHistory key={`${claim.id}:${historyVersion}`} claimId={claim.id} scale={scale} load={onLoadHistory} />
      <div className="panel-actions">
        <button type="button" className="danger" onClick={() => onDelete(claim.id)}>
          {t('panel.deleteClaim')}
        </button>
      </div>
    </aside>
  );
});
