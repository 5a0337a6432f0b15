/** Human formatting of figures for the table: milliseconds, sizes, counts and ratios. */
import type { Unit } from './scenario.js';

/** A figure with its unit, e.g. "12.3 ms", "14.2 MB", "3". */
export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case 'bytes':
      return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(1)} MB` : `${(value / 1024).toFixed(1)} KB`;
    case 'count':
      return String(Math.round(value));
    case 'ratio':
      return `${value.toFixed(2)}×`;
  }
}

/** ours / naive as "0.42×", or "—" when there is nothing to compare with. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return `${ratio < 0.1 ? ratio.toFixed(3) : ratio.toFixed(2)}×`;
}

/** Lays out rows as left-aligned first column and right-aligned others, two spaces apart. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
  }
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}
