/**
 * The save state in words. Ordinary states are announced politely; a failed save is an alert
 * with the reason, what to do, and when Factmark tries again, so nobody keeps working unaware.
 */
import { useEffect, useState } from 'react';
import { useReviewStore, type SaveState } from './review-store';

function timeOf(iso: string): string {
  return iso ? new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : '';
}

function label(state: Exclude<SaveState, { kind: 'failed' }>): string {
  switch (state.kind) {
    case 'saved':
      return `Saved${state.at ? ` ${timeOf(state.at)}` : ''}`;
    case 'saving':
      return 'Saving…';
    case 'merging':
      return 'Merging with changes made elsewhere…';
    case 'pending':
      return 'Unsaved changes';
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
  const seconds = useSecondsUntil(retryAt);
  return (
    <div className="save-failure" role="alert" data-testid="save-failure">
      <strong>Not saved.</strong> <span>{message.replace(/^Not saved:\s*/, '')}</span>{' '}
      <span className="muted">
        Your changes are kept in this window{seconds === null ? '.' : `; trying again ${seconds > 0 ? `in ${seconds} s` : 'now'}.`}
      </span>
      <button type="button" className="link-button" onClick={onSaveNow} aria-keyshortcuts="Control+S">
        Try now
      </button>
    </div>
  );
}

export function SaveStatus({ onSaveNow }: { onSaveNow: () => void }) {
  const saveState = useReviewStore((state) => state.saveState);
  return (
    <div className={`save-status save-status-${saveState.kind}`}>
      <span role="status" aria-live="polite" data-testid="save-status">
        {saveState.kind === 'failed' ? 'Not saved' : label(saveState)}
      </span>
      {saveState.kind !== 'saved' && saveState.kind !== 'failed' && (
        <button type="button" className="link-button" onClick={onSaveNow} aria-keyshortcuts="Control+S">
          Save now
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
