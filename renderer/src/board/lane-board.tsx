/**
 * The board split into swimlanes, one per pal: the phase titles once above the lanes, then the
 * lanes. A board of many pals renders only the lanes in view (plus the one holding focus and the
 * one a card is dragged in), and each lane's cells render only the cards in view, so 5,000
 * engagements and two hundred pals stay a few dozen cards in the DOM.
 */
import { useDndMonitor } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import { PHASE_TITLES, PHASES } from '../../../shared/phases.js';
import { windowLabel } from '../format/labels.js';
import { selectLanes, type Lane } from '../store/lane-selectors.js';
import { selectWindows } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { useBoardKeys, useTabStopKeeper } from './board-keys.js';
import { cardData } from './drag-announcements.js';
import { useKeptRange } from './kept-range.js';
import { SwimLane, type Dropped } from './swim-lane.js';

/** More lanes than this and only those in view are rendered (a screen shows two or three). */
export const LANES_VIRTUALIZE_ABOVE = 8;
/** A lane of one row of cards, in px, until it is measured. */
const LANE_ESTIMATE = 260;
const LANE_GAP = 8;

/** The phase titles above the lanes (the lists inside each lane carry the same names for screen readers). */
function LaneColumnsHead() {
  const windows = useAppStore(selectWindows);
  return (
    <div className="lanes-head" aria-hidden="true">
      {PHASES.map((phase) => (
        <div key={phase} className="lanes-head-cell">
          <span className="column-title">{PHASE_TITLES[phase]}</span>
          <span className="column-window">{windowLabel(phase, windows)}</span>
        </div>
      ))}
    </div>
  );
}

/** Every lane in the DOM (a handful of pals). */
function PlainLanes({ lanes, dropped }: { readonly lanes: readonly Lane[]; readonly dropped: Dropped | null }) {
  return (
    <div className="lanes-list">
      {lanes.map((lane) => (
        <SwimLane key={lane.key} lane={lane} dropped={dropped} />
      ))}
    </div>
  );
}

/** Only the lanes in view; the lane holding focus and the one a card is dragged in stay rendered. */
function VirtualLanes(props: { readonly lanes: readonly Lane[]; readonly dropped: Dropped | null; readonly scroller: HTMLElement | null }) {
  const { lanes, dropped, scroller } = props;
  const list = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  const [focused, setFocused] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  useDndMonitor({
    onDragStart: ({ active }) => {
      setDragged(cardData(active).laneKey ?? null);
    },
    onDragEnd: () => {
      setDragged(null);
    },
    onDragCancel: () => {
      setDragged(null);
    },
  });
  // The lane of the card asked to take focus (an arrow key, the skip link) and of the tab stop stay rendered too.
  const focusLane = useAppStore((s) => (s.focusCard === null ? null : s.focusLane));
  const tabStopLane = useAppStore((s) => s.tabStop?.lane ?? null);
  const keptIndexes = useMemo(() => {
    const keys = new Set([focused, dragged, focusLane, tabStopLane].filter((k) => k !== null));
    return lanes.flatMap((l, i) => (keys.has(l.key) ? [i] : []));
  }, [lanes, focused, dragged, focusLane, tabStopLane]);
  const rangeExtractor = useKeptRange(keptIndexes);
  const getItemKey = useCallback((index: number) => lanes[index]?.key ?? index, [lanes]);
  // The app is not built with React Compiler; the virtualizer object and its measureElement are stable.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLElement, HTMLDivElement>({
    count: lanes.length,
    getScrollElement: () => scroller,
    estimateSize: () => LANE_ESTIMATE,
    gap: LANE_GAP,
    overscan: 1,
    scrollMargin: margin,
    getItemKey,
    rangeExtractor,
    // Until measured: a laptop's window below the toolbar.
    initialRect: { width: 1280, height: 480 },
    directDomUpdates: true,
    useFlushSync: false,
  });
  // A card asked to take focus in a lane out of view: that lane scrolls into view (its cell then scrolls to the card).
  useLayoutEffect(() => {
    if (focusLane === null) return;
    const index = lanes.findIndex((l) => l.key === focusLane);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [focusLane, lanes, virtualizer]);
  // The lanes start below the sticky phase titles: the virtualizer counts from there.
  useLayoutEffect(() => {
    setMargin(list.current?.offsetTop ?? 0);
  }, []);
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const key = (event.target as Element).closest('[data-lane]')?.getAttribute('data-lane');
    if (key) setFocused(key);
  };

  const { range } = virtualizer;
  const setList = useCallback(
    (node: HTMLDivElement | null) => {
      list.current = node;
      virtualizer.containerRef(node);
    },
    [virtualizer],
  );

  return (
    <div ref={setList} className="lanes-list lanes-list--virtual" onFocus={onFocus}>
      {virtualizer.getVirtualItems().map((item) => {
        const lane = lanes[item.index];
        if (!lane) return null;
        // A lane just outside the view shows each cell's first card only: enough for Tab to reach
        // it (focus then scrolls it into view, and it shows in full).
        const inView = range !== null && item.index >= range.startIndex && item.index <= range.endIndex;
        const preview = !inView && !keptIndexes.includes(item.index);
        return (
          <div key={lane.key} ref={virtualizer.measureElement} data-index={item.index} data-lane={lane.key} className="lane-slot">
            <SwimLane lane={lane} dropped={dropped} preview={preview} />
          </div>
        );
      })}
    </div>
  );
}

/** The lanes board (inside the board's DnD context). */
export function LaneBoard({ dropped }: { readonly dropped: Dropped | null }) {
  const lanes = useAppStore(selectLanes);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const keys = useBoardKeys();
  useTabStopKeeper();
  return (
    <div
      ref={setScroller}
      className="board board--lanes"
      id="board"
      tabIndex={-1}
      data-no-autoscroll=""
      onKeyDown={keys.onKeyDown}
      onFocus={keys.onFocus}
    >
      <LaneColumnsHead />
      {lanes.length > LANES_VIRTUALIZE_ABOVE ? (
        <VirtualLanes lanes={lanes} dropped={dropped} scroller={scroller} />
      ) : (
        <PlainLanes lanes={lanes} dropped={dropped} />
      )}
    </div>
  );
}
