/** Where the arrow keys go on the board (the grid is built from data, so virtualized cards count). */
import { describe, expect, it } from 'vitest';
import { columnsGrid, firstSpot, hasSpot, lanesGrid, stepCard, type GridKey } from '../../renderer/src/board/card-grid.js';
import type { Phase } from '../../shared/phases.js';

const cards = (...ids: string[]) => ids.map((id) => ({ id }));
// Intake a1 a2 a3 · Meet & greet (empty) · Follow-up c1 · Draft d1 d2 · Review (empty) · Done f1
const board = columnsGrid([cards('a1', 'a2', 'a3'), [], cards('c1'), cards('d1', 'd2'), [], cards('f1')]);
const spot = (id: string, lane: string | null = null) => ({ id, lane });
const go = (id: string, ...keys: GridKey[]) =>
  keys.reduce<string | null>((at, key) => (at ? (stepCard(board, spot(at), key)?.id ?? at) : at), id);

describe('the board without lanes', () => {
  it('moves up and down a column and stops at its ends', () => {
    expect(stepCard(board, spot('a1'), 'ArrowDown')).toEqual(spot('a2'));
    expect(stepCard(board, spot('a2'), 'ArrowUp')).toEqual(spot('a1'));
    expect(stepCard(board, spot('a1'), 'ArrowUp')).toBeNull();
    expect(stepCard(board, spot('a3'), 'ArrowDown')).toBeNull();
  });

  it('moves left and right over empty columns, at the same height or the last card', () => {
    expect(stepCard(board, spot('a1'), 'ArrowRight')).toEqual(spot('c1'));
    expect(stepCard(board, spot('a3'), 'ArrowRight')).toEqual(spot('c1'));
    expect(stepCard(board, spot('c1'), 'ArrowRight')).toEqual(spot('d1'));
    expect(stepCard(board, spot('d2'), 'ArrowRight')).toEqual(spot('f1'));
    expect(stepCard(board, spot('d2'), 'ArrowLeft')).toEqual(spot('c1'));
    expect(stepCard(board, spot('f1'), 'ArrowRight')).toBeNull();
    expect(stepCard(board, spot('a2'), 'ArrowLeft')).toBeNull();
  });

  it('Home and End go to a column’s ends, with Ctrl to the board’s', () => {
    expect(stepCard(board, spot('a2'), 'End')).toEqual(spot('a3'));
    expect(stepCard(board, spot('a2'), 'Home')).toEqual(spot('a1'));
    expect(stepCard(board, spot('a1'), 'Home')).toBeNull();
    expect(stepCard(board, spot('a2'), 'End', true)).toEqual(spot('f1'));
    expect(stepCard(board, spot('f1'), 'Home', true)).toEqual(spot('a1'));
    expect(stepCard(board, spot('a1'), 'PageDown')).toEqual(spot('a3'));
  });

  it('reaches every card from the first by arrows alone', () => {
    const seen = new Set<string>();
    let at: string | null = firstSpot(board)!.id;
    while (at) {
      seen.add(at);
      let down: string | null = at;
      while (down) {
        seen.add(down);
        down = stepCard(board, spot(down), 'ArrowDown')?.id ?? null;
      }
      at = stepCard(board, spot(at), 'ArrowRight')?.id ?? null;
    }
    expect([...seen].sort()).toEqual(['a1', 'a2', 'a3', 'c1', 'd1', 'd2', 'f1']);
    expect(go('a1', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowDown')).toBe('d2');
  });

  it('knows the first card, and which cards it still shows', () => {
    expect(firstSpot(board)).toEqual(spot('a1'));
    expect(firstSpot(columnsGrid([[], [], cards('x')]))).toEqual(spot('x'));
    expect(firstSpot(columnsGrid([]))).toBeNull();
    expect(hasSpot(board, spot('d2'))).toBe(true);
    expect(hasSpot(board, spot('zz'))).toBe(false);
    expect(hasSpot(board, spot('d2', 'pal:ann'))).toBe(false);
    expect(stepCard(board, spot('zz'), 'ArrowDown')).toBeNull();
  });
});

describe('the board in swimlanes', () => {
  const empty = { intake: [], 'meet-greet': [], 'follow-up': [], draft: [], review: [], done: [] } as Record<Phase, { id: string }[]>;
  // Ann: intake x, y · follow-up z.  Bo: intake (none) · follow-up w.  No pal: intake v.  A card in two lanes (x) is in both.
  const lanes = lanesGrid([
    { key: 'pal:ann', cells: { ...empty, intake: cards('x', 'y'), 'follow-up': cards('z') } },
    { key: 'pal:bo', cells: { ...empty, 'follow-up': cards('w', 'x') } },
    { key: 'none', cells: { ...empty, intake: cards('v') } },
  ]);

  it('moves down a cell, then on into the same phase of the next lane that has cards', () => {
    expect(stepCard(lanes, spot('x', 'pal:ann'), 'ArrowDown')).toEqual(spot('y', 'pal:ann'));
    expect(stepCard(lanes, spot('y', 'pal:ann'), 'ArrowDown')).toEqual(spot('v', 'none'));
    expect(stepCard(lanes, spot('v', 'none'), 'ArrowUp')).toEqual(spot('y', 'pal:ann'));
    expect(stepCard(lanes, spot('z', 'pal:ann'), 'ArrowDown')).toEqual(spot('w', 'pal:bo'));
    expect(stepCard(lanes, spot('x', 'pal:bo'), 'ArrowUp')).toEqual(spot('w', 'pal:bo'));
  });

  it('moves left and right within its lane, and tells the two copies of a card apart', () => {
    expect(stepCard(lanes, spot('y', 'pal:ann'), 'ArrowRight')).toEqual(spot('z', 'pal:ann'));
    expect(stepCard(lanes, spot('z', 'pal:ann'), 'ArrowLeft')).toEqual(spot('x', 'pal:ann'));
    expect(stepCard(lanes, spot('x', 'pal:bo'), 'ArrowLeft')).toBeNull();
    expect(stepCard(lanes, spot('v', 'none'), 'ArrowRight')).toBeNull();
    expect(firstSpot(lanes)).toEqual(spot('x', 'pal:ann'));
  });
});
