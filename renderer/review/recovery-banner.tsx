/**
 * Offers work that could not be saved last time (kept in a recovery copy) when its review is
 * opened again: restore merges it into the review as it is stored now; discard forgets it.
 */
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { formatDateTime } from '../i18n/interface-format';
import { dropRecoveryCopy, recoveryCopiesOf, type RecoveryCopy } from './recovery-copies';
import type { ReviewSync } from './review-sync';

export function RecoveryBanner({ sync, onMessage }: { sync: ReviewSync; onMessage: (message: string) => void }) {
  const { t, i18n } = useTranslation();
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
  return (
    <section className="recovery-banner" role="alert" aria-label={t('recovery.label')}>
      <p>
        <Trans i18nKey="recovery.offer" values={{ when: formatDateTime(copy.keptAt, i18n.language), reason: copy.reason.replace(/^Not saved:\s*/, '') }} components={{ strong: <strong /> }} />
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
                onMessage(saved ? t('recovery.restoredAndSaved') : t('recovery.restoredNotSaved'));
              })
              .catch((error: unknown) => onMessage(t('recovery.restoreFailed', { reason: errorMessage(error) })))
              .finally(() => setBusy(false));
          }}
        >
          {t('recovery.restore')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            void dropRecoveryCopy(copy.key)
              .then(() => recoveryCopiesOf(sync.reviewId, sync.windowId))
              .then((rest) => setCopy(rest[0] ?? null));
            onMessage(t('recovery.discarded'));
          }}
        >
          {t('recovery.discard')}
        </button>
      </div>
    </section>
  );
}
