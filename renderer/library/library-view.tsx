/** The library: every review with its source, date and claim counts; new, open, rename, delete. */
import { useRef, useState } from 'react';
import { SHARE_EXTENSION } from '../../shared/share-file/share-file-schema';
import type { RatingScale } from '../../shared/model/rating-scale';
import { UNRATED, type ReviewSummary } from '../../shared/model/review';
import { ConfirmDialog } from '../app/modal-dialog';
import { UNRATED_COLOR } from '../editor/claim-styles';
import { NewReviewDialog, type ImportRequest, type NewReviewRequest } from './new-review-dialog';
import { RenameDialog } from './rename-dialog';

export interface LibraryViewProps {
  reviews: ReviewSummary[];
  scale: RatingScale | null;
  onOpen: (id: string) => void;
  onCreate: (request: NewReviewRequest) => Promise<void>;
  onImport: (request: ImportRequest) => Promise<void>;
  onCancelImport: () => void;
  onRename: (review: ReviewSummary, title: string, sourceUrl: string) => Promise<void>;
  onDelete: (review: ReviewSummary) => Promise<void>;
  /** A share file was chosen: preview it, then add or merge. */
  onOpenShareFile: (file: File) => void;
  onPreferences: () => void;
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function VerdictCounts({ summary, scale }: { summary: ReviewSummary; scale: RatingScale | null }) {
  const entries = [
    ...(scale?.verdicts ?? []).map((verdict) => ({ key: verdict.id, label: verdict.label, color: verdict.color })),
    { key: UNRATED, label: 'No verdict', color: UNRATED_COLOR },
  ].filter((entry) => (summary.verdictCounts[entry.key] ?? 0) > 0);
  if (entries.length === 0) return <span className="muted">No claims yet</span>;
  return (
    <ul className="verdict-counts">
      {entries.map((entry) => (
        <li key={entry.key} className="verdict-badge" style={{ backgroundColor: entry.color }}>
          {summary.verdictCounts[entry.key]} {entry.label}
        </li>
      ))}
    </ul>
  );
}

export function LibraryView({ reviews, scale, onOpen, onCreate, onImport, onCancelImport, onRename, onDelete, onOpenShareFile, onPreferences }: LibraryViewProps) {
  const [creating, setCreating] = useState(false);
  const sharePicker = useRef<HTMLInputElement>(null);
  const [renaming, setRenaming] = useState<ReviewSummary | null>(null);
  const [deleting, setDeleting] = useState<ReviewSummary | null>(null);

  return (
    <main className="library" aria-labelledby="library-title">
      <header className="library-header">
        <h1 id="library-title">Reviews</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New review
        </button>
        <button type="button" onClick={() => sharePicker.current?.click()}>
          Open share file…
        </button>
        <input
          ref={sharePicker}
          type="file"
          accept={SHARE_EXTENSION}
          hidden
          aria-label="Share file to open"
          data-testid="share-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onOpenShareFile(file);
          }}
        />
        <button type="button" className="header-end" onClick={onPreferences}>
          Preferences
        </button>
      </header>
      {reviews.length === 0 ? (
        <div className="library-empty">
          <p>No reviews yet. Start one with “New review”, or drop a Word, PDF, web page or text file anywhere on this window. A colleague’s share file (.factmark) opens with “Open share file…” or by dropping it here too.</p>
        </div>
      ) : (
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Added</th>
              <th scope="col">Claims</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((review) => (
              <tr key={review.id}>
                <td>
                  <button type="button" className="review-open" onClick={() => onOpen(review.id)} dir="auto">
                    {review.title}
                  </button>
                  {review.sourceUrl && (
                    <div className="source-url" dir="ltr">
                      {review.sourceUrl}
                    </div>
                  )}
                </td>
                <td>{formatDate(review.createdAt)}</td>
                <td>
                  <VerdictCounts summary={review} scale={scale} />
                  {(review.unplacedCount > 0 || review.flaggedCount > 0) && (
                    <p className="attention-count">
                      {[review.unplacedCount > 0 ? `${review.unplacedCount} not placed` : '', review.flaggedCount > 0 ? `${review.flaggedCount} to check` : ''].filter(Boolean).join(' · ')}
                    </p>
                  )}
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => setRenaming(review)} aria-label={`Rename ${review.title}`}>
                    Rename
                  </button>
                  <button type="button" className="danger" onClick={() => setDeleting(review)} aria-label={`Delete ${review.title}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && <NewReviewDialog onClose={() => setCreating(false)} onCreate={onCreate} onImport={onImport} onCancelImport={onCancelImport} />}
      {renaming && (
        <RenameDialog
          review={renaming}
          onClose={() => setRenaming(null)}
          onSave={async (title, sourceUrl) => {
            await onRename(renaming, title, sourceUrl);
            setRenaming(null);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this review?"
          message={`“${deleting.title}” and its ${deleting.claimCount} claims will be removed from the library. (A copy is kept in the data folder’s trash.)`}
          confirmLabel="Delete review"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const target = deleting;
            setDeleting(null);
            void onDelete(target);
          }}
        />
      )}
    </main>
  );
}
