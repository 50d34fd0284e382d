/** The `<option>`s of the claim statuses, in workflow order. */
import { useTranslation } from 'react-i18next';
import { CLAIM_STATUSES } from '../../shared/model/claim';

export function StatusOptions() {
  const { t } = useTranslation();
  return (
    <>
      {CLAIM_STATUSES.map((status) => (
        <option key={status} value={status}>
          {t(`claim.status.${status}`)}
        </option>
      ))}
    </>
  );
}
