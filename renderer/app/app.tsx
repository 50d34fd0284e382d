/** The app shell: library or an open review (kept in the address hash so a reload returns to it), notices and messages. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput, Notice } from '../../shared/api/contract';
import type { RatingScale } from '../../shared/model/rating-scale';
import type { Review, ReviewSummary } from '../../shared/model/review';
import { api, errorMessage } from '../api/client';
import { cancelImport, importFile } from '../library/import-file';
import { LibraryView } from '../library/library-view';
import type { ImportRequest } from '../library/new-review-dialog';
import { ReviewDesk } from '../review/review-desk';
import { OpenShareDialog } from '../share/open-share-dialog';
import { PreferencesDialog } from '../share/preferences-dialog';
import { SHARE_EXTENSION } from '../../shared/share-file/share-file-schema';
import { readReviewRoute } from './review-route';
import { SearchHost } from '../search/search-host';

/** How often the window looks for changes made elsewhere. */
const STATUS_INTERVAL_MS = 2_000;

/** What main.tsx learnt before the first paint: the app's state, or why storage did not answer. */
export type AppStart = { info: ChannelOutput<'app:info'> } | { problem: string };

function reviewIdFromHash(): string | null {
  return readReviewRoute(window.location.hash)?.reviewId ?? null;
}

export function App({ start }: { start: AppStart }) {
  const { t } = useTranslation();
  const [reviews, setReviews] = useState<ReviewSummary[] | null>(null);
  const [scales, setScales] = useState<RatingScale[]>([]);
  const [notices, setNotices] = useState<Notice[]>('info' in start ? start.info.notices : []);
  const [openReview, setOpenReview] = useState<Review | null>(null);
  const [routeId, setRouteId] = useState<string | null>(reviewIdFromHash());
  /** The claim the address asks the desk to select (a row of All claims, a search result). */
  const [routeClaimId, setRouteClaimId] = useState<string | null>(readReviewRoute(window.location.hash)?.claimId ?? null);
  const [message, setMessage] = useState('');
  const [fatal, setFatal] = useState<string | null>('problem' in start ? start.problem : null);
  const [importing, setImporting] = useState<{ fileName: string; importId: string } | null>(null);
  const [shareFile, setShareFile] = useState<File | null>(null);
  const [preferences, setPreferences] = useState(false);
  /** The revision storage holds of the open review, as last looked at. */
  const [storedRevision, setStoredRevision] = useState<number | null>(null);
  const dismissed = useRef(new Set<string>());
  const libraryStamp = useRef<string | null>(null);
  const openShareFile = useCallback((file: File) => {
    // Leave an open review first: it saves what is pending before the merge reads the library.
    if (window.location.hash !== '#/' && window.location.hash !== '') window.location.hash = '#/';
    setShareFile(file);
  }, []);
  const stopImport = useCallback(() => {
    if (importing) void cancelImport(importing.importId);
  }, [importing]);

  const showMessage = useCallback((text: string) => setMessage(text), []);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 6000);
    return () => clearTimeout(timer);
  }, [message]);

  const refreshLibrary = useCallback(async () => {
    try {
      setReviews(await api['review:list']({}));
    } catch (error) {
      setFatal(errorMessage(error));
    }
  }, []);

  useEffect(() => {
    if ('info' in start) document.documentElement.dataset.mode = start.info.mode;
    api['scale:list']({}).then(setScales, (error: unknown) => setFatal(errorMessage(error)));
    void refreshLibrary();
    const onHash = (): void => {
      setRouteId(reviewIdFromHash());
      setRouteClaimId(readReviewRoute(window.location.hash)?.claimId ?? null);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [refreshLibrary, start]);

  useEffect(() => {
    // Every few seconds: notices raised since (a file changed behind the app's back), and whether
    // the open review was changed in another window or by the command line.
    setStoredRevision(null);
    const look = (): void => {
      if (document.visibilityState === 'hidden') return;
      api['app:status'](routeId ? { reviewId: routeId } : {})
        .then((status) => {
          setStoredRevision(status.review?.revision ?? null);
          // The library list follows changes made elsewhere (another window, the command line).
          if (!routeId && libraryStamp.current !== null && libraryStamp.current !== status.libraryStamp) void refreshLibrary();
          libraryStamp.current = status.libraryStamp;
          setNotices((current) => {
            const known = new Set(current.map((notice) => notice.id));
            const fresh = status.notices.filter((notice) => !known.has(notice.id) && !dismissed.current.has(notice.id));
            return fresh.length > 0 ? [...current, ...fresh] : current;
          });
        })
        .catch(() => undefined); // storage not answering: a save says so with the reason
    };
    const timer = setInterval(look, STATUS_INTERVAL_MS);
    document.addEventListener('visibilitychange', look);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', look);
    };
  }, [routeId, refreshLibrary]);

  useEffect(() => {
    if (!routeId) {
      setOpenReview(null);
      void refreshLibrary();
      return;
    }
    let cancelled = false;
    api['review:get']({ id: routeId })
      .then((review) => !cancelled && setOpenReview(review))
      .catch((error: unknown) => {
        if (cancelled) return;
        showMessage(errorMessage(error));
        window.location.hash = '#/';
      });
    return () => {
      cancelled = true;
    };
  }, [routeId, refreshLibrary, showMessage]);

  const importAndOpen = useCallback(
    async (request: ImportRequest): Promise<void> => {
      // A share file chosen in the New review dialog is a colleague's review, not an article.
      if (request.file.name.toLowerCase().endsWith(SHARE_EXTENSION)) return openShareFile(request.file);
      const importId = crypto.randomUUID();
      setImporting({ fileName: request.file.name, importId });
      try {
        const { review, notes } = await importFile(request.file, request.encoding, importId, request.scaleId);
        if (request.title || request.sourceUrl) {
          await api['review:updateMeta']({ id: review.id, title: request.title || review.title, sourceUrl: request.sourceUrl || review.sourceUrl });
        }
        showMessage(notes.length > 0 ? t('app.importedWithNotes', { fileName: request.file.name, notes: notes.join(' ') }) : t('app.imported', { fileName: request.file.name }));
        window.location.hash = `#/review/${review.id}`;
      } finally {
        setImporting(null);
      }
    },
    [openShareFile, showMessage, t],
  );

  useEffect(() => {
    // A file dropped anywhere on the window becomes a new review; the editor never receives it.
    const onDragOver = (event: DragEvent): void => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent): void => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      importAndOpen({ file, title: '', sourceUrl: '', encoding: '' }).catch((error: unknown) => showMessage(errorMessage(error)));
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [importAndOpen, showMessage]);

  // A review keeps the scale it was made with (see Review.scale).
  const scaleOf = (review: Review): RatingScale | undefined => review.scale ?? scales.find((scale) => scale.id === review.scaleId) ?? scales[0];
  const openScale = openReview ? scaleOf(openReview) : undefined;

  return (
    <div className="app">
      <a className="skip-link" href="#main-content" onClick={(event) => { event.preventDefault(); document.querySelector<HTMLElement>('.article-editor, .library button')?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`} role="alert">
          <span>{notice.message}</span>
          <button
            type="button"
            onClick={() => {
              dismissed.current.add(notice.id);
              setNotices((current) => current.filter((other) => other.id !== notice.id));
              void api['app:dismissNotice']({ id: notice.id });
            }}
          >
            {t('app.dismiss')}
          </button>
        </div>
      ))}
      {fatal && (
        <div className="notice notice-error" role="alert">
          {fatal}
        </div>
      )}
      <div id="main-content" className="app-content">
        {routeId && openReview && openScale ? (
          <ReviewDesk key={openReview.id} review={openReview} scale={openScale} storedRevision={storedRevision} focusClaimId={routeClaimId} onBack={() => (window.location.hash = '#/')} onMessage={showMessage} />
        ) : routeId ? (
          <p className="loading" role="status">
            {t('app.openingReview')}
          </p>
        ) : reviews === null ? (
          <p className="loading" role="status">
            {t('app.loadingLibrary')}
          </p>
        ) : (
          <LibraryView
            reviews={reviews}
            onOpen={(id) => (window.location.hash = `#/review/${id}`)}
            onImport={importAndOpen}
            onCancelImport={stopImport}
            onOpenShareFile={openShareFile}
            onPreferences={() => setPreferences(true)}
            onCreate={async (request) => {
              const { review, notes } = await api['review:create'](request);
              if (notes.length > 0) showMessage(notes.join(' '));
              window.location.hash = `#/review/${review.id}`;
            }}
            onRename={async (review, title, sourceUrl) => {
              await api['review:updateMeta']({ id: review.id, title, sourceUrl });
              await refreshLibrary();
            }}
            onDelete={async (review) => {
              // Once it is in the Trash the library says so, with Undo.
              const deleted = await api['review:delete']({ id: review.id }).then(
                () => true,
                (error: unknown) => {
                  showMessage(errorMessage(error));
                  return false;
                },
              );
              await refreshLibrary();
              return deleted;
            }}
            onLibraryChanged={refreshLibrary}
          />
        )}
      </div>
      {shareFile && (
        <OpenShareDialog
          file={shareFile}
          onClose={() => setShareFile(null)}
          onOpened={(reviewId, text) => {
            setShareFile(null);
            showMessage(text);
            // The library is showing (see openShareFile), so this loads the merged review afresh.
            window.location.hash = `#/review/${reviewId}`;
          }}
        />
      )}
      {preferences && (
        <PreferencesDialog
          onClose={() => {
            setPreferences(false);
            // Scales are saved as they are edited there, even when the dialog is then cancelled.
            api['scale:list']({}).then(setScales, () => undefined);
          }}
          onDone={(text) => {
            setPreferences(false);
            api['scale:list']({}).then(setScales, () => undefined);
            showMessage(text);
          }}
        />
      )}
      <SearchHost />
      <div className="toast" role="status" aria-live="polite">
        {importing ? t('app.importing', { fileName: importing.fileName }) : message}
        {importing && (
          <button type="button" className="toast-action" onClick={stopImport}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </div>
  );
}
