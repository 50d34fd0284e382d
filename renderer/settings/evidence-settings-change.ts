/** What Preferences asks settings:setEvidence to change: the evidence fields the reviewer changed, and no others. */
import type { EvidenceSettings } from '../../shared/api/evidence-schema';

/** The fields of `draft` that differ from `stored` (what settings:setEvidence is asked to change). */
export function changedEvidenceSettings(stored: EvidenceSettings, draft: EvidenceSettings): Partial<EvidenceSettings> {
  const keys = Object.keys(draft) as (keyof EvidenceSettings)[];
  return Object.fromEntries(keys.filter((key) => draft[key] !== stored[key]).map((key) => [key, draft[key]]));
}
