/** The Trash: deleted reviews, each restorable; emptying it (after a confirmation) removes them for good. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/api/contract';
import type { TrashEntry } from '../../shared/model/trash-entry';
import { api, errorMessage } from '../api/client';
import { ConfirmDialog } from '../app/modal-dialog';
import { formatDateTime } from '../i18n/interface-format';

/** What restoring gave back: the review's summary, and whether it came back as a copy. */
export type RestoredReview = ChannelOutput<'trash:restore'>;

export interface TrashViewProps {
  /** The Trash as last read; null while it is read. */
  entries: TrashEntry[] | null;
  /** Reads the Trash again (after a restore or emptying). */
  onChanged: () => Promise<void>;
  onRestored: (restored: RestoredReview) => void;
}

export function TrashView({ entries, onChanged, onRestored }: TrashViewProps) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState('');

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setProblem(null);
    setDone('');
    try {
      await work();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
      await onChanged();
    }
  };
  const restore = (entry: TrashEntry): Promise<void> => run(async () => onRestored(await api['trash:restore']({ trashId: entry.trashId })));
  const empty = (): Promise<void> =>
    run(async () => {
      await api['trash:empty']({});
      setDone(t('trash.emptied'));
    });

  return (
    <section className="trash-view" aria-labelledby="trash-title">
      <div className="view-header">
        <h2 id="trash-title">{t('trash.title')}</h2>
        <p className="muted">{t('trash.hint')}</p>
        <button type="button" className="danger" disabled={busy || !entries || entries.length === 0} onClick={() => setConfirming(true)}>
          {t('trash.empty')}
        </button>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {done}
      </p>
      {entries === null ? (
        <p className="loading" role="status">
          {t('trash.loading')}
        </p>
      ) : entries.length === 0 ? (
        <div className="library-empty">
          <p>{done || t('trash.isEmpty')}</p>
        </div>
      ) : (
        <table className="review-table trash-table">
          <thead>
            <tr>
              <th scope="col">{t('library.columnTitle')}</th>
              <th scope="col">{t('trash.columnDeleted')}</th>
              <th scope="col">{t('library.columnClaims')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('library.columnActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.trashId}>
                <td>
                  {entry.problem === null ? (
                    <span className="trash-title" dir="auto">
                      {entry.title}
                    </span>
                  ) : (
                    <>
                      <span className="trash-title">{t('trash.unreadable')}</span>
                      <p className="muted trash-problem">{entry.problem}</p>
                    </>
                  )}
                </td>
                <td>{formatDateTime(entry.deletedAt, i18n.language)}</td>
                <td>{entry.problem === null ? t('trash.claimCount', { amount: entry.claimCount }) : '—'}</td>
                <td className="row-actions">
                  {entry.problem === null && (
                    <button type="button" disabled={busy} onClick={() => void restore(entry)} aria-label={t('trash.restoreNamed', { title: entry.title })}>
                      {t('trash.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && entries && (
        <ConfirmDialog
          title={t('trash.emptyQuestion')}
          message={t('trash.emptyMessage', { amount: entries.length })}
          confirmLabel={t('trash.emptyConfirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void empty();
          }}
        />
      )}
    </section>
  );
}
