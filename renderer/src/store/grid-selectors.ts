/** The board as the keyboard walks it (board/card-grid.ts), from the same cached columns or lanes the board draws. */
import { PHASES } from '../../../shared/phases.js';
import { columnsGrid, lanesGrid, type GridColumn } from '../board/card-grid.js';
import { selectLanes } from './lane-selectors.js';
import { selectColumnCards } from './selectors.js';
import type { Store } from './types.js';

let last: { readonly sources: readonly unknown[]; readonly grid: readonly GridColumn[] } | null = null;

/** The board's grid of card ids; the same array until a column (or lane) changes. */
export function selectCardGrid(s: Store): readonly GridColumn[] {
  const lanes = s.lanes === 'pal' ? selectLanes(s) : null;
  const columns = lanes ? null : PHASES.map((p) => selectColumnCards(p)(s));
  const sources: readonly unknown[] = lanes ?? columns ?? [];
  const memo = last;
  if (memo && memo.sources.length === sources.length && memo.sources.every((x, i) => x === sources[i])) return memo.grid;
  const grid = lanes ? lanesGrid(lanes) : columnsGrid(columns ?? []);
  last = { sources, grid };
  return grid;
}
