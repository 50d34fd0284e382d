/**
 * The desk's claims as one keyboard widget: a listbox that draws only the rows in view (a review
 * can hold thousands of claims, and every drawn row costs each keystroke in the article), with
 * one row in the tab order and the arrow, Home/End and Page keys moving between rows.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { measureElement, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import type { Claim } from '../../shared/model/claim';
import type { RatingScale } from '../../shared/model/rating-scale';
import { rowAPageAway, rowForKey } from './claim-list-keys';
import { ClaimListRow } from './claim-list-row';

/** A claim as the list shows it: the record and the words it is placed on. */
export interface ClaimListEntry {
  claim: Claim;
  quote: string;
}

/** A guess for rows not drawn yet (one to three lines of quote and the meta line); drawn rows are measured. */
const ESTIMATED_ROW_HEIGHT = 72;
/** Pixels between rows; rows are placed absolutely, so the gap is the virtualiser's, not CSS's. */
const ROW_GAP = 6;
/** Rows drawn beyond each edge of the view, so a quick scroll or an arrow key rarely meets a blank. */
const OVERSCAN = 5;
/** Room left between a row scrolled to and the sidebar's edge: the focus ring (3 px, 2 px out) must show whole. */
const SCROLL_PADDING = 8;

const estimateSize = (): number => ESTIMATED_ROW_HEIGHT;

/**
 * A drawn row's height. A row never is 0 px tall, except while the sidebar is hidden (the closed
 * panel of a narrow desk): it then keeps the height it had, or the rows would collapse and the
 * virtualiser would fight the scroll that shows the focused row when the panel opens.
 */
function measureRow(element: HTMLDivElement, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLElement, HTMLDivElement>): number {
  const size = measureElement(element, entry, instance);
  if (size > 0) return size;
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? estimateSize();
}

/**
 * How far the list starts below the top of the sidebar that scrolls it (the heading and filters
 * come first). It changes only when something above the list, or the sidebar, changes size.
 */
function useOffsetWithin(listRef: RefObject<HTMLElement | null>, scrollElementRef: RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    const scroller = scrollElementRef.current;
    if (!list || !scroller) return undefined;
    const measure = (): void => {
      const next = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - scroller.clientTop;
      setOffset((current) => (Math.abs(current - next) < 0.5 ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    for (let above = list.previousElementSibling; above; above = above.previousElementSibling) observer.observe(above);
    return () => observer.disconnect();
  }, [listRef, scrollElementRef]);
  return offset;
}

export interface ClaimListProps {
  /** The claims after the filters, in document order. */
  entries: ClaimListEntry[];
  /** The element that scrolls the list (the sidebar, which also holds the heading and filters). */
  scrollElementRef: RefObject<HTMLElement | null>;
  scale: RatingScale | null;
  selectedClaimId: string | null;
  /** The list's accessible name. */
  label: string;
  onChoose: (claimId: string) => void;
  t: TFunction;
}

/**
 * The claims in a listbox, virtualised. Choosing (click, Enter, Space) calls `onChoose`; the
 * selected claim, however it was selected, is scrolled into view when it changes.
 */
export function ClaimList({ entries, scrollElementRef, scale, selectedClaimId, label, onChoose, t }: ClaimListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  /** The row holding the tab stop: the selected claim, or the last row the keys moved to. */
  const [activeId, setActiveId] = useState<string | null>(selectedClaimId);
  const scrollMargin = useOffsetWithin(listRef, scrollElementRef);

  const indexById = useMemo(() => new Map(entries.map((entry, index) => [entry.claim.id, index])), [entries]);
  const activeIndex = (activeId !== null ? indexById.get(activeId) : undefined) ?? (selectedClaimId !== null ? indexById.get(selectedClaimId) : undefined) ?? 0;

  const getItemKey = useCallback((index: number) => entries[index]?.claim.id ?? index, [entries]);

  const virtualizer = useVirtualizer<HTMLElement, HTMLDivElement>({
    count: entries.length,
    getScrollElement: () => scrollElementRef.current,
    estimateSize,
    measureElement: measureRow,
    getItemKey,
    overscan: OVERSCAN,
    gap: ROW_GAP,
    scrollPaddingStart: SCROLL_PADDING,
    scrollPaddingEnd: SCROLL_PADDING,
    scrollMargin,
  });
  // The tab stop is always drawn, even scrolled far away or while the sidebar is hidden (a narrow
  // desk): Tab and the panel toggle must find it, and the focus must not fall to the page when its
  // row scrolls out of view.
  const inView = virtualizer.getVirtualItems();
  const tabStopItem = virtualizer.measurementsCache[activeIndex];
  const drawn = !tabStopItem || inView.some((item) => item.index === activeIndex) ? inView : [...inView, tabStopItem].sort((first, second) => first.index - second.index);

  /** A row to focus once it is drawn (after the keys moved the tab stop to it). */
  const focusPending = useRef<number | null>(null);
  useLayoutEffect(() => {
    const index = focusPending.current;
    if (index === null) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!row) return;
    focusPending.current = null;
    // The virtualiser scrolls to the row; letting the browser scroll as well would fight it.
    row.focus({ preventScroll: true });
  });

  // A claim selected anywhere (the article, F8, the details panel) becomes the tab stop and is shown.
  // Read through a ref: the rows move while the article is typed in, and that must not scroll the list.
  const indexByIdRef = useRef(indexById);
  useLayoutEffect(() => {
    indexByIdRef.current = indexById;
  }, [indexById]);
  useEffect(() => {
    if (selectedClaimId === null) return;
    setActiveId(selectedClaimId);
    const index = indexByIdRef.current.get(selectedClaimId);
    if (index !== undefined) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedClaimId, virtualizer]);

  const choose = useCallback(
    (claimId: string) => {
      setActiveId(claimId);
      onChoose(claimId);
    },
    [onChoose],
  );

  const moveFocusTo = (index: number): void => {
    const entry = entries[index];
    if (!entry) return;
    setActiveId(entry.claim.id);
    focusPending.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // Already drawn (the tab stop did not move, or the row was in view): focus it now.
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      focusPending.current = null;
      row.focus({ preventScroll: true });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const row = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[role="option"]') : null;
    const from = row ? Number(row.dataset.index) : activeIndex;
    if (event.key === 'Enter' || event.key === ' ') {
      const entry = entries[from];
      if (!entry) return;
      event.preventDefault();
      choose(entry.claim.id);
      return;
    }
    // A page is what the sidebar shows, less the room kept at each edge when a row is scrolled to.
    const viewport = (scrollElementRef.current?.clientHeight ?? 0) - 2 * SCROLL_PADDING;
    const heightOf = (index: number): number => virtualizer.measurementsCache[index]?.size ?? ESTIMATED_ROW_HEIGHT;
    const target = rowForKey(event.key, from, entries.length, (direction) => rowAPageAway(from, direction, entries.length, heightOf, viewport, ROW_GAP));
    if (target === null) return;
    event.preventDefault();
    moveFocusTo(target);
  };

  return (
    <div ref={listRef} role="listbox" aria-label={label} className="claim-listbox" data-claim-count={entries.length} style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
      {drawn.map((item) => {
        const entry = entries[item.index];
        if (!entry) return null;
        return (
          <ClaimListRow
            key={item.key}
            claim={entry.claim}
            quote={entry.quote}
            scale={scale}
            index={item.index}
            setSize={entries.length}
            offset={item.start - scrollMargin}
            selected={entry.claim.id === selectedClaimId}
            tabStop={item.index === activeIndex}
            measure={virtualizer.measureElement}
            onChoose={choose}
            t={t}
          />
        );
      })}
    </div>
  );
}
