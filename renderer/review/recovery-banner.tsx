/**
 * Offers work that could not be saved last time (kept in a recovery copy) when its review is
 * opened again: restore merges it into the review as it is stored now; discard forgets it.
 */
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import { dropRecoveryCopy, recoveryCopiesOf, type RecoveryCopy } from './recovery-copies';
import type { ReviewSync } from './review-sync';

export function RecoveryBanner({ sync, onMessage }: { sync: ReviewSync; onMessage: (message: string) => void }) {
  const [copy, setCopy] = useState<RecoveryCopy | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    // Copies this window keeps while its own saves fail are not offers; those of earlier visits are.
    void recoveryCopiesOf(sync.reviewId, sync.windowId).then((found) => {
      if (!cancelled && found[0]) setCopy(found[0]);
    });
    return () => {
      cancelled = true;
    };
  }, [sync]);

  if (!copy) return null;
  const when = new Date(copy.keptAt).toLocaleString();
  return (
    <section className="recovery-banner" role="alert" aria-label="Unsaved work found">
      <p>
        <strong>Unsaved work from {when} was kept</strong> because saving had failed ({copy.reason.replace(/^Not saved:\s*/, '')}). Restore it to merge it into this review, or discard it.
      </p>
      <div className="recovery-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            sync
              .restore(copy)
              .then(async (saved) => {
                setCopy((await recoveryCopiesOf(sync.reviewId, sync.windowId))[0] ?? null);
                onMessage(saved ? 'Your unsaved work was restored and saved.' : 'Your unsaved work was restored; it is not saved yet (see above).');
              })
              .catch((error: unknown) => onMessage(`The unsaved work could not be restored: ${errorMessage(error)} It is still kept.`))
              .finally(() => setBusy(false));
          }}
        >
          Restore unsaved work
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            void dropRecoveryCopy(copy.key)
              .then(() => recoveryCopiesOf(sync.reviewId, sync.windowId))
              .then((rest) => setCopy(rest[0] ?? null));
            onMessage('The unsaved work was discarded.');
          }}
        >
          Discard it
        </button>
      </div>
    </section>
  );
}
