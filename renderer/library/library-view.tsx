/** The library: every review with its source, date and claim counts; new, open, rename, delete. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHARE_EXTENSION } from '../../shared/share-file/share-file-schema';
import { localisedVerdictLabel } from '../../shared/i18n/scale-words';
import { UNRATED, type ReviewSummary } from '../../shared/model/review';
import { ConfirmDialog } from '../app/modal-dialog';
import { UNRATED_COLOR } from '../editor/claim-styles';
import { formatDate } from '../i18n/interface-format';
import { interfaceLanguage } from '../i18n/interface-i18n';
import { NewReviewDialog, type ImportRequest, type NewReviewRequest } from './new-review-dialog';
import { RenameDialog } from './rename-dialog';
import { AllClaimsView } from '../all-claims/all-claims-view';
import { ArticleDetailsDialog } from '../review/article-details';
import { LibraryNotice } from './library-notice';
import { LibraryTabs } from './library-tabs';
import { arrangeReviews, libraryTags } from './review-order';
import { ReviewListControls, useReviewListChoice } from './review-list-controls';
import { TrashView } from './trash-view';
import { useLibraryHousekeeping } from './use-library-housekeeping';
import { LibrarySearchField } from '../search/library-search-field';

export interface LibraryViewProps {
  reviews: ReviewSummary[];
  onOpen: (id: string) => void;
  onCreate: (request: NewReviewRequest) => Promise<void>;
  onImport: (request: ImportRequest) => Promise<void>;
  onCancelImport: () => void;
  onRename: (review: ReviewSummary, title: string, sourceUrl: string) => Promise<void>;
  /** Moves the review to the Trash; true once it is there. */
  onDelete: (review: ReviewSummary) => Promise<boolean>;
  /** Reads the library list again (a review restored, its article details edited). */
  onLibraryChanged: () => Promise<void>;
  /** A share file was chosen: preview it, then add or merge. */
  onOpenShareFile: (file: File) => void;
  onPreferences: () => void;
}

/** A review's counts by verdict, named and coloured by the review's own scale (which a later edit of the library's does not change). */
function VerdictCounts({ summary }: { summary: ReviewSummary }) {
  const { t } = useTranslation();
  const entries = [
    ...summary.scale.verdicts.map((verdict) => ({ key: verdict.id, label: localisedVerdictLabel(summary.scale.id, verdict, interfaceLanguage()), color: verdict.color })),
    { key: UNRATED, label: t('verdict.none'), color: UNRATED_COLOR },
  ].filter((entry) => (summary.verdictCounts[entry.key] ?? 0) > 0);
  if (entries.length === 0) return <span className="muted">{t('library.noClaims')}</span>;
  return (
    <ul className="verdict-counts">
      {entries.map((entry) => (
        <li key={entry.key} className="verdict-badge" style={{ backgroundColor: entry.color }}>
          {t('library.verdictCount', { amount: summary.verdictCounts[entry.key], verdict: entry.label })}
        </li>
      ))}
    </ul>
  );
}

export function LibraryView({ reviews, onOpen, onCreate, onImport, onCancelImport, onRename, onDelete, onLibraryChanged, onOpenShareFile, onPreferences }: LibraryViewProps) {
  const { t, i18n } = useTranslation();
  const [creating, setCreating] = useState(false);
  const sharePicker = useRef<HTMLInputElement>(null);
  const [renaming, setRenaming] = useState<ReviewSummary | null>(null);
  const [deleting, setDeleting] = useState<ReviewSummary | null>(null);
  const [editingDetails, setEditingDetails] = useState<ReviewSummary | null>(null);
  const housekeeping = useLibraryHousekeeping(reviews, onLibraryChanged);
  const [listChoice, setListChoice] = useReviewListChoice();
  const shown = arrangeReviews(reviews, listChoice.order, listChoice, i18n.language);

  return (
    <main className="library" aria-labelledby="library-title">
      <header className="library-header">
        <h1 id="library-title">{t('library.title')}</h1>
        <LibrarySearchField />
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('library.newReview')}
        </button>
        <button type="button" onClick={() => sharePicker.current?.click()}>
          {t('library.openShareFile')}
        </button>
        <input
          ref={sharePicker}
          type="file"
          accept={SHARE_EXTENSION}
          hidden
          aria-label={t('library.shareFileInput')}
          data-testid="share-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onOpenShareFile(file);
          }}
        />
        <button type="button" className="header-end" onClick={onPreferences}>
          {t('library.preferences')}
        </button>
      </header>
      <LibraryTabs tab={housekeeping.tab} trashCount={housekeeping.trash?.length ?? null} onChange={housekeeping.setTab} />
      <LibraryNotice notice={housekeeping.notice} onDismiss={housekeeping.dismissNotice} dismissLabel={t('app.dismiss')} />
      {housekeeping.tab === 'claims' ? (
        <AllClaimsView changeKey={reviews} />
      ) : housekeeping.tab === 'trash' ? (
        <TrashView entries={housekeeping.trash} onChanged={housekeeping.reloadTrash} onRestored={housekeeping.restored} />
      ) : reviews.length === 0 ? (
        <div className="library-empty">
          <p>{t('library.empty')}</p>
        </div>
      ) : (
        <>
          <ReviewListControls choice={listChoice} tags={libraryTags(reviews, i18n.language)} onChange={setListChoice} />
          {shown.length === 0 && <p className="library-empty">{t('libraryList.noneMatch')}</p>}
        </>
      )}
      {housekeeping.tab === 'reviews' && shown.length > 0 && (
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">{t('library.columnTitle')}</th>
              <th scope="col">{t('library.columnAdded')}</th>
              <th scope="col">{t('library.columnClaims')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('library.columnActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((review) => (
              <tr key={review.id}>
                <td>
                  <button type="button" className="review-open" onClick={() => onOpen(review.id)} dir="auto">
                    {review.title}
                  </button>
                  {review.outlet && (
                    <div className="review-outlet" dir="auto">
                      {review.outlet}
                    </div>
                  )}
                  {review.sourceUrl && (
                    <div className="source-url" dir="ltr">
                      {review.sourceUrl}
                    </div>
                  )}
                </td>
                <td>{formatDate(review.createdAt, i18n.language)}</td>
                <td>
                  <VerdictCounts summary={review} />
                  {(review.unplacedCount > 0 || review.flaggedCount > 0) && (
                    <p className="attention-count">
                      {[review.unplacedCount > 0 ? t('library.notPlaced', { count: review.unplacedCount }) : '', review.flaggedCount > 0 ? t('library.toCheck', { count: review.flaggedCount }) : ''].filter(Boolean).join(' · ')}
                    </p>
                  )}
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => setEditingDetails(review)} aria-haspopup="dialog" aria-label={t('libraryList.detailsNamed', { title: review.title })}>
                    {t('libraryList.details')}
                  </button>
                  <button type="button" onClick={() => setRenaming(review)} aria-label={t('library.renameNamed', { title: review.title })}>
                    {t('library.rename')}
                  </button>
                  <button type="button" className="danger" onClick={() => setDeleting(review)} aria-label={t('library.deleteNamed', { title: review.title })}>
                    {t('library.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editingDetails && (
        <ArticleDetailsDialog
          reviewId={editingDetails.id}
          details={{ title: editingDetails.title, sourceUrl: editingDetails.sourceUrl, outlet: editingDetails.outlet, byline: editingDetails.byline, publishedAt: editingDetails.publishedAt, language: editingDetails.language }}
          onClose={() => setEditingDetails(null)}
          onSaved={() => void onLibraryChanged()}
        />
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
          title={t('library.deleteQuestion')}
          message={t('library.deleteMessage', { title: deleting.title, count: deleting.claimCount })}
          confirmLabel={t('library.deleteConfirm')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const target = deleting;
            setDeleting(null);
            void onDelete(target).then((deleted) => deleted && housekeeping.deleted(target));
          }}
        />
      )}
    </main>
  );
}
