/** The budgets issue 27 names are gathered at the end of a run: judged where measured at their size, "not measured" elsewhere. */
import { describe, expect, it } from 'vitest';
import { keyBudgets, renderKeyBudgets } from '../../bench/key-budgets.js';
import type { ScenarioResult } from '../../bench/scenario.js';

const cli = (size: number, move: number): ScenarioResult => ({
  scenario: 'cli',
  size,
  notes: [],
  metrics: [{ id: 'move.ratio', label: 'move', unit: 'ratio', ours: move, budget: { max: 1.5, text: 'move ≤ 1.5× parse' } }],
});

describe('key budgets', () => {
  it('judges a budget only at its size and says what a run lacked', () => {
    const found = keyBudgets([cli(500, 1.2), cli(5000, 1.92)]);
    expect(found.find((k) => k.metric === 'move.ratio')?.check).toMatchObject({ size: 5000, value: 1.92, met: false });
    expect(found.find((k) => k.metric === 'load.sealed.median')?.check).toBeNull();
    const text = renderKeyBudgets([cli(5000, 1.4)]);
    expect(text).toContain('PASS  move ≤ 1.5× parse: 1.40× (cli, 5,000)');
    expect(text).toContain('store load.sealed.median: not measured in this run (needs store at 5,000)');
    expect(renderKeyBudgets([cli(500, 1.2)])).toContain('cli move.ratio: not measured in this run');
  });
});
