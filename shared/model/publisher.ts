/** Who publishes the library's fact-checks: named in every report and structured-data export. */
import { z } from 'zod';
import { OptionalHttpUrl } from './primitives';

export const Publisher = z.object({
  reviewerName: z.string().max(200),
  organizationName: z.string().max(200),
  organizationUrl: OptionalHttpUrl,
  /** Where this fact-check is (or will be) published; claims get `#claim-N` anchors on it. */
  reportUrl: OptionalHttpUrl,
});
export type Publisher = z.infer<typeof Publisher>;

export const EMPTY_PUBLISHER: Publisher = { reviewerName: '', organizationName: '', organizationUrl: '', reportUrl: '' };
