/** The save state in words, announced politely to screen readers. */
import { useReviewStore } from './review-store';

function timeOf(iso: string): string {
  return iso ? new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : '';
}

export function SaveStatus({ onSaveNow }: { onSaveNow: () => void }) {
  const saveState = useReviewStore((state) => state.saveState);
  const text =
    saveState.kind === 'saved'
      ? `Saved${saveState.at ? ` ${timeOf(saveState.at)}` : ''}`
      : saveState.kind === 'saving'
        ? 'Saving…'
        : saveState.kind === 'pending'
          ? 'Unsaved changes'
          : `Not saved: ${saveState.message} Retrying…`;
  return (
    <div className={`save-status save-status-${saveState.kind}`}>
      <span role="status" aria-live="polite" data-testid="save-status">
        {text}
      </span>
      {saveState.kind !== 'saved' && (
        <button type="button" className="link-button" onClick={onSaveNow} aria-keyshortcuts="Control+S">
          Save now
        </button>
      )}
    </div>
  );
}
