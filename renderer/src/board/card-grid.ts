/**
 * The board as a grid for the keyboard: columns of card ids (one per phase, or one per phase of
 * each swimlane), and where an arrow key goes from a card. Pure, so it is tested without a page,
 * and computed from the data, not the DOM: a virtualized column's unrendered cards count too.
 */
import { PHASES, type Phase } from '../../../shared/phases.js';
import type { CardSpot } from '../store/ui-slice.js';

/** One list of cards: a phase column, or a phase of one lane (`row` counts lanes from the top). */
export interface GridColumn {
  readonly lane: string | null;
  readonly row: number;
  readonly phase: Phase;
  readonly ids: readonly string[];
}

/** The keys that move between cards (the WAI-ARIA grid pattern's, less the page keys' paging). */
export type GridKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageUp' | 'PageDown';

/** Page Up / Page Down move this many cards along a column. */
const PAGE = 5;

/** The grid of a board without lanes: the six columns' cards, in PHASES order. */
export function columnsGrid(columns: readonly (readonly { readonly id: string }[])[]): GridColumn[] {
  return PHASES.map((phase, i) => ({ lane: null, row: 0, phase, ids: (columns[i] ?? []).map((e) => e.id) }));
}

/** The grid of a board in swimlanes: each lane's six cells, lane after lane. */
export function lanesGrid(
  lanes: readonly { readonly key: string; readonly cells: Readonly<Record<Phase, readonly { readonly id: string }[]>> }[],
): GridColumn[] {
  return lanes.flatMap((lane, row) => PHASES.map((phase) => ({ lane: lane.key, row, phase, ids: lane.cells[phase].map((e) => e.id) })));
}

/** The first card of the board (the one Tab reaches first), or null when it shows none. */
export function firstSpot(grid: readonly GridColumn[]): CardSpot | null {
  const column = grid.find((c) => c.ids.length > 0);
  return column ? { id: column.ids[0]!, lane: column.lane } : null;
}

/** Whether the board still shows this card in this lane. */
export function hasSpot(grid: readonly GridColumn[], spot: CardSpot): boolean {
  return grid.some((c) => c.lane === spot.lane && c.ids.includes(spot.id));
}

function locate(grid: readonly GridColumn[], spot: CardSpot): { column: number; index: number } | null {
  for (let column = 0; column < grid.length; column++) {
    const c = grid[column]!;
    if (c.lane !== spot.lane) continue;
    const index = c.ids.indexOf(spot.id);
    if (index >= 0) return { column, index };
  }
  return null;
}

const at = (c: GridColumn, index: number): CardSpot => ({ id: c.ids[Math.max(0, Math.min(index, c.ids.length - 1))]!, lane: c.lane });

/**
 * Where `key` goes from `from`: up and down a column (on into the same phase of the lane above or
 * below, past a cell's end), left and right to the nearest column of the same lane that shows a
 * card (at the same height, or its last card), Home and End to a column's ends, with `toBoardEnd`
 * (Ctrl) to the board's. Null when there is nowhere to go (the edge), or `from` is not shown.
 */
export function stepCard(grid: readonly GridColumn[], from: CardSpot, key: GridKey, toBoardEnd = false): CardSpot | null {
  const here = locate(grid, from);
  if (!here) return null;
  const column = grid[here.column]!;
  const filled = grid.filter((c) => c.ids.length > 0);
  const move = (spot: CardSpot | null) => (spot && (spot.id !== from.id || spot.lane !== from.lane) ? spot : null);
  switch (key) {
    case 'Home':
    case 'End': {
      if (toBoardEnd) {
        const edge = key === 'Home' ? filled[0] : filled[filled.length - 1];
        return edge ? move(at(edge, key === 'Home' ? 0 : edge.ids.length - 1)) : null;
      }
      return move(at(column, key === 'Home' ? 0 : column.ids.length - 1));
    }
    case 'PageUp':
    case 'PageDown':
      return move(at(column, here.index + (key === 'PageUp' ? -PAGE : PAGE)));
    case 'ArrowUp':
    case 'ArrowDown': {
      const down = key === 'ArrowDown';
      const next = here.index + (down ? 1 : -1);
      if (next >= 0 && next < column.ids.length) return at(column, next);
      // Past the cell's end: the same phase in the next lane (down) or the one before (up) that has cards.
      const lanes = grid.filter((c) => c.phase === column.phase && c.ids.length > 0 && (down ? c.row > column.row : c.row < column.row));
      const target = down ? lanes[0] : lanes[lanes.length - 1];
      return target ? at(target, down ? 0 : target.ids.length - 1) : null;
    }
    case 'ArrowLeft':
    case 'ArrowRight': {
      const right = key === 'ArrowRight';
      const same = grid.filter((c) => c.row === column.row && c.ids.length > 0);
      const phaseIndex = PHASES.indexOf(column.phase);
      const sideways = same.filter((c) => (right ? PHASES.indexOf(c.phase) > phaseIndex : PHASES.indexOf(c.phase) < phaseIndex));
      const target = right ? sideways[0] : sideways[sideways.length - 1];
      return target ? at(target, here.index) : null;
    }
  }
}
