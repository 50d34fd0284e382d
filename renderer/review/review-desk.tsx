/** The reviewer's desk for one review: toolbar, claims list, article editor and claim panel. */
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { RatingScale } from '../../shared/model/rating-scale';
import type { Review } from '../../shared/model/review';
import { ClaimPanel } from '../claims/claim-panel';
import { ClaimsSidebar } from '../claims/claims-sidebar';
import { evidenceCopySync } from '../claims/evidence-copy-sync';
import { ArticleEditor } from '../editor/article-editor';
import { readClaimPlacements } from '../editor/claim-placements';
import { ClaimStyles } from '../editor/claim-styles';
import { ClaimHoverCard } from './claim-hover-card';
import { ArticleDetailsLine } from './article-details';
import { PrintReport } from './print-report';
import { ExportDialog } from './export-dialog';
import { deleteClaim, markSelectionAsClaim, neighbourClaim, placeClaimOnSelection, revealClaim } from './review-commands';
import { ShareDialog } from '../share/share-dialog';
import { api, errorMessage } from '../api/client';
import { interfaceI18n } from '../i18n/interface-i18n';
import type { ClaimField } from '../../shared/model/claim-history';
import { ConfirmDialog } from '../app/modal-dialog';
import { RecoveryBanner } from './recovery-banner';
import { ReviewSync } from './review-sync';
import { UndoHistory } from './undo-history';
import { useTextEditing } from './use-text-editing';
import { CompareDialog } from './compare-dialog';
import { UpdateArticleDialog } from './update-article-dialog';
import { VersionsDialog } from './versions-dialog';
import type { ArticleDoc } from '../../shared/model/article-doc';
import { useReviewStore } from './review-store';
import { SaveFailureBanner, SaveStatus } from './save-status';
import { MoreToolsToggle, PanelToggles, useDeskToggles } from './panel-toggles';

/** How long typing must pause before the claims' places are read again (typing runs at 150–250 ms a key). */
const PLACEMENT_READ_DELAY_MS = 400;

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type));
}

function isInArticle(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.article-editor') !== null;
}

export interface ReviewDeskProps {
  review: Review;
  scale: RatingScale;
  /** The revision storage holds now (watched every few seconds); newer than the desk's means a change made elsewhere. */
  storedRevision: number | null;
  /** A claim to select and show once the article is ready (the address named it: All claims, search). */
  focusClaimId?: string | null;
  onBack: () => void;
  onMessage: (message: string) => void;
}

export function ReviewDesk({ review, scale, storedRevision, focusClaimId = null, onBack, onMessage }: ReviewDeskProps) {
  const { t } = useTranslation();
  const editorRef = useRef<Editor | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const syncRef = useRef<ReviewSync | null>(null);
  /** The reason saving failed when the reviewer asked to leave: they are asked first. */
  const [leaving, setLeaving] = useState<string | null>(null);
  const [overlapping, setOverlapping] = useState<string[]>([]);
  /** The toolbar dialog open over the desk, if any. */
  const [dialog, setDialog] = useState<'share' | 'export' | 'update' | null>(null);
  const [editorReady, setEditorReady] = useState(false);
  const placementTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** Set while a desktop window waits for the reviewer's word on closing with unsaved work. */
  const closeWindowAnyway = useRef<(() => void) | null>(null);
  // Only what the toolbar shows: the desk must not re-render on every keystroke in a long article.
  const meta = useReviewStore((state) => state.meta);
  const toggles = useDeskToggles(panelRef);
  const { closeSidePanel, focusDetails } = toggles;

  if (!syncRef.current) syncRef.current = new ReviewSync({ review, getEditor: () => editorRef.current, onMessage });
  const sync = syncRef.current;
  const evidenceCopies = useMemo(() => evidenceCopySync(sync), [sync]);
  const undoRef = useRef<UndoHistory | null>(null);
  const getEditor = useCallback(() => editorRef.current, []);
  const textEditing = useTextEditing(getEditor, onMessage);
  /** The article as it was when Compare with original was opened. */
  const [comparing, setComparing] = useState<ArticleDoc | null>(null);
  /** The article as it was when Versions was opened, to compare any version with. */
  const [versionsOf, setVersionsOf] = useState<ArticleDoc | null>(null);
  if (!undoRef.current) undoRef.current = new UndoHistory(getEditor, textEditing.onBlockedEdit);
  const undoHistory = undoRef.current;
  useEffect(() => () => undoHistory.dispose(), [undoHistory]);

  useEffect(() => {
    if (storedRevision !== null) void sync.onStoredRevision(storedRevision);
  }, [sync, storedRevision]);

  /** Leaves for the library once the work is on disk; asks first when it cannot be saved. */
  const leave = useCallback(async () => {
    textEditing.finishEditing();
    if (await sync.flush()) onBack();
    else {
      const state = useReviewStore.getState().saveState;
      setLeaving(state.kind === 'failed' ? state.message : t('desk.notSavedYet'));
    }
  }, [onBack, sync, textEditing, t]);

  // Load the store before the editor (a child) reports its claims; the desk is keyed by review.
  useState(() => useReviewStore.getState().open(review, scale));

  useEffect(
    () =>
      useReviewStore.subscribe((state, previous) => {
        if (state.changeCount !== previous.changeCount) sync.schedule();
      }),
    [sync],
  );

  useEffect(() => {
    // Keep what was typed when the window goes away: save at once, and in a desktop window hold the close until it is on disk.
    const onHide = (): void => {
      if (document.visibilityState === 'hidden') void sync.flush();
    };
    let closingAnyway = false;
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (closingAnyway || !sync.isDirty()) return;
      event.preventDefault();
      // The desktop window closes itself once the work is on disk, and asks when it cannot be
      // saved; a browser tab asks the user at once (and the save runs meanwhile).
      void sync.flush().then((saved) => {
        if (document.documentElement.dataset.mode !== 'electron') return;
        if (saved) window.close();
        else {
          const state = useReviewStore.getState().saveState;
          setLeaving(state.kind === 'failed' ? state.message : interfaceI18n.t('desk.notSavedYet'));
          closeWindowAnyway.current = () => {
            closingAnyway = true;
            window.close();
          };
        }
      });
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      void sync.flush().finally(() => sync.dispose());
    };
  }, [sync]);

  const markClaim = useCallback(() => {
    const editor = editorRef.current;
    if (!editor) return;
    if (!markSelectionAsClaim(editor)) onMessage(t('desk.selectToMark'));
    else setOverlapping([]);
  }, [onMessage, t]);

  const choose = useCallback((claimId: string, focusEditor = false) => {
    const editor = editorRef.current;
    if (editor) revealClaim(editor, claimId, { focusEditor });
  }, []);

  const chooseFromList = useCallback(
    (claimId: string) => {
      setOverlapping([]);
      // On a narrow desk the list covers the article: step aside to show the claim.
      closeSidePanel('claims');
      choose(claimId);
    },
    [choose, closeSidePanel],
  );

  const goToNeighbour = useCallback(
    (direction: 1 | -1) => {
      const editor = editorRef.current;
      if (!editor) return;
      const next = neighbourClaim(editor, direction);
      if (next) {
        setOverlapping([]);
        choose(next, true);
      } else onMessage(t('desk.noClaimsYet'));
    },
    [choose, onMessage, t],
  );

  const removeClaim = useCallback(
    (claimId: string) => {
      const editor = editorRef.current;
      if (!editor) return;
      deleteClaim(editor, claimId);
      setOverlapping([]);
      onMessage(t('desk.claimDeleted'));
    },
    [onMessage, t],
  );

  const closeDialog = (): void => setDialog(null);
  /** Goes to a claim the export dialog listed: in the article, or in Needs attention when its words are not there. */
  const showClaim = useCallback(
    (claimId: string, placed: boolean): void => {
      if (placed) return chooseFromList(claimId);
      useReviewStore.getState().selectClaim(claimId);
      focusDetails();
    },
    [chooseFromList, focusDetails],
  );
  const finishDialog = (message: string): void => {
    setDialog(null);
    onMessage(message);
  };

  const placeClaim = useCallback(
    (claimId: string) => {
      const editor = editorRef.current;
      if (!editor) return;
      if (placeClaimOnSelection(editor, claimId)) onMessage(t('desk.claimPlaced'));
      else onMessage(t('desk.selectToPlace'));
    },
    [onMessage, t],
  );

  const chooseVersion = useCallback(
    async (claimId: string, field: ClaimField, value: unknown) => {
      try {
        // The choice is stored by the service; what is pending goes first so nothing overtakes it.
        await sync.flush();
        const { claim } = await api['review:resolveConflict']({ id: review.id, claimId, set: { [field]: value } });
        const remaining = (useReviewStore.getState().conflicts[claimId] ?? []).filter((conflict) => conflict.field !== field);
        useReviewStore.getState().conflictSettled(claim, remaining);
        onMessage(t('desk.choiceSaved'));
      } catch (error) {
        onMessage(errorMessage(error));
      }
    },
    [onMessage, review.id, sync, t],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        // Saved or not, the reviewer sees an answer: the failure banner, or this.
        void sync.flush().then((saved) => saved && onMessage(t('desk.allSaved')));
      } else if (mod && !event.altKey && (event.key.toLowerCase() === 'z' || event.key.toLowerCase() === 'y') && !isTextField(event.target) && !isInArticle(event.target)) {
        // In a text field the field's own undo applies; in the article, the editor's keys do this.
        event.preventDefault();
        if (event.key.toLowerCase() === 'y' || event.shiftKey) undoHistory.redo();
        else undoHistory.undo();
      } else if (mod && event.altKey && event.code === 'KeyE') {
        event.preventDefault();
        if (textEditing.isEditingText()) textEditing.finishEditing();
        else textEditing.startEditing();
      } else if (event.key === 'F8') {
        event.preventDefault();
        goToNeighbour(event.shiftKey ? -1 : 1);
      } else if (event.key === 'F6') {
        event.preventDefault();
        focusDetails();
      } else if (event.altKey && !mod && /^Digit[1-9]$/.test(event.code)) {
        const { selectedClaimId: current, scale: currentScale, updateClaim } = useReviewStore.getState();
        const verdict = currentScale?.verdicts[Number(event.code.slice(5)) - 1];
        if (current && verdict) {
          event.preventDefault();
          updateClaim(current, { verdictId: verdict.id });
          onMessage(t('desk.verdictSet', { verdict: verdict.label }));
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [goToNeighbour, onMessage, sync, undoHistory, textEditing, focusDetails, t]);

  const onDocumentChange = useCallback((editor: Editor) => {
    useReviewStore.getState().documentChanged();
    // Reading placements walks the whole document (~10 ms on a long transcript): done once typing
    // pauses, not between keys at a typing rhythm; commands that need positions read them afresh.
    clearTimeout(placementTimer.current);
    placementTimer.current = setTimeout(() => useReviewStore.getState().setPlacements(readClaimPlacements(editor.state.doc)), PLACEMENT_READ_DELAY_MS);
  }, []);

  const onReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
    syncRef.current?.editorLoaded(editor.state.doc);
    useReviewStore.getState().setPlacements(readClaimPlacements(editor.state.doc));
    setEditorReady(true);
  }, []);

  useEffect(() => {
    if (!editorReady || !focusClaimId || !useReviewStore.getState().claims[focusClaimId]) return;
    // Words no longer in the article: the claim is shown in the details panel instead.
    showClaim(focusClaimId, useReviewStore.getState().placements.some((placement) => placement.claimId === focusClaimId));
  }, [editorReady, focusClaimId, showClaim]);

  return (
    <div className="review-desk">
      <ClaimStyles />
      <PrintReport reviewId={review.id} sync={sync} />
      <header className="desk-toolbar" data-more-tools={toggles.moreTools ? 'shown' : undefined}>
        <button type="button" className="desk-back" onClick={() => void leave()} aria-label={t('desk.back')}>
          <span className="direction-icon" aria-hidden="true">
            ←
          </span>{' '}
          <span className="desk-back-label">{t('desk.backLabel')}</span>
        </button>
        <div className="desk-title">
          <h1 dir="auto">{meta?.title ?? review.title}</h1>
          <ArticleDetailsLine reviewId={review.id} />
        </div>
        {/* Right after the title, so it keeps its corner of the toolbar at any width. */}
        <SaveStatus onSaveNow={() => void sync.flush()} />
        <div className="desk-tools">
          <PanelToggles toggles={toggles} />
          <div className="toolbar-group" role="toolbar" aria-label={t('desk.claimTools')}>
            <button type="button" className="primary" onMouseDown={(event) => event.preventDefault()} onClick={markClaim} aria-keyshortcuts="Control+Alt+M">
              {t('desk.markClaim')} <kbd dir="ltr">Ctrl+Alt+M</kbd>
            </button>
            <MoreToolsToggle toggles={toggles} />
            <button type="button" className="desk-secondary" onMouseDown={(event) => event.preventDefault()} onClick={() => goToNeighbour(-1)} aria-keyshortcuts="Shift+F8">
              ↑ {t('desk.previous')}
            </button>
            <button type="button" className="desk-secondary" onMouseDown={(event) => event.preventDefault()} onClick={() => goToNeighbour(1)} aria-keyshortcuts="F8">
              ↓ {t('desk.next')}
            </button>
            <button type="button" className="desk-secondary" onMouseDown={(event) => event.preventDefault()} onClick={() => undoHistory.undo() || onMessage(t('desk.nothingToUndo'))} aria-keyshortcuts="Control+Z">
              {t('desk.undo')}
            </button>
            <button type="button" className="desk-secondary" onMouseDown={(event) => event.preventDefault()} onClick={() => undoHistory.redo() || onMessage(t('desk.nothingToRedo'))} aria-keyshortcuts="Control+Shift+Z">
              {t('desk.redo')}
            </button>
          </div>
          <div className="toolbar-group desk-secondary" role="group" aria-label={t('desk.articleText')}>
            <button
              type="button"
              aria-pressed={textEditing.editingText}
              aria-keyshortcuts="Control+Alt+E"
              onClick={() => (textEditing.editingText ? textEditing.finishEditing() : textEditing.startEditing())}
            >
              {textEditing.editingText ? t('desk.doneEditing') : t('desk.editText')}
            </button>
            <button type="button" onClick={() => setComparing((editorRef.current?.getJSON() as ArticleDoc | undefined) ?? null)}>
              {t('compare.title')}
            </button>
            <button
              type="button"
              onClick={() => {
                textEditing.finishEditing();
                setDialog('update');
              }}
            >
              {t('update.open')}
            </button>
            <button type="button" onClick={() => setVersionsOf((editorRef.current?.getJSON() as ArticleDoc | undefined) ?? null)}>
              {t('versions.open')}
            </button>
          </div>
          <button type="button" className="desk-secondary" onClick={() => void sync.flush().then(() => setDialog('share'))}>
            {t('desk.share')}
          </button>
          <button type="button" className="desk-secondary" onClick={() => void sync.flush().then(() => setDialog('export'))}>
            {t('desk.export')}
          </button>
        </div>
      </header>
      <SaveFailureBanner onSaveNow={() => void sync.flush()} />
      {textEditing.editingText && (
        <div className="edit-banner" role="status">
          <Trans i18nKey="desk.editingBanner" components={{ strong: <strong /> }} />
          <button type="button" className="primary" onClick={textEditing.finishEditing}>
            {t('desk.doneEditing')}
          </button>
        </div>
      )}
      <RecoveryBanner sync={sync} onMessage={onMessage} />
      <div className="desk-body" ref={toggles.bodyRef} data-side-panel={toggles.sidePanel ?? undefined}>
        <ClaimsSidebar onChoose={chooseFromList} />
        <main className="article-pane" aria-label={t('desk.article')}>
          <ArticleEditor
            doc={review.doc}
            onReady={onReady}
            onDocumentChange={onDocumentChange}
            onMarkRequest={markClaim}
            onTransaction={(editor, transaction) => undoHistory.onTransaction(editor, transaction)}
            undo={() => undoHistory.undo()}
            redo={() => undoHistory.redo()}
            isEditingText={textEditing.isEditingText}
            onBlockedEdit={textEditing.onBlockedEdit}
            onClaimClick={(ids) => {
              setOverlapping(ids);
              if (ids[0]) useReviewStore.getState().selectClaim(ids[0]);
            }}
          />
          <ClaimHoverCard />
        </main>
        <ClaimPanel
          ref={panelRef}
          onDelete={removeClaim}
          onPlace={placeClaim}
          onLoadHistory={(claimId) => sync.flush().then(() => api['review:claimHistory']({ id: review.id, claimId }))}
          evidenceCopies={evidenceCopies}
          onStoredChange={() => void api['app:status']({ reviewId: review.id }).then((status) => status.review && sync.onStoredRevision(status.review.revision), () => undefined)}
          onChooseVersion={(claimId, field, value) => void chooseVersion(claimId, field, value)}
          onChooseClaim={(id) => choose(id)}
          overlapping={overlapping}
        />
      </div>
      {comparing && <CompareDialog reviewId={review.id} currentDoc={comparing} onClose={() => setComparing(null)} />}
      {versionsOf && <VersionsDialog reviewId={review.id} currentDoc={versionsOf} onClose={() => setVersionsOf(null)} />}
      {dialog === 'update' && <UpdateArticleDialog reviewId={review.id} sync={sync} onClose={closeDialog} onDone={finishDialog} />}
      {leaving !== null && (
        <ConfirmDialog
          title={closeWindowAnyway.current ? t('desk.closeTitle') : t('desk.leaveTitle')}
          message={t('desk.leaveMessage', { reason: leaving })}
          confirmLabel={closeWindowAnyway.current ? t('desk.closeAnyway') : t('desk.leaveAnyway')}
          cancelLabel={t('desk.stay')}
          onCancel={() => {
            setLeaving(null);
            closeWindowAnyway.current = null;
          }}
          onConfirm={() => {
            setLeaving(null);
            if (closeWindowAnyway.current) closeWindowAnyway.current();
            else onBack();
          }}
        />
      )}
      {(dialog === 'share' || dialog === 'export') && meta && (dialog === 'share' ? <ShareDialog reviewId={meta.id} onClose={closeDialog} onDone={finishDialog} /> : <ExportDialog reviewId={meta.id} onClose={closeDialog} onDone={finishDialog} onShowClaim={showClaim} />)}
    </div>
  );
}
