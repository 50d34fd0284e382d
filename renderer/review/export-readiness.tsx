/**
 * What stops a fact-check from being published, said in the export dialog before the file is made:
 * each unfinished claim with everything it still needs, and a way to go straight to it.
 */
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/api/contract';
import { formatDate } from '../i18n/interface-format';

/** Claims listed one by one; the rest are counted. */
const LISTED = 12;

function shortQuote(quote: string): string {
  return quote.length > 70 ? `${quote.slice(0, 67)}…` : quote;
}

export function ExportReadiness(props: {
  /** The review's check, asked in the interface's language so the reasons read in it. */
  check: ChannelOutput<'review:check'>;
  /** True when the chosen export is a publishable report (not CSV or Web Annotation data). */
  gated: boolean;
  mode: 'publish' | 'draft';
  /** How many claims the review has: with none, nothing is "finished". */
  claimCount: number;
  onShowClaim: (claimId: string, placed: boolean) => void;
}) {
  const { check, gated, mode, onShowClaim } = props;
  const { t, i18n } = useTranslation();
  const { unfinished } = check;
  if (props.claimCount === 0 && !check.textEditedAt) {
    return gated ? <p className="muted">{t('readiness.noClaims')}</p> : null;
  }
  if (unfinished.length === 0 && !check.textEditedAt) {
    return gated ? (
      <p className="export-ready" role="status">
        {mode === 'publish' ? t('readiness.allFinishedPublish') : t('readiness.allFinished')}
      </p>
    ) : null;
  }
  const stops = gated && mode === 'publish' && unfinished.length > 0;
  return (
    <section className={`export-warning${stops ? ' is-blocking' : ''}`} aria-labelledby="export-readiness-title">
      <h3 id="export-readiness-title">{unfinished.length === 0 ? t('readiness.beforePublish') : t('readiness.notReady', { count: unfinished.length })}</h3>
      {check.textEditedAt && <p>{t('readiness.textEdited', { date: formatDate(check.textEditedAt, i18n.language) })}</p>}
      {unfinished.length > 0 && (
        <>
          <p>{stops ? t('readiness.stops') : gated ? t('readiness.draftMarks') : t('readiness.dataExport')}</p>
          <ul className="unfinished-claims">
            {unfinished.slice(0, LISTED).map((claim) => (
              <li key={claim.claimId}>
                <button type="button" className="link-button" onClick={() => onShowClaim(claim.claimId, claim.placed)}>
                  {t('readiness.claim', { number: claim.number })}
                </button>{' '}
                <span className="muted">{t('readiness.quote', { quote: shortQuote(claim.quote || t('readiness.wordsUnknown')) })}</span>
                <ul className="unfinished-reasons">
                  {claim.reasons.map((reason) => (
                    <li key={reason.kind}>{reason.message}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {unfinished.length > LISTED && <p>{t('readiness.more', { count: unfinished.length - LISTED })}</p>}
        </>
      )}
    </section>
  );
}
