/** How the benchmark tells the growth of a figure with the data: linear, sub-linear or worse. */
import { describe, expect, it } from 'vitest';
import { classifyExponent, growthOf, growthStep } from '../../bench/growth.js';
import { formatStep, renderGrowth } from '../../bench/growth-report.js';
import type { Metric, ScenarioResult } from '../../bench/scenario.js';

const result = (scenario: string, size: number, metrics: Metric[], skipped?: string): ScenarioResult => ({
  scenario,
  size,
  metrics,
  notes: [],
  ...(skipped === undefined ? {} : { skipped }),
});
const ms = (id: string, ours: number, naive?: number): Metric => ({
  id,
  label: id,
  unit: 'ms',
  ours,
  ...(naive === undefined ? {} : { naive }),
});

describe('growthStep', () => {
  it('calls ×10 for ×10 data linear, ×100 worse than linear, a fixed cost sub-linear', () => {
    expect(growthStep(500, 10, 5000, 100)).toMatchObject({ sizeRatio: 10, figureRatio: 10, growth: 'linear' });
    expect(growthStep(500, 10, 5000, 100).exponent).toBeCloseTo(1);
    expect(growthStep(500, 1, 5000, 100)).toMatchObject({ growth: 'worse than linear' });
    expect(growthStep(500, 1, 5000, 100).exponent).toBeCloseTo(2);
    expect(growthStep(500, 300, 5000, 330)).toMatchObject({ growth: 'sub-linear' });
  });

  it('tolerates noise around linear, and n log n over ×4 reads as linear or just above', () => {
    expect(growthStep(5000, 100, 20000, 380).growth).toBe('linear');
    expect(growthStep(5000, 100, 20000, 460).growth).toBe('linear');
    expect(growthStep(5000, 100, 20000, 600).growth).toBe('worse than linear');
  });

  it('handles zeros: constant zero is sub-linear, dropping to zero too, rising from zero cannot be told', () => {
    expect(growthStep(500, 0, 5000, 0)).toMatchObject({ figureRatio: 1, exponent: 0, growth: 'sub-linear' });
    expect(growthStep(500, 4, 5000, 0)).toMatchObject({ figureRatio: 0, exponent: null, growth: 'sub-linear' });
    expect(growthStep(500, 0, 5000, 3)).toMatchObject({ figureRatio: null, growth: null });
    expect(growthStep(500, Number.NaN, 5000, 3).growth).toBeNull();
  });

  it('classifies exponents at the band edges', () => {
    expect(classifyExponent(0.84)).toBe('sub-linear');
    expect(classifyExponent(0.85)).toBe('linear');
    expect(classifyExponent(1.15)).toBe('linear');
    expect(classifyExponent(1.16)).toBe('worse than linear');
  });
});

describe('growthOf', () => {
  it('follows each figure of each scenario across sizes in ascending order, ours and naive', () => {
    const growth = growthOf([
      result('store', 5000, [ms('load', 100, 50), ms('only-here', 1)]),
      result('store', 500, [ms('load', 10, 5)]),
      result('store', 20000, [ms('load', 800, 200)]),
      result('sync', 200, [ms('wall', 1)]),
    ]);
    expect(growth).toHaveLength(1);
    const load = growth[0]!;
    expect(load).toMatchObject({
      scenario: 'store',
      metric: 'load',
      values: [
        [500, 10],
        [5000, 100],
        [20000, 800],
      ],
    });
    expect(load.steps.map((s) => s.growth)).toEqual(['linear', 'worse than linear']);
    expect(load.naiveSteps!.map((s) => s.growth)).toEqual(['linear', 'linear']);
  });

  it('leaves out skipped results, and has no naive steps when the baseline is missing somewhere', () => {
    const growth = growthOf([
      result('board', 500, [ms('paint', 10, 4)]),
      result('board', 5000, [], 'no browser'),
      result('board', 20000, [ms('paint', 50)]),
    ]);
    expect(growth[0]!.values).toEqual([
      [500, 10],
      [20000, 50],
    ]);
    expect(growth[0]!.naiveSteps).toBeNull();
  });
});

describe('renderGrowth', () => {
  it('prints one row per figure with its values and each step, and nothing for a single size', () => {
    const growth = growthOf([result('cli', 500, [ms('list', 100)]), result('cli', 5000, [ms('list', 1000)])]);
    const text = renderGrowth('cli', growth);
    expect(text).toContain('== cli — growth with size ==');
    expect(text).toContain('500→5,000 (×10.0 data)');
    expect(text).toMatch(/list\s+100\.0 ms\s+1000\.0 ms\s+×10\.0 linear \(k 1\.00\)/);
    expect(renderGrowth('sync', growth)).toBe('');
    expect(formatStep(growthStep(500, 0, 5000, 2))).toBe('—');
  });
});
