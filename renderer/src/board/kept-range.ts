/**
 * A virtualizer's range that also renders the rows that must stay in the DOM (the focused one,
 * the one being dragged, the one just dropped), so focus and drag survive scrolling them away.
 */
import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { useCallback } from 'react';

/** The rows in view plus `keptIndexes` (those below `range.count`), in index order. */
export function useKeptRange(keptIndexes: readonly number[]): (range: Range) => number[] {
  return useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      const extra = keptIndexes.filter((i) => i < range.count && !shown.includes(i));
      return extra.length ? [...shown, ...extra].sort((a, b) => a - b) : shown;
    },
    [keptIndexes],
  );
}
