/** Splitting a terminal's width between text columns by what each needs to show. */

/** What one column asks for, in cells: `min` always, then `words` (no word cut), then `full` (nothing wrapped). */
export interface ColumnNeed {
  readonly min: number;
  readonly words: number;
  readonly full: number;
}

/** Adds one cell at a time to the narrowest column still below its target, while `budget` lasts. */
function fill(widths: number[], targets: readonly number[], budget: number): number {
  let left = budget;
  while (left > 0) {
    let pick = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! < targets[i]! && (pick < 0 || widths[i]! < widths[pick]!)) pick = i;
    }
    if (pick < 0) break;
    widths[pick]! += 1;
    left -= 1;
  }
  return left;
}

/**
 * Widths for columns sharing `total` cells: each gets its minimum, then the narrowest grow first
 * until no word is cut, then until no name wraps, then all grow evenly. Never below `min`, even
 * when `total` is smaller than the minimums (the caller keeps a floor).
 */
export function columnWidths(needs: readonly ColumnNeed[], total: number): number[] {
  const widths = needs.map((n) => n.min);
  let left = total - widths.reduce((a, b) => a + b, 0);
  left = fill(
    widths,
    needs.map((n) => Math.max(n.min, n.words)),
    left,
  );
  left = fill(
    widths,
    needs.map((n) => Math.max(n.min, n.words, n.full)),
    left,
  );
  fill(
    widths,
    needs.map(() => Number.POSITIVE_INFINITY),
    left,
  );
  return widths;
}
