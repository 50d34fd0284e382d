/**
 * The queue of kept pages for the archive service (the Wayback Machine). With the setting on,
 * each page kept is queued, then sent at once as part of that keep; what the network or the
 * service did not take stays queued (in library.json, so it survives a restart) until the
 * reviewer presses Send now. Factmark never sends anything on its own.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/envelope';
import type { ArchiveQueueItem, ArchiveSendNote, ArchiveSendResult } from '../../../shared/api/evidence-schema';
import { MAX_ARCHIVE_QUEUE_ENTRIES, MAX_ARCHIVE_REASON_CHARS, type ArchiveFailure, type ArchiveQueueEntry } from '../../../shared/model/archive-queue';
import type { Claim, Evidence } from '../../../shared/model/claim';
import type { EvidenceCopy, PageCopy } from '../../../shared/model/evidence-copy';
import type { Review } from '../../../shared/model/review';
import type { LibraryStore } from '../library';
import type { FetchRules } from './guarded-fetch';
import { ArchiveSendError, sendToArchive, type ArchivedPage } from './wayback-archive';

/** Where a kept page is: its review, claim and evidence item. */
export interface KeptPlace {
  reviewId: string;
  claimId: string;
  evidenceId: string;
}

/** How the queue sends: to the service `address` under the fetch rules of the reviewer's action. */
export type SendPage = (address: string, pageUrl: string, rules: FetchRules) => Promise<ArchivedPage>;

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const shortened = (reason: string): string => (reason.length > MAX_ARCHIVE_REASON_CHARS ? `${reason.slice(0, MAX_ARCHIVE_REASON_CHARS - 1)}…` : reason);

/** The page copy `entry` names on `review`, with its claim, or null when the claim, the item or the copy is gone. */
function copyOf(review: Review, copyId: string): { claim: Claim; item: Evidence; copy: PageCopy } | null {
  for (const claim of review.claims) {
    for (const item of claim.evidence) {
      if (item.copy?.kind === 'page' && item.copy.id === copyId) return { claim, item, copy: item.copy };
    }
  }
  return null;
}

/** The kept pages waiting for the archive service, and sending them. One per open data folder. */
export class ArchiveQueueService {
  /** Entries being sent now, so Send now and a keep never send one page twice at once. */
  private readonly sending = new Set<string>();

  constructor(
    private readonly store: LibraryStore,
    private readonly send: SendPage = sendToArchive,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = randomUUID,
  ) {}

  /** The queue (of review `reviewId` only, when given), each entry with its review's title and claim number. */
  list(reviewId?: string): ArchiveQueueItem[] {
    return this.store
      .archiveQueue()
      .filter((entry) => reviewId === undefined || entry.reviewId === reviewId)
      .map((entry) => {
        const review = this.store.hasReview(entry.reviewId) ? this.store.getReview(entry.reviewId) : null;
        const claim = review?.claims.find((candidate) => candidate.id === entry.claimId);
        return { ...entry, reviewTitle: review?.title ?? '', claimNumber: claim?.number ?? null };
      });
  }

  /**
   * After a keep: when the setting is on and a page was kept, queues it and sends it at once.
   * Null when there was nothing to send; `claim` and `evidence` as stored when the archived address
   * was recorded. Never throws: the copy is kept whatever the archive service does.
   */
  async afterKeep(place: KeptPlace, copy: EvidenceCopy | undefined, rules: FetchRules): Promise<{ note: ArchiveSendNote; claim?: Claim; evidence?: Evidence } | null> {
    if (!this.store.evidenceSettings().sendToWayback || copy?.kind !== 'page') return null;
    let entry: ArchiveQueueEntry;
    try {
      entry = await this.queue(place, copy);
    } catch (error) {
      return { note: { outcome: 'dropped', reason: `The copy was kept, but it could not be queued for the archive service: ${reasonOf(error)}` } };
    }
    const result = await this.sendEntry(entry, rules);
    const note: ArchiveSendNote = { outcome: result.outcome, reason: result.reason, ...(result.archivedUrl ? { archivedUrl: result.archivedUrl } : {}) };
    const found = result.outcome === 'sent' && this.store.hasReview(place.reviewId) ? copyOf(this.store.getReview(place.reviewId), copy.id) : null;
    return found ? { note, claim: found.claim, evidence: found.item } : { note };
  }

  /** Puts the page copy on the queue, in place of an older copy of the same source still waiting (and without pages of deleted reviews). */
  async queue(place: KeptPlace, copy: PageCopy): Promise<ArchiveQueueEntry> {
    const entry: ArchiveQueueEntry = { id: this.newId(), ...place, copyId: copy.id, url: copy.requestedUrl, queuedAt: this.now().toISOString() };
    await this.store.changeArchiveQueue((entries) => {
      // Pages of reviews no longer in the library go with this write: there is nothing left to record their address on.
      const others = entries.filter((other) => this.store.hasReview(other.reviewId) && !(other.reviewId === place.reviewId && other.evidenceId === place.evidenceId));
      if (others.length >= MAX_ARCHIVE_QUEUE_ENTRIES) {
        throw new ApiError(
          'refused',
          `${MAX_ARCHIVE_QUEUE_ENTRIES} pages are already waiting for the archive service, as many as the queue holds. Nothing was sent; press Send now when you are online to empty it.`,
        );
      }
      return [...others, entry];
    });
    return entry;
  }

  /**
   * Sends the queued pages (of review `reviewId`, or entry `entryId`, when given) one after another,
   * on the reviewer's request; each says whether it was sent, stays queued, or was dropped.
   */
  async sendQueued(rules: FetchRules, filter: { reviewId?: string; entryId?: string } = {}): Promise<ArchiveSendResult[]> {
    const chosen = this.store.archiveQueue().filter((entry) => (filter.reviewId === undefined || entry.reviewId === filter.reviewId) && (filter.entryId === undefined || entry.id === filter.entryId));
    const results: ArchiveSendResult[] = [];
    for (const entry of chosen) results.push(await this.sendEntry(entry, rules));
    return results;
  }

  private async sendEntry(entry: ArchiveQueueEntry, rules: FetchRules): Promise<ArchiveSendResult> {
    const review = this.store.hasReview(entry.reviewId) ? this.store.getReview(entry.reviewId) : null;
    const claimNumber = review?.claims.find((claim) => claim.id === entry.claimId)?.number ?? null;
    const base = { entryId: entry.id, reviewId: entry.reviewId, url: entry.url, claimNumber };
    if (this.sending.has(entry.id)) return { ...base, outcome: 'queued', reason: `${entry.url} is being sent already.` };
    this.sending.add(entry.id);
    try {
      const found = review ? copyOf(review, entry.copyId) : null;
      if (!found)
        return await this.drop(
          entry,
          base,
          `The kept copy of ${entry.url} is no longer in the library (its review or source was deleted, or the page was kept again), so nothing was sent. It was taken off the queue.`,
        );
      if (found.copy.archive) return await this.sent(entry, base, found.copy.archive);
      let archived: ArchivedPage;
      try {
        archived = await this.send(this.store.evidenceSettings().waybackAddress, entry.url, rules);
      } catch (error) {
        if (error instanceof ArchiveSendError && error.action === 'drop') return await this.drop(entry, base, error.message);
        const failure: ArchiveFailure = error instanceof ArchiveSendError ? error.failure : 'failed';
        return await this.stillQueued(entry, base, failure, reasonOf(error));
      }
      try {
        await this.record(entry, archived);
      } catch (error) {
        return await this.stillQueued(entry, base, 'failed', `The archive service saved ${entry.url} at ${archived.url}, but that could not be written on its copy: ${reasonOf(error)}`);
      }
      return await this.sent(entry, base, { url: archived.url });
    } finally {
      this.sending.delete(entry.id);
    }
  }

  /** Records the archived address on the copy, in one write of the review (its history says the source changed). */
  private async record(entry: ArchiveQueueEntry, archived: ArchivedPage): Promise<void> {
    await this.store.updateReview(entry.reviewId, (current) => ({
      doc: current.doc,
      claims: current.claims.map((claim) => {
        if (!claim.evidence.some((item) => item.copy?.id === entry.copyId)) return claim;
        return {
          ...claim,
          evidence: claim.evidence.map((item) =>
            item.copy?.kind === 'page' && item.copy.id === entry.copyId
              ? { ...item, copy: { ...item.copy, archive: { service: 'wayback' as const, url: archived.url, sentAt: archived.sentAt } } }
              : item,
          ),
        };
      }),
    }));
  }

  private async sent(entry: ArchiveQueueEntry, base: Omit<ArchiveSendResult, 'outcome' | 'reason'>, archive: { url: string }): Promise<ArchiveSendResult> {
    // Sent and recorded: an entry a failed write leaves behind finds the address on its copy next time.
    await this.remove(entry).catch(() => undefined);
    return { ...base, outcome: 'sent', archivedUrl: archive.url, reason: `Archived at ${archive.url}.` };
  }

  private async drop(entry: ArchiveQueueEntry, base: Omit<ArchiveSendResult, 'outcome' | 'reason'>, reason: string): Promise<ArchiveSendResult> {
    try {
      await this.remove(entry);
    } catch (error) {
      return { ...base, outcome: 'queued', reason: `${reason} (It could not be taken off the queue: ${reasonOf(error)})` };
    }
    return { ...base, outcome: 'dropped', reason };
  }

  private async stillQueued(entry: ArchiveQueueEntry, base: Omit<ArchiveSendResult, 'outcome' | 'reason'>, failure: ArchiveFailure, reason: string): Promise<ArchiveSendResult> {
    const lastTry = { at: this.now().toISOString(), failure, reason: shortened(reason) };
    // The entry stays either way; only the time and reason of this try may not be saved.
    await this.store.changeArchiveQueue((entries) => entries.map((other) => (other.id === entry.id ? { ...other, lastTry } : other))).catch(() => undefined);
    return { ...base, outcome: 'queued', reason };
  }

  private async remove(entry: ArchiveQueueEntry): Promise<void> {
    await this.store.changeArchiveQueue((entries) => entries.filter((other) => other.id !== entry.id));
  }
}
