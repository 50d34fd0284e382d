/**
 * The desk in a narrow window: below the breakpoints in app.css the claims list and the claim
 * panel are shown over the article by toolbar toggles, and the less used tools fold under "More tools".
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewStore } from './review-store';

/** A side panel that a narrow desk shows over the article; one at a time, so they never cover each other. */
export type SidePanel = 'claims' | 'details';

/** The desk's toggle state and the elements it moves the focus between. */
export interface DeskToggles {
  sidePanel: SidePanel | null;
  moreTools: boolean;
  /** Shows `panel` and moves the focus into it, or hides it when it is shown. */
  toggleSidePanel: (panel: SidePanel) => void;
  /** Hides `panel` if it is shown; a focus left inside it goes back to its toggle. */
  closeSidePanel: (panel: SidePanel) => void;
  /** Moves the focus to the claim panel, showing it first when it is a toggle (F6). */
  focusDetails: () => void;
  toggleMoreTools: () => void;
  bodyRef: RefObject<HTMLDivElement | null>;
  claimsToggleRef: RefObject<HTMLButtonElement | null>;
  detailsToggleRef: RefObject<HTMLButtonElement | null>;
  moreToolsToggleRef: RefObject<HTMLButtonElement | null>;
}

/** Whether `element` is rendered: the toggles exist only below the breakpoint, CSS decides. */
function isShown(element: HTMLElement | null): element is HTMLElement {
  return element !== null && element.checkVisibility();
}

function panelElement(body: HTMLElement | null, panel: SidePanel): HTMLElement | null {
  return body?.querySelector<HTMLElement>(panel === 'claims' ? '.claims-sidebar' : '.claim-panel') ?? null;
}

/** Where the focus goes when a panel is shown: the chosen claim in the list, else its first control; the claim panel itself. */
function focusInto(panel: HTMLElement, which: SidePanel): void {
  // The list's tab stop is the chosen claim when it is listed, else the row the keys last reached.
  const target = which === 'claims' ? (panel.querySelector<HTMLElement>('[role="option"][tabindex="0"], [aria-current="true"]') ?? panel.querySelector<HTMLElement>('button, select, input')) : panel;
  target?.focus();
}

/**
 * State for the desk's panel toggles and "More tools". `panelRef` is the claim panel, which F6
 * focuses. Escape hides what a toggle showed, unless a dialog has the key.
 */
export function useDeskToggles(panelRef: RefObject<HTMLElement | null>): DeskToggles {
  const [sidePanel, setSidePanel] = useState<SidePanel | null>(null);
  const [moreTools, setMoreTools] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const claimsToggleRef = useRef<HTMLButtonElement>(null);
  const detailsToggleRef = useRef<HTMLButtonElement>(null);
  const moreToolsToggleRef = useRef<HTMLButtonElement>(null);
  /** The panel to move the focus into once it is rendered. */
  const focusPending = useRef<SidePanel | null>(null);

  useEffect(() => {
    const pending = focusPending.current;
    focusPending.current = null;
    const panel = pending && pending === sidePanel ? panelElement(bodyRef.current, pending) : null;
    if (pending && panel) focusInto(panel, pending);
  }, [sidePanel]);

  const closeSidePanel = useCallback(
    (panel: SidePanel) => {
      if (sidePanel !== panel) return;
      const toggle = (panel === 'claims' ? claimsToggleRef : detailsToggleRef).current;
      // A hidden element drops the focus to the page; give it to the toggle instead.
      if (panelElement(bodyRef.current, panel)?.contains(document.activeElement) && isShown(toggle)) toggle.focus();
      setSidePanel(null);
    },
    [sidePanel],
  );

  const toggleSidePanel = useCallback(
    (panel: SidePanel) => {
      if (sidePanel === panel) closeSidePanel(panel);
      else {
        focusPending.current = panel;
        setSidePanel(panel);
      }
    },
    [closeSidePanel, sidePanel],
  );

  const focusDetails = useCallback(() => {
    if (sidePanel === 'details' || !isShown(detailsToggleRef.current)) panelRef.current?.focus();
    else toggleSidePanel('details');
  }, [panelRef, sidePanel, toggleSidePanel]);

  const toggleMoreTools = useCallback(() => setMoreTools((open) => !open), []);

  useEffect(() => {
    if (!sidePanel && !moreTools) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      // A modal dialog closes on its own Escape; the desk under it stays as it was.
      if (event.key !== 'Escape' || event.defaultPrevented || (event.target instanceof Element && event.target.closest('dialog'))) return;
      if (sidePanel) return closeSidePanel(sidePanel);
      if (document.activeElement?.closest('.desk-secondary')) moreToolsToggleRef.current?.focus();
      setMoreTools(false);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [closeSidePanel, moreTools, sidePanel]);

  return { sidePanel, moreTools, toggleSidePanel, closeSidePanel, focusDetails, toggleMoreTools, bodyRef, claimsToggleRef, detailsToggleRef, moreToolsToggleRef };
}

/** The claims the list shows, counted as it counts them: recounted when a claim changes, not on every key typed in the article. */
function useClaimCount(): number {
  const placements = useReviewStore((state) => state.placements);
  const claims = useReviewStore((state) => state.claims);
  const removed = useReviewStore((state) => state.removedClaimIds);
  return useMemo(() => placements.filter((placement) => claims[placement.claimId] && !removed.has(placement.claimId)).length, [placements, claims, removed]);
}

/** The toolbar buttons that show and hide the claims list and the claim panel (rendered only below the breakpoint). */
export function PanelToggles({ toggles }: { toggles: DeskToggles }) {
  const { t } = useTranslation();
  const claimCount = useClaimCount();
  return (
    <div className="toolbar-group panel-toggles" role="group" aria-label={t('desk.sidePanels')}>
      <button type="button" ref={toggles.claimsToggleRef} className="panel-toggle" aria-expanded={toggles.sidePanel === 'claims'} onClick={() => toggles.toggleSidePanel('claims')}>
        {t('desk.claims')} <span className="count">{claimCount}</span>
      </button>
      <button type="button" ref={toggles.detailsToggleRef} className="panel-toggle" aria-expanded={toggles.sidePanel === 'details'} aria-keyshortcuts="F6" onClick={() => toggles.toggleSidePanel('details')}>
        {t('desk.claimDetails')}
      </button>
    </div>
  );
}

/** The button that shows the tools folded away on a very narrow desk. */
export function MoreToolsToggle({ toggles }: { toggles: DeskToggles }) {
  const { t } = useTranslation();
  return (
    <button type="button" ref={toggles.moreToolsToggleRef} className="more-tools-toggle" aria-expanded={toggles.moreTools} onClick={toggles.toggleMoreTools}>
      {t('desk.moreTools')}
    </button>
  );
}
