/** One row of the claims list: the claim's number, its words, verdict, sign-off and status, as a listbox option. */
import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { Claim } from '../../shared/model/claim';
import type { RatingScale } from '../../shared/model/rating-scale';
import { signOffState } from '../../shared/model/sign-off';
import { VerdictBadge } from './verdict-badge';

export interface ClaimListRowProps {
  claim: Claim;
  quote: string;
  scale: RatingScale | null;
  /** The row's place in the filtered list, from 0; announced as 1-based of `setSize`. */
  index: number;
  setSize: number;
  /** Where the row starts, in pixels from the top of the list (the virtualiser places it). */
  offset: number;
  selected: boolean;
  /** The one row the Tab key reaches (roving tab stop). */
  tabStop: boolean;
  /** The virtualiser's measuring ref: rows differ in height, so each is measured once drawn. */
  measure: (element: HTMLDivElement | null) => void;
  onChoose: (claimId: string) => void;
  /** The list's own lookup, passed down: one language subscription for the list, not one per claim. */
  t: TFunction;
}

/** One claim in the list; memoised so typing in a long article re-renders only what changed. */
export const ClaimListRow = memo(function ClaimListRow({ claim, quote, scale, index, setSize, offset, selected, tabStop, measure, onChoose, t }: ClaimListRowProps) {
  return (
    <div
      ref={measure}
      role="option"
      data-index={index}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      tabIndex={tabStop ? 0 : -1}
      className={`claim-item claim-option${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${offset}px)` }}
      onClick={() => onChoose(claim.id)}
    >
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
    </div>
  );
});
