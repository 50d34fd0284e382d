/** A verdict shown as colour and words together, never colour alone. */
import { useTranslation } from 'react-i18next';
import type { Claim } from '../../shared/model/claim';
import { DEFAULT_SCALE, findVerdict, type RatingScale } from '../../shared/model/rating-scale';
import { localisedVerdictLabel } from '../../shared/i18n/scale-words';
import type { ShownVerdict } from '../../shared/search/search-schema';
import { UNRATED_COLOR } from '../editor/claim-styles';
import { interfaceLanguage } from '../i18n/interface-i18n';

export function VerdictBadge({ claim, scale }: { claim: Claim; scale: RatingScale | null }) {
  const { t } = useTranslation();
  const verdict = scale ? findVerdict(scale, claim.verdictId) : undefined;
  return (
    <span className="verdict-badge" style={{ backgroundColor: verdict?.color ?? UNRATED_COLOR }}>
      {verdict?.label ?? t('verdict.none')}
    </span>
  );
}

/**
 * A verdict as another review's own scale names it (a search result, a claim checked before):
 * the built-in verdicts in the interface's language, a newsroom's own words as written.
 */
export function ShownVerdictBadge({ verdict }: { verdict: ShownVerdict | null }) {
  const { t } = useTranslation();
  // Words equal to a built-in verdict's are Factmark's own and read in the interface's language.
  const label = verdict ? localisedVerdictLabel(DEFAULT_SCALE.id, verdict, interfaceLanguage()) : t('verdict.none');
  return (
    <span className="verdict-badge" style={{ backgroundColor: verdict?.color ?? UNRATED_COLOR }} dir="auto">
      {label}
    </span>
  );
}
