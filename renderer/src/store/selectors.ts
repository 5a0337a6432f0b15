/**
 * Narrow, pure selectors over the store. Components read through these (arrays and objects
 * through `useShallow`, or memoized here) so a change re-renders only what shows it.
 */
import type { DueStateName } from '../../../shared/due.js';
import { nameKey } from '../../../shared/engagements.js';
import { DEFAULT_WINDOWS, PHASES, type Phase } from '../../../shared/phases.js';
import { palLogins } from '../../../shared/pals.js';
import { ALL_ROUNDS, type PalRecord, type Windows } from '../../../shared/schema.js';
import type { CardView } from '../../../shared/view.js';
import { sortIntake } from './intake-order.js';
import type { Store } from './types.js';
import type { Filters } from './ui-slice.js';

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

/** The timebox of an engagement's own round (its notes' agendas speak in these weeks). */
export const selectEngagementWindows =
  (id: string) =>
  (s: Store): Windows => {
    const round = selectEngagement(id)(s)?.round;
    return s.board?.rounds.find((r) => r.id === round)?.windows ?? DEFAULT_WINDOWS;
  };

const NO_LOGINS: Readonly<Record<string, string>> = {};
let loginsFor: { readonly pals: readonly PalRecord[]; readonly logins: Readonly<Record<string, string>> } | null = null;

/** Each pal's GitHub login by name, from the pal registry (the same object while the registry is unchanged). */
export const selectPalLogins = (s: Store): Readonly<Record<string, string>> => {
  const pals = s.board?.settings.pals;
  if (!pals) return NO_LOGINS;
  if (loginsFor?.pals !== pals) loginsFor = { pals, logins: palLogins(pals) };
  return loginsFor.logins;
};

/** The round the board shows: a round id, or ALL_ROUNDS (the Round select; null there follows the current round). */
export const selectShownRound = (s: Store): string => {
  const current = s.board?.settings.currentRound ?? 'default';
  const round = s.round;
  if (round === null || round === ALL_ROUNDS) return round ?? current;
  // A round deleted since the view was kept: back to the current one.
  return s.board && !s.board.rounds.some((r) => r.id === round) ? current : round;
};

/** The timebox of the round shown (the current round's with every round shown): the column subtitles and the empty state teach it. */
export const selectWindows = (s: Store): Windows => {
  const shown = selectShownRound(s);
  const id = shown === ALL_ROUNDS ? s.board?.settings.currentRound : shown;
  return s.board?.rounds.find((r) => r.id === id)?.windows ?? DEFAULT_WINDOWS;
};

/** True when the search or any filter hides cards. */
export const selectFiltering = (s: Store): boolean =>
  s.search.trim() !== '' || s.filters.pal !== '' || s.filters.maturity !== '' || s.filters.due !== '';

/** A card filter built once per search and filters (the query is normalized once, not per card). */
export function cardMatcher(search: string, filters: Filters): (e: CardView) => boolean {
  const query = nameKey(search);
  const pal = nameKey(filters.pal);
  return (e) =>
    (!query || nameKey(e.name).includes(query)) &&
    (!pal || e.pals.some((p) => nameKey(p) === pal)) &&
    (!filters.maturity || e.maturity === filters.maturity) &&
    (!filters.due || e.due.state === (filters.due satisfies DueStateName));
}

/** Whether a card belongs to the round shown (every card when every round is shown). */
export function inRound(round: string): (e: CardView) => boolean {
  return round === ALL_ROUNDS ? () => true : (e) => e.round === round;
}

/** Whether a card passes the search (name, ignoring case and spacing) and the filters. */
export function matches(e: CardView, search: string, filters: Filters): boolean {
  return cardMatcher(search, filters)(e);
}

type Columns = Readonly<Record<Phase, readonly CardView[]>>;

interface ColumnsMemo {
  readonly engagements: readonly CardView[];
  readonly search: string;
  readonly filters: Filters;
  readonly round: string;
  readonly shown: Columns;
  readonly totals: Readonly<Record<Phase, number>>;
}

/** True when two lists hold the very same cards in the same order. */
export const sameCards = (a: readonly CardView[], b: readonly CardView[]) => a.length === b.length && a.every((e, i) => e === b[i]);

// One entry, like reselect's default: every column reads the same grouping of the same state.
let lastColumns: ColumnsMemo | null = null;

/**
 * Groups the snapshot into columns once per (engagements, search, filters, round) and keeps a
 * column's previous array when its cards did not change, so a column re-renders only when it
 * must. Totals count the round's cards before the search and filters.
 */
function boardColumns(s: Store): ColumnsMemo {
  const engagements = selectEngagements(s);
  const round = selectShownRound(s);
  const memo = lastColumns;
  if (memo && memo.engagements === engagements && memo.search === s.search && memo.filters === s.filters && memo.round === round) {
    return memo;
  }
  const pass = cardMatcher(s.search, s.filters);
  const ours = inRound(round);
  const shown = Object.fromEntries(PHASES.map((p) => [p, [] as CardView[]])) as Record<Phase, CardView[]>;
  const totals = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  for (const e of engagements) {
    if (!ours(e)) continue;
    totals[e.phase]++;
    if (pass(e)) shown[e.phase].push(e);
  }
  sortIntake(shown.intake);
  const kept = Object.fromEntries(PHASES.map((p) => [p, memo && sameCards(memo.shown[p], shown[p]) ? memo.shown[p] : shown[p]])) as Columns;
  lastColumns = { engagements, search: s.search, filters: s.filters, round, shown: kept, totals };
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
export const selectPalOptions = (s: Store): string[] => {
  // One choice per pal however cards spell them: the registry's spelling, else the first seen.
  const byKey = new Map<string, string>((s.board?.settings.pals ?? []).map((p) => [nameKey(p.name), p.name]));
  for (const e of selectEngagements(s)) for (const p of e.pals) if (!byKey.has(nameKey(p))) byKey.set(nameKey(p), p.trim());
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
};

/**
 * The Round select's choices, as [value, label] pairs: each round by name, then every round
 * (use with `useShallow`: a new array of the same pairs each time would re-render).
 */
export const selectRoundOptions = (s: Store): (readonly [string, string])[] => roundOptionsOf(s.board?.rounds);

let lastRounds: { readonly rounds: unknown; readonly options: (readonly [string, string])[] } | null = null;
function roundOptionsOf(rounds: readonly { readonly id: string; readonly name: string }[] | undefined): (readonly [string, string])[] {
  if (lastRounds && lastRounds.rounds === rounds) return lastRounds.options;
  const options: (readonly [string, string])[] = [
    ...(rounds ?? []).map((r) => [r.id, r.name] as const),
    [ALL_ROUNDS, 'All rounds'] as const,
  ];
  lastRounds = { rounds, options };
  return options;
}
