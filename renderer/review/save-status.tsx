/**
 * The save state in words. Ordinary states are announced politely; a failed save is an alert
 * with the reason, what to do, and when Factmark tries again, so nobody keeps working unaware.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatTime } from '../i18n/interface-format';
import { useReviewStore, type SaveState } from './review-store';

function label(state: Exclude<SaveState, { kind: 'failed' }>, t: TFunction, language: string): string {
  switch (state.kind) {
    case 'saved':
      return state.at ? t('save.savedAt', { time: formatTime(state.at, language) }) : t('save.saved');
    case 'saving':
      return t('save.saving');
    case 'merging':
      return t('save.merging');
    case 'pending':
      return t('save.pending');
  }
}

/** Seconds until `at`, updated every second while shown. */
function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1_000));
}

function FailedSave({ message, retryAt, onSaveNow }: { message: string; retryAt: number | null; onSaveNow: () => void }) {
  const { t } = useTranslation();
  const seconds = useSecondsUntil(retryAt);
  return (
    <div className="save-failure" role="alert" data-testid="save-failure">
      <strong>{t('save.notSavedTitle')}</strong> <span>{message.replace(/^Not saved:\s*/, '')}</span>{' '}
      <span className="muted">{seconds === null ? t('save.keptInWindow') : seconds > 0 ? t('save.retryingIn', { count: seconds }) : t('save.retryingNow')}</span>
      <button type="button" className="link-button" onClick={onSaveNow} aria-keyshortcuts="Control+S">
        {t('save.tryNow')}
      </button>
    </div>
  );
}

export function SaveStatus({ onSaveNow }: { onSaveNow: () => void }) {
  const { t, i18n } = useTranslation();
  const saveState = useReviewStore((state) => state.saveState);
  return (
    <div className={`save-status save-status-${saveState.kind}`}>
      <span role="status" aria-live="polite" data-testid="save-status">
        {saveState.kind === 'failed' ? t('save.notSaved') : label(saveState, t, i18n.language)}
      </span>
      {saveState.kind !== 'saved' && saveState.kind !== 'failed' && (
        <button type="button" className="link-button" onClick={onSaveNow} aria-keyshortcuts="Control+S">
          {t('save.saveNow')}
        </button>
      )}
    </div>
  );
}

/** The banner under the toolbar while saving fails. */
export function SaveFailureBanner({ onSaveNow }: { onSaveNow: () => void }) {
  const saveState = useReviewStore((state) => state.saveState);
  if (saveState.kind !== 'failed') return null;
  return <FailedSave message={saveState.message} retryAt={saveState.retryAt} onSaveNow={onSaveNow} />;
}
