/**
 * How each figure grew with the data (issue 7: "report how each figure grew, linear or worse").
 * Between two sizes, the figure's ratio is compared with the size's ratio through the exponent
 * k = log(figure ratio) / log(size ratio): k ≈ 1 is linear, k ≈ 2 quadratic, k ≈ 0 constant.
 */
import type { ScenarioResult, Unit } from './scenario.js';

/** The three verdicts the report prints. */
export type GrowthClass = 'sub-linear' | 'linear' | 'worse than linear';

/** Exponents inside this band count as linear: wide enough for a busy machine's noise on a ×4–×10 step. */
export const LINEAR_BAND = { low: 0.85, high: 1.15 } as const;

/** One step between two measured sizes; `growth` is null when it cannot be told (a figure going from 0 to more). */
export interface GrowthStep {
  readonly from: number;
  readonly to: number;
  readonly sizeRatio: number;
  readonly figureRatio: number | null;
  readonly exponent: number | null;
  readonly growth: GrowthClass | null;
}

/** Every step of one figure of one scenario, ours and (when measured) the naive baseline's. */
export interface MetricGrowth {
  readonly scenario: string;
  readonly metric: string;
  readonly label: string;
  readonly unit: Unit;
  /** Size → our figure, in ascending size order. */
  readonly values: readonly (readonly [number, number])[];
  readonly steps: readonly GrowthStep[];
  readonly naiveSteps: readonly GrowthStep[] | null;
}

/** The verdict for an exponent (see LINEAR_BAND). */
export function classifyExponent(exponent: number): GrowthClass {
  if (exponent < LINEAR_BAND.low) return 'sub-linear';
  if (exponent > LINEAR_BAND.high) return 'worse than linear';
  return 'linear';
}

/** Compares a figure at two sizes (`fromSize` < `toSize`); one that stays 0 or drops to 0 is sub-linear. */
export function growthStep(fromSize: number, fromValue: number, toSize: number, toValue: number): GrowthStep {
  const sizeRatio = toSize / fromSize;
  const base = { from: fromSize, to: toSize, sizeRatio };
  if (!Number.isFinite(fromValue) || !Number.isFinite(toValue) || fromValue < 0 || toValue < 0 || sizeRatio <= 1) {
    return { ...base, figureRatio: null, exponent: null, growth: null };
  }
  if (fromValue === 0) {
    return toValue === 0
      ? { ...base, figureRatio: 1, exponent: 0, growth: 'sub-linear' }
      : { ...base, figureRatio: null, exponent: null, growth: null };
  }
  if (toValue === 0) return { ...base, figureRatio: 0, exponent: null, growth: 'sub-linear' };
  const figureRatio = toValue / fromValue;
  const exponent = Math.log(figureRatio) / Math.log(sizeRatio);
  return { ...base, figureRatio, exponent, growth: classifyExponent(exponent) };
}

function steps(points: readonly (readonly [number, number])[]): GrowthStep[] {
  return points.slice(1).map(([size, value], i) => growthStep(points[i]![0], points[i]![1], size, value));
}

/**
 * Growth of every figure measured at two or more sizes, per scenario, in the order the figures
 * first appear; results that were skipped, and figures missing at some size, are left out there.
 */
export function growthOf(results: readonly ScenarioResult[]): MetricGrowth[] {
  const byKey = new Map<
    string,
    { scenario: string; metric: string; label: string; unit: Unit; ours: [number, number][]; naive: [number, number][] }
  >();
  for (const r of results) {
    if (r.skipped !== undefined) continue;
    for (const m of r.metrics) {
      const key = `${r.scenario}\u0000${m.id}`;
      const entry = byKey.get(key) ?? { scenario: r.scenario, metric: m.id, label: m.label, unit: m.unit, ours: [], naive: [] };
      byKey.set(key, entry);
      if (entry.ours.some(([size]) => size === r.size)) continue;
      entry.ours.push([r.size, m.ours]);
      if (m.naive !== undefined) entry.naive.push([r.size, m.naive]);
    }
  }
  return [...byKey.values()]
    .filter((e) => e.ours.length >= 2)
    .map((e) => {
      const ours = [...e.ours].sort((a, b) => a[0] - b[0]);
      const naive = [...e.naive].sort((a, b) => a[0] - b[0]);
      return {
        scenario: e.scenario,
        metric: e.metric,
        label: e.label,
        unit: e.unit,
        values: ours,
        steps: steps(ours),
        naiveSteps: naive.length === ours.length ? steps(naive) : null,
      };
    });
}
