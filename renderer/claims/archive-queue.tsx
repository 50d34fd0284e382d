/**
 * The review's pages waiting for the archive service (the Wayback Machine): shown only while some
 * are waiting, with Send now. Nothing is sent until the reviewer presses it; pages go one at a
 * time so progress shows, and each outcome (sent, still waiting, not sent) is said with why.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ArchiveQueueItem, ArchiveSendResult } from '../../shared/api/evidence-schema';
import type { ArchiveFailure } from '../../shared/model/archive-queue';
import { api, errorMessage } from '../api/client';
import type { EvidenceCopySync } from './evidence-copy-sync';
import './archive-queue.css';

/** The last failure in a word or two ("offline"). */
function failureWords(failure: ArchiveFailure, t: TFunction): string {
  const words: Record<ArchiveFailure, string> = {
    offline: t('archiveQueue.failure.offline'),
    timeout: t('archiveQueue.failure.timeout'),
    busy: t('archiveQueue.failure.busy'),
    failed: t('archiveQueue.failure.failed'),
  };
  return words[failure];
}

/** The most recent failed try among `entries`, if any was tried. */
function lastTry(entries: readonly ArchiveQueueItem[]): ArchiveQueueItem['lastTry'] {
  return entries.reduce<ArchiveQueueItem['lastTry']>((latest, entry) => (entry.lastTry && (!latest || entry.lastTry.at > latest.at) ? entry.lastTry : latest), undefined);
}

export interface ArchiveQueueProps {
  sync: EvidenceCopySync;
  /** Changes when the claim's kept copies change (a keep may have queued a page): the queue is read again. */
  refreshKey: string;
}

/** "2 pages are waiting to be sent to the Wayback Machine (last try: offline). [Send now]" */
export function ArchiveQueue({ sync, refreshKey }: ArchiveQueueProps) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<ArchiveQueueItem[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<ArchiveSendResult[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const textId = useId();
  const { reviewId } = sync;

  const load = useCallback(async (): Promise<void> => {
    try {
      setEntries((await api['evidence:archiveQueue']({ reviewId })).entries);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }, [reviewId]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const sendNow = async (): Promise<void> => {
    const waiting = entries;
    setProblem(null);
    setOutcome(null);
    const results: ArchiveSendResult[] = [];
    try {
      for (const [index, entry] of waiting.entries()) {
        setProgress({ done: index + 1, total: waiting.length });
        results.push(...(await api['evidence:sendQueued']({ reviewId, entryId: entry.id })).results);
      }
      // The archived addresses were written on the copies: the desk takes them in.
      if (results.some((result) => result.outcome === 'sent')) await sync.takeStored();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setProgress(null);
      setOutcome(results);
      await load();
    }
  };

  if (entries.length === 0 && !progress && !outcome?.length && !problem) return null;
  const latest = lastTry(entries);
  const count = (kind: ArchiveSendResult['outcome']): number => outcome?.filter((result) => result.outcome === kind).length ?? 0;
  const unsent = outcome?.filter((result) => result.outcome !== 'sent') ?? [];
  return (
    <section className="archive-queue" aria-label={t('archiveQueue.label')}>
      {entries.length > 0 && (
        <p className="archive-queue-line">
          <span id={textId}>
            {t('archiveQueue.waiting', { count: entries.length })}
            {latest && <> {t('archiveQueue.lastTry', { reason: failureWords(latest.failure, t) })}</>}
          </span>{' '}
          <button type="button" disabled={progress !== null} aria-describedby={textId} onClick={() => void sendNow()}>
            {t('archiveQueue.sendNow')}
          </button>
        </p>
      )}
      <div role="status" className="archive-queue-status">
        {progress ? (
          <span className="evidence-copy-progress">
            <span className="evidence-copy-spinner" aria-hidden="true" />
            {t('archiveQueue.sending', { done: progress.done, total: progress.total })}
          </span>
        ) : (
          outcome &&
          outcome.length > 0 && (
            <>
              <p>{t('archiveQueue.outcome', { sent: count('sent'), queued: count('queued'), dropped: count('dropped') })}</p>
              {unsent.length > 0 && (
                <ul className="archive-queue-reasons">
                  {unsent.map((result) => (
                    <li key={result.entryId}>
                      <span dir="ltr">{result.url}</span>: {result.reason}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )
        )}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
