/**
 * A keep with the archive service setting on: the page is kept as always, then queued and sent to
 * the archive service as part of the same action. What the archive does never undoes the copy;
 * the outcome says whether the page was sent, stays queued, or was dropped, and why.
 */
import type { KeepOutcome, KeptCopy } from '../../../shared/api/evidence-schema';
import type { ArchiveQueueService } from './archive-queue';
import { keepAllEvidence, keepEvidence, type KeepContext } from './keep-evidence';

/** Keeps one link (as keepEvidence does), then sends the page kept when the setting is on. */
export async function keepThenArchive(context: KeepContext, archive: ArchiveQueueService, input: { reviewId: string; claimId: string; evidenceId: string }): Promise<KeptCopy> {
  const kept = await keepEvidence(context, input);
  const sent = await archive.afterKeep(input, kept.evidence.copy, context.rules);
  if (!sent) return kept;
  return { claim: sent.claim ?? kept.claim, evidence: sent.evidence ?? kept.evidence, archive: sent.note };
}

/** Keeps every link (as keepAllEvidence does), then sends each page kept now, one after another, when the setting is on. */
export async function keepAllThenArchive(
  context: KeepContext,
  archive: ArchiveQueueService,
  input: { reviewId: string; claimId?: string; again: boolean },
  cancelled: () => boolean,
): Promise<KeepOutcome[]> {
  const results = await keepAllEvidence(context, input, cancelled);
  const withArchive: KeepOutcome[] = [];
  for (const result of results) {
    const sent = result.outcome === 'kept' ? await archive.afterKeep({ reviewId: input.reviewId, claimId: result.claimId, evidenceId: result.evidenceId }, result.copy, context.rules) : null;
    withArchive.push(sent ? { ...result, ...(sent.evidence?.copy ? { copy: sent.evidence.copy } : {}), archive: sent.note } : result);
  }
  return withArchive;
}
