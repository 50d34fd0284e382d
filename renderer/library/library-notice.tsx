/** A line at the top of the library saying what just happened, with the one action that follows (Undo, Open). */
export interface LibraryNoticeContent {
  text: string;
  action?: { label: string; run: () => void };
}

export function LibraryNotice({ notice, onDismiss, dismissLabel }: { notice: LibraryNoticeContent | null; onDismiss: () => void; dismissLabel: string }) {
  // The live region stays in the page so screen readers announce each new notice.
  return (
    <div role="status" aria-live="polite">
      {notice && (
        <div className="library-notice">
          <p dir="auto">{notice.text}</p>
          {notice.action && (
            <button type="button" className="primary" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          )}
          <button type="button" onClick={onDismiss}>
            {dismissLabel}
          </button>
        </div>
      )}
    </div>
  );
}
