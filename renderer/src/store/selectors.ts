/**
 * Narrow, pure selectors over the store. Components read through these (arrays and objects
 * through `useShallow`) so a change re-renders only what shows it.
 */
import type { DueStateName } from '../../../shared/due.js';
import { nameKey } from '../../../shared/engagements.js';
import { DEFAULT_WINDOWS, type Phase } from '../../../shared/phases.js';
import type { Windows } from '../../../shared/schema.js';
import type { EngagementView } from '../../../shared/view.js';
import type { Store } from './types.js';
import type { Filters } from './ui-slice.js';

const NONE: readonly EngagementView[] = [];

/** Every engagement in the last snapshot. */
export const selectEngagements = (s: Store): readonly EngagementView[] => s.board?.engagements ?? NONE;

/** True once the first snapshot arrived. */
export const selectLoaded = (s: Store): boolean => s.board !== null;

/** True when the store is loaded and holds no engagement at all. */
export const selectIsEmpty = (s: Store): boolean => s.board !== null && s.board.engagements.length === 0;

/** True when the example round (or part of it) is on the board. */
export const selectHasExamples = (s: Store): boolean => selectEngagements(s).some((e) => e.example);

/** One engagement by id (undefined once it is deleted). */
export const selectEngagement =
  (id: string) =>
  (s: Store): EngagementView | undefined =>
    selectEngagements(s).find((e) => e.id === id);

/** The timebox of the current round (the column subtitles and the empty state teach it). */
export const selectWindows = (s: Store): Windows =>
  s.board?.rounds.find((r) => r.id === s.board?.settings.currentRound)?.windows ?? DEFAULT_WINDOWS;

/** True when the search or any filter hides cards. */
export const selectFiltering = (s: Store): boolean =>
  s.search.trim() !== '' || s.filters.pal !== '' || s.filters.maturity !== '' || s.filters.due !== '';

/** Whether a card passes the search (name, ignoring case and spacing) and the filters. */
export function matches(e: EngagementView, search: string, filters: Filters): boolean {
  const query = nameKey(search);
  if (query && !nameKey(e.name).includes(query)) return false;
  if (filters.pal && !e.pals.includes(filters.pal)) return false;
  if (filters.maturity && e.maturity !== filters.maturity) return false;
  if (filters.due && e.due.state !== (filters.due satisfies DueStateName)) return false;
  return true;
}

/** The cards a column shows, in board order (use with `useShallow`). */
export const selectColumnCards =
  (phase: Phase) =>
  (s: Store): EngagementView[] =>
    selectEngagements(s).filter((e) => e.phase === phase && matches(e, s.search, s.filters));

/** How many cards a column holds before filtering. */
export const selectColumnTotal =
  (phase: Phase) =>
  (s: Store): number =>
    selectEngagements(s).filter((e) => e.phase === phase).length;

/** How many cards the search and filters let through, over all columns. */
export const selectVisibleCount = (s: Store): number => selectEngagements(s).filter((e) => matches(e, s.search, s.filters)).length;

/** Every pal named on any card, sorted, for the pal filter (use with `useShallow`). */
export const selectPalOptions = (s: Store): string[] =>
  [...new Set(selectEngagements(s).flatMap((e) => e.pals))].sort((a, b) => a.localeCompare(b));
