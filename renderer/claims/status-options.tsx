/** The `<option>`s of the claim statuses, in workflow order. */
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS } from '../../shared/model/claim';

export function StatusOptions() {
  return (
    <>
      {CLAIM_STATUSES.map((status) => (
        <option key={status} value={status}>
          {CLAIM_STATUS_LABELS[status]}
        </option>
      ))}
    </>
  );
}
