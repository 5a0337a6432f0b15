/** Budgets are judged at the size (5,000) or the size a budget names; elsewhere they are information. */
import { describe, expect, it } from 'vitest';
import { budgetChecks, isJudged } from '../../bench/budget-checks.js';
import { renderResult } from '../../bench/report.js';
import { BUDGET_SIZE, type ScenarioResult } from '../../bench/scenario.js';

const load = (size: number): ScenarioResult => ({
  scenario: 'store',
  size,
  notes: [],
  metrics: [{ id: 'load', label: 'load', unit: 'ms', ours: 150, naive: 100, budget: { max: 100, text: 'load ≤ 100 ms' } }],
});

describe('budgets', () => {
  it('judges at 5,000 unless the budget names its own size', () => {
    expect(BUDGET_SIZE).toBe(5000);
    expect(isJudged({ max: 1, text: '' }, 5000)).toBe(true);
    expect(isJudged({ max: 1, text: '' }, 500)).toBe(false);
    expect(isJudged({ max: 1, text: '', judgedAt: 200 }, 200)).toBe(true);
    expect(isJudged({ max: 1, text: '', judgedAt: 200 }, 5000)).toBe(false);
  });

  it('marks checks at other sizes as not judged, and says so in the table', () => {
    expect(budgetChecks(load(5000))).toEqual([
      {
        scenario: 'store',
        size: 5000,
        metric: 'load',
        text: 'load ≤ 100 ms',
        max: 100,
        value: 150,
        met: false,
        judged: true,
        judgedAt: 5000,
      },
    ]);
    expect(budgetChecks(load(500))[0]).toMatchObject({ met: false, judged: false });
    expect(renderResult(load(5000))).toContain('FAIL  load ≤ 100 ms: 150.0 ms');
    expect(renderResult(load(500))).toContain('fail (info)  load ≤ 100 ms: 150.0 ms');
    expect(renderResult(load(500))).toContain('≤ 100 ms (fail, info)');
  });
});
