/** A verdict shown as colour and words together, never colour alone. */
import { useTranslation } from 'react-i18next';
import type { Claim } from '../../shared/model/claim';
import { findVerdict, type RatingScale } from '../../shared/model/rating-scale';
import { UNRATED_COLOR } from '../editor/claim-styles';

export function VerdictBadge({ claim, scale }: { claim: Claim; scale: RatingScale | null }) {
  const { t } = useTranslation();
  const verdict = scale ? findVerdict(scale, claim.verdictId) : undefined;
  return (
    <span className="verdict-badge" style={{ backgroundColor: verdict?.color ?? UNRATED_COLOR }}>
      {verdict?.label ?? t('verdict.none')}
    </span>
  );
}
