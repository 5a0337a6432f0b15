/** How wide the terminal is, for output laid out in columns (`pals board`). */

/** The fallback when neither the terminal nor `COLUMNS` says: the classic 80 cells. */
export const DEFAULT_COLUMNS = 80;

/** A positive whole number of cells, or undefined for anything else (`COLUMNS=wide`, `0`, `-3`). */
function cells(value: number | string | undefined): number | undefined {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The width the terminal reports (a TTY's `columns`), else the `COLUMNS` variable, else 80. */
export function terminalColumns(reported: number | undefined, env: NodeJS.ProcessEnv): number {
  return cells(reported) ?? cells(env.COLUMNS) ?? DEFAULT_COLUMNS;
}
