/**
 * A long column's cards, virtualized: only the cards in view (plus a few either side, plus the
 * kept ones: focused, dragged, just dropped) are in the DOM. Cards are measured by a
 * ResizeObserver when they mount and when their own size changes, never on a drag move.
 */
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { CardView } from '../../../shared/view.js';
import { DraggableCard, type LaneRef, type VirtualSlot } from './draggable-card.js';
import type { FocusEvents } from './keep-focus.js';
import { useKeptCards, type Reveal } from './kept-cards.js';
import { useKeptRange } from './kept-range.js';

/** A typical card's height in px (tags and a wrapped pal line make some taller); measured after mount. */
const ESTIMATE = 156;
/** Cards rendered beyond each edge of the view, so Tab and arrow scrolling find a card ready. */
const OVERSCAN = 2;
/** The space between cards and around the list, in px (as the plain list's CSS). */
const GAP = 8;
const PADDING_START = 4;
const PADDING_END = 8;
/** Until the column is measured: a column of a 900 px tall window. */
const INITIAL_RECT = { width: 228, height: 640 };

/**
 * A card's height from its ResizeObserver entry, which arrives once per frame for every card that
 * mounted or changed, after the browser's own layout. Called from a card's ref as it mounts (no
 * entry), it keeps the size already known: reading offsetHeight there would force a layout per
 * card, each one undone by the positions the previous measurement moved.
 */
function measureCard(element: HTMLLIElement, entry: ResizeObserverEntry | undefined, v: Virtualizer<HTMLDivElement, HTMLLIElement>) {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  if (typeof ResizeObserver === 'undefined') return element.offsetHeight; // no observer will report it
  const index = v.indexFromElement(element);
  return v.itemSizeCache.get(v.options.getItemKey(index)) ?? v.options.estimateSize(index);
}

/**
 * The column's visible height, from a ResizeObserver only: the library's default also reads
 * clientHeight as the list mounts, which forces a layout of the whole page in the commit that
 * first shows the board (six times, one per column). Until the first report, INITIAL_RECT holds.
 */
function observeColumnRect(v: Virtualizer<HTMLDivElement, HTMLLIElement>, report: (rect: { width: number; height: number }) => void) {
  const element = v.scrollElement;
  if (!element) return undefined;
  if (typeof ResizeObserver === 'undefined') {
    report({ width: element.clientWidth, height: element.clientHeight });
    return undefined;
  }
  const observer = new ResizeObserver(([entry]) => {
    const box = entry?.contentBoxSize[0];
    if (box) report({ width: Math.round(box.inlineSize), height: Math.round(box.blockSize) });
  });
  observer.observe(element);
  return () => {
    observer.disconnect();
  };
}

/** The list of a column holding many cards; same names and roles as the plain list. */
export function VirtualCardList(props: {
  readonly cards: readonly CardView[];
  readonly titleId?: string | undefined;
  readonly label?: string | undefined;
  readonly reveal: Reveal | null;
  readonly lane?: LaneRef | undefined;
  /** Where the focused card is remembered across a switch to or from the plain list. */
  readonly focusEvents?: FocusEvents | undefined;
  /** Cards rendered beyond each edge of the view (default OVERSCAN; a lane's short cells keep one). */
  readonly overscan?: number | undefined;
  /** The list's height until it is measured (default a 900 px window's column; a lane's cell is shorter). */
  readonly initialHeight?: number | undefined;
}) {
  const { cards, titleId, label, reveal, lane, focusEvents } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const kept = useKeptCards(cards, reveal, lane?.key);
  const keptIndexes = kept.indexes;
  const rangeExtractor = useKeptRange(keptIndexes);
  const getItemKey = useCallback((index: number) => cards[index]?.id ?? index, [cards]);
  // The app is not built with React Compiler; the virtualizer object and its measureElement are stable.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLLIElement>({
    count: cards.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATE,
    measureElement: measureCard,
    observeElementRect: observeColumnRect,
    getItemKey,
    overscan: props.overscan ?? OVERSCAN,
    gap: GAP,
    paddingStart: PADDING_START,
    paddingEnd: PADDING_END,
    rangeExtractor,
    initialRect: props.initialHeight === undefined ? INITIAL_RECT : { ...INITIAL_RECT, height: props.initialHeight },
    // Scrolling moves items by writing their transform, re-rendering only when the range changes,
    // and that re-render goes through React's scheduler: no flushSync inside a scroll event or
    // inside the commit that measures a newly mounted card (React refuses it there).
    directDomUpdates: true,
    useFlushSync: false,
  });
  const slot = useMemo<VirtualSlot>(() => ({ size: cards.length, measure: virtualizer.measureElement }), [cards.length, virtualizer]);

  const scrolledFor = useRef<string | null>(null);
  const { scrollTo } = kept;
  useLayoutEffect(() => {
    if (!scrollTo) {
      scrolledFor.current = null;
      return;
    }
    if (scrolledFor.current === scrollTo.key) return;
    scrolledFor.current = scrollTo.key;
    virtualizer.scrollToIndex(scrollTo.index, { align: 'auto' });
  }, [scrollTo, virtualizer]);

  return (
    <div
      ref={scroller}
      className="column-scroll"
      data-column-scroll=""
      onFocus={(event) => {
        kept.onFocus(event);
        focusEvents?.onFocus(event);
      }}
      onBlur={focusEvents?.onBlur}
    >
      <ul
        ref={virtualizer.containerRef}
        role="list"
        aria-labelledby={titleId}
        aria-label={label}
        className="column-cards column-cards--virtual"
      >
        {virtualizer.getVirtualItems().map((item) => {
          const e = cards[item.index];
          return e ? <DraggableCard key={e.id} engagement={e} index={item.index} slot={slot} lane={lane} /> : null;
        })}
      </ul>
    </div>
  );
}
