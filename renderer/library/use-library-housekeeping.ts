/**
 * The library's housekeeping state: which view shows (remembered for the session), the Trash as
 * last read, and the notice after a delete (with Undo) or a restore (with Open).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewSummary } from '../../shared/model/review';
import type { TrashEntry } from '../../shared/model/trash-entry';
import { api, errorMessage } from '../api/client';
import { openReviewAt } from '../app/review-route';
import { useSessionState } from '../app/session-state';
import type { LibraryNoticeContent } from './library-notice';
import { LibraryTab } from './library-tabs';
import type { RestoredReview } from './trash-view';

export interface LibraryHousekeeping {
  tab: LibraryTab;
  setTab: (tab: LibraryTab) => void;
  trash: TrashEntry[] | null;
  reloadTrash: () => Promise<void>;
  notice: LibraryNoticeContent | null;
  dismissNotice: () => void;
  /** Says the review went to the Trash, offering to take it back. */
  deleted: (review: ReviewSummary) => void;
  /** Says the review is back (or back as a copy), offering to open it, and shows the list. */
  restored: (restored: RestoredReview) => void;
}

/** `reviews` is the list as last read: each change of it reads the Trash again (a delete adds to it). */
export function useLibraryHousekeeping(reviews: readonly ReviewSummary[], onLibraryChanged: () => Promise<void>): LibraryHousekeeping {
  const { t } = useTranslation();
  const [tab, setTab] = useSessionState('library.tab', LibraryTab, 'reviews');
  const [trash, setTrash] = useState<TrashEntry[] | null>(null);
  const [notice, setNotice] = useState<LibraryNoticeContent | null>(null);

  const reloadTrash = useCallback(async () => {
    try {
      setTrash(await api['trash:list']({}));
    } catch (error) {
      setNotice({ text: errorMessage(error) });
    }
  }, []);
  useEffect(() => void reloadTrash(), [reloadTrash, reviews]);

  const restored = useCallback(
    (review: RestoredReview) => {
      setTab('reviews');
      setNotice({
        text: review.restoredAsCopy ? t('trash.restoredAsCopy', { title: review.title }) : t('trash.restored', { title: review.title }),
        action: { label: t('trash.openRestored'), run: () => openReviewAt(review.id) },
      });
      void onLibraryChanged();
    },
    [onLibraryChanged, setTab, t],
  );

  const deleted = useCallback(
    (review: ReviewSummary) => {
      const undo = async (): Promise<void> => {
        try {
          // The newest trash file of this review is the one this delete made.
          const entry = (await api['trash:list']({})).find((candidate) => candidate.reviewId === review.id);
          if (!entry) throw new Error(t('trash.undoGone', { title: review.title }));
          restored(await api['trash:restore']({ trashId: entry.trashId }));
        } catch (error) {
          setNotice({ text: errorMessage(error) });
        }
      };
      setNotice({ text: t('trash.movedToTrash', { title: review.title }), action: { label: t('trash.undo'), run: () => void undo() } });
    },
    [restored, t],
  );

  return { tab, setTab, trash, reloadTrash, notice, dismissNotice: () => setNotice(null), deleted, restored };
}
