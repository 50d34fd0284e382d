/**
 * A claim's words as its history recorded them when it was made, by claim id: how reports and
 * tables name a claim whose words have left the article.
 */
import type { ClaimEvent } from '../model/claim-history';

/** The quote of each claim's `created` event (the last one, where a merge brought in two). */
export function recordedQuotes(history: readonly ClaimEvent[]): Map<string, string> {
  return new Map(history.filter((event) => event.kind === 'created' && event.quote).map((event) => [event.claimId, event.quote as string]));
}
