/** The growth table printed after a scenario measured at several sizes (figures from growth.ts). */
import { formatValue, table } from './format.js';
import { LINEAR_BAND, type GrowthStep, type MetricGrowth } from './growth.js';

const count = (n: number) => n.toLocaleString('en-US');

/** One step as "×9.6 linear (k 0.98)", or "—" when it cannot be told. */
export function formatStep(step: GrowthStep): string {
  if (step.growth === null || step.figureRatio === null) return '—';
  const ratio = step.figureRatio < 0.1 ? step.figureRatio.toFixed(3) : step.figureRatio.toFixed(1);
  const k = step.exponent === null ? '' : ` (k ${step.exponent.toFixed(2)})`;
  return `×${ratio} ${step.growth}${k}`;
}

/** The growth table of one scenario, or '' when it has no figure measured at two sizes. */
export function renderGrowth(scenario: string, growth: readonly MetricGrowth[]): string {
  const mine = growth.filter((g) => g.scenario === scenario);
  if (mine.length === 0) return '';
  const sizes = [...new Set(mine.flatMap((g) => g.values.map(([size]) => size)))].sort((a, b) => a - b);
  const pairs = sizes.slice(1).map((to, i) => [sizes[i]!, to] as const);
  const head = [
    'metric',
    ...sizes.map(count),
    ...pairs.map(([from, to]) => `${count(from)}→${count(to)} (×${(to / from).toFixed(1)} data)`),
  ];
  const rows = mine.map((g) => [
    g.label,
    ...sizes.map((size) => formatValue(g.values.find(([s]) => s === size)?.[1], g.unit)),
    ...pairs.map(([from, to]) => {
      const step = g.steps.find((s) => s.from === from && s.to === to);
      return step ? formatStep(step) : '—';
    }),
  ]);
  return [
    `\n== ${scenario} — growth with size ==`,
    table([head, ...rows]),
    `k = log(figure ratio) / log(data ratio): sub-linear below ${LINEAR_BAND.low}, linear ${LINEAR_BAND.low}–${LINEAR_BAND.high}, worse than linear above ${LINEAR_BAND.high}`,
  ].join('\n');
}
