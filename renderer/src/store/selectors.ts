/**
 * Narrow, pure selectors over the store. Components read through these (arrays and objects
 * through `useShallow`, or memoized here) so a change re-renders only what shows it.
 */
import type { DueStateName } from '../../../shared/due.js';
import { nameKey } from '../../../shared/engagements.js';
import { DEFAULT_WINDOWS, PHASES, type Phase } from '../../../shared/phases.js';
import type { Windows } from '../../../shared/schema.js';
import type { CardView } from '../../../shared/view.js';
import type { Store } from './types.js';
import type { Filters } from './ui-state.js';

const NONE: readonly CardView[] = [];

/** Every card on the board. */
export const selectEngagements = (s: Store): readonly CardView[] => s.board?.engagements ?? NONE;

/** True once the first snapshot arrived. */
export const selectLoaded = (s: Store): boolean => s.board !== null;

/** True when the store is loaded and holds no engagement at all. */
export const selectIsEmpty = (s: Store): boolean => s.board !== null && s.board.engagements.length === 0;

/** True when the example round (or part of it) is on the board. */
export const selectHasExamples = (s: Store): boolean => selectEngagements(s).some((e) => e.example);

/** One card by id (undefined once it is deleted). */
export const selectEngagement =
  (id: string) =>
  (s: Store): CardView | undefined =>
    selectEngagements(s).find((e) => e.id === id);

/** The timebox of the current round (the column subtitles and the empty state teach it). */
export const selectWindows = (s: Store): Windows =>
  s.board?.rounds.find((r) => r.id === s.board?.settings.currentRound)?.windows ?? DEFAULT_WINDOWS;

/** True when the search or any filter hides cards. */
export const selectFiltering = (s: Store): boolean =>
  s.search.trim() !== '' || s.filters.pal !== '' || s.filters.maturity !== '' || s.filters.due !== '';

/** A card filter built once per search and filters (the query is normalized once, not per card). */
function matcher(search: string, filters: Filters): (e: CardView) => boolean {
  const query = nameKey(search);
  return (e) =>
    (!query || nameKey(e.name).includes(query)) &&
    (!filters.pal || e.pals.includes(filters.pal)) &&
    (!filters.maturity || e.maturity === filters.maturity) &&
    (!filters.due || e.due.state === (filters.due satisfies DueStateName));
}

/** Whether a card passes the search (name, ignoring case and spacing) and the filters. */
export function matches(e: CardView, search: string, filters: Filters): boolean {
  return matcher(search, filters)(e);
}

type Columns = Readonly<Record<Phase, readonly CardView[]>>;

interface ColumnsMemo {
  readonly engagements: readonly CardView[];
  readonly search: string;
  readonly filters: Filters;
  readonly shown: Columns;
  readonly totals: Readonly<Record<Phase, number>>;
}

const sameCards = (a: readonly CardView[], b: readonly CardView[]) => a.length === b.length && a.every((e, i) => e === b[i]);

// One entry, like reselect's default: every column reads the same grouping of the same state.
let lastColumns: ColumnsMemo | null = null;

/**
 * Groups the snapshot into columns once per (engagements, search, filters) and keeps a column's
 * previous array when its cards did not change, so a column re-renders only when it must.
 */
function boardColumns(s: Store): ColumnsMemo {
  const engagements = selectEngagements(s);
  const memo = lastColumns;
  if (memo && memo.engagements === engagements && memo.search === s.search && memo.filters === s.filters) return memo;
  const pass = matcher(s.search, s.filters);
  const shown = Object.fromEntries(PHASES.map((p) => [p, [] as CardView[]])) as Record<Phase, CardView[]>;
  const totals = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  for (const e of engagements) {
    totals[e.phase]++;
    if (pass(e)) shown[e.phase].push(e);
  }
  const kept = Object.fromEntries(PHASES.map((p) => [p, memo && sameCards(memo.shown[p], shown[p]) ? memo.shown[p] : shown[p]])) as Columns;
  lastColumns = { engagements, search: s.search, filters: s.filters, shown: kept, totals };
  return lastColumns;
}

/** The cards a column shows, in board order; the same array until that column's cards change. */
export const selectColumnCards =
  (phase: Phase) =>
  (s: Store): readonly CardView[] =>
    boardColumns(s).shown[phase];

/** How many cards a column holds before filtering. */
export const selectColumnTotal =
  (phase: Phase) =>
  (s: Store): number =>
    boardColumns(s).totals[phase];

/** How many cards the search and filters let through, over all columns. */
export const selectVisibleCount = (s: Store): number => {
  const { shown } = boardColumns(s);
  return PHASES.reduce((n, p) => n + shown[p].length, 0);
};

/** Every pal named on any card, sorted, for the pal filter (use with `useShallow`). */
export const selectPalOptions = (s: Store): string[] =>
  [...new Set(selectEngagements(s).flatMap((e) => e.pals))].sort((a, b) => a.localeCompare(b));
