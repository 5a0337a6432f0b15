/**
 * Swimlanes by pal: the board's cards grouped into one lane per pal (an engagement with two pals
 * is in both) and a "No pal" lane, each split by phase, with the pal's load against the soft limit.
 * Grouped once per (cards, search, filters, round, limits); a lane that did not change keeps its
 * object and a cell its array, so only the lanes that show a change re-render.
 */
import { nameKey } from '../../../shared/engagements.js';
import { isActive } from '../../../shared/load.js';
import { PHASES, type Phase } from '../../../shared/phases.js';
import type { PalRecord } from '../../../shared/schema.js';
import type { CardView } from '../../../shared/view.js';
import { sortIntake } from './intake-order.js';
import { cardMatcher, inRound, sameCards, selectEngagements, selectShownRound } from './selectors.js';
import type { Store } from './types.js';
import type { Filters } from './ui-slice.js';

/** The key of the lane of cards without a pal. */
export const NO_PAL = 'none';

/** One lane. */
export interface Lane {
  /** `pal:<name>` (names differing only in case or spacing are one pal), or NO_PAL. */
  readonly key: string;
  /** The pal's name as first written on a card; null for the "No pal" lane. */
  readonly pal: string | null;
  /** Engagements in progress (neither intake nor done nor on hold), every round counted, as `pals load` counts. */
  readonly active: number;
  readonly limit: number;
  readonly over: boolean;
  /** The cards this lane shows in each phase, in board order. */
  readonly cells: Readonly<Record<Phase, readonly CardView[]>>;
  /** How many cards the lane shows. */
  readonly shown: number;
}

interface LanesMemo {
  readonly engagements: readonly CardView[];
  readonly search: string;
  readonly filters: Filters;
  readonly round: string;
  readonly limit: number;
  readonly pals: readonly PalRecord[];
  readonly lanes: readonly Lane[];
}

let last: LanesMemo | null = null;

/** Each lane's soft limit: the pal's own, else the settings' palLimit. */
interface Limits {
  readonly of: (laneKey: string) => number;
}
const NO_PALS: readonly PalRecord[] = [];

const emptyCells = () => Object.fromEntries(PHASES.map((p) => [p, [] as CardView[]])) as Record<Phase, CardView[]>;

function sameLane(a: Lane, b: Lane): boolean {
  return a.pal === b.pal && a.active === b.active && a.limit === b.limit && PHASES.every((p) => sameCards(a.cells[p], b.cells[p]));
}

/** Groups the cards into lanes (see the file comment). */
function group(
  engagements: readonly CardView[],
  search: string,
  filters: Filters,
  round: string,
  limits: Limits,
  before: readonly Lane[],
): Lane[] {
  const filtering = search.trim() !== '' || filters.pal !== '' || filters.maturity !== '' || filters.due !== '';
  const pass = cardMatcher(search, filters);
  const ours = inRound(round);
  const lanes = new Map<
    string,
    { pal: string | null; active: number; inRound: boolean; cells: Record<Phase, CardView[]>; shown: number }
  >();
  const laneOf = (key: string, pal: string | null) => {
    let lane = lanes.get(key);
    if (!lane) {
      lane = { pal, active: 0, inRound: false, cells: emptyCells(), shown: 0 };
      lanes.set(key, lane);
    }
    return lane;
  };
  laneOf(NO_PAL, null);
  // A few hundred pal names over thousands of cards: each name is normalized once.
  const keys = new Map<string, string>();
  const keyOf = (pal: string) => {
    let key = keys.get(pal);
    if (key === undefined) {
      key = `pal:${nameKey(pal)}`;
      keys.set(pal, key);
    }
    return key;
  };
  for (const e of engagements) {
    const active = isActive(e);
    const mine = ours(e);
    const shown = mine && pass(e);
    const laneKeys = e.pals.length === 0 ? [NO_PAL] : e.pals.length === 1 ? [keyOf(e.pals[0]!)] : [...new Set(e.pals.map(keyOf))];
    for (const key of laneKeys) {
      const lane = laneOf(key, key === NO_PAL ? null : e.pals.find((p) => keyOf(p) === key)!.trim());
      if (active) lane.active++;
      if (mine) lane.inRound = true;
      if (shown) {
        lane.cells[e.phase].push(e);
        lane.shown++;
      }
    }
  }
  for (const l of lanes.values()) sortIntake(l.cells.intake);
  const previous = new Map(before.map((l) => [l.key, l]));
  const out: Lane[] = [];
  for (const [key, l] of lanes) {
    // A lane shows when it has cards to show; unfiltered, every pal of the round and "No pal" show.
    if (l.shown === 0 && (filtering || (key !== NO_PAL && !l.inRound))) continue;
    const limit = limits.of(key);
    const lane: Lane = {
      key,
      pal: l.pal,
      active: l.active,
      limit,
      over: l.pal !== null && l.active > limit,
      cells: l.cells,
      shown: l.shown,
    };
    const old = previous.get(key);
    out.push(old && sameLane(old, lane) ? old : lane);
  }
  return out.sort((a, b) => (a.pal === null ? 1 : b.pal === null ? -1 : a.pal.localeCompare(b.pal)));
}

/** The lanes the board shows; the same array until a lane changes. */
export function selectLanes(s: Store): readonly Lane[] {
  const engagements = selectEngagements(s);
  const round = selectShownRound(s);
  const limit = s.board?.settings.palLimit ?? 2;
  const pals = s.board?.settings.pals ?? NO_PALS;
  const memo = last;
  if (
    memo &&
    memo.engagements === engagements &&
    memo.search === s.search &&
    memo.filters === s.filters &&
    memo.round === round &&
    memo.limit === limit &&
    memo.pals === pals
  ) {
    return memo.lanes;
  }
  const own = new Map(pals.filter((p) => p.limit !== null).map((p) => [`pal:${nameKey(p.name)}`, p.limit!]));
  const lanes = group(engagements, s.search, s.filters, round, { of: (key) => own.get(key) ?? limit }, memo?.lanes ?? []);
  const kept = memo && memo.lanes.length === lanes.length && memo.lanes.every((l, i) => l === lanes[i]) ? memo.lanes : lanes;
  last = { engagements, search: s.search, filters: s.filters, round, limit, pals, lanes: kept };
  return kept;
}

/** One lane by key (undefined once it is gone). */
export const selectLane =
  (key: string) =>
  (s: Store): Lane | undefined =>
    selectLanes(s).find((l) => l.key === key);
