/**
 * The budgets issue 27 names, gathered from the scenarios at the end of a run so a change to the
 * storage layout reads them in one place: pass, fail, or not measured at the budget's size.
 */
import { formatValue } from './format.js';
import { budgetChecks, type BudgetCheck } from './budget-checks.js';
import type { ScenarioResult, Unit } from './scenario.js';

/** Where each budget is measured: scenario, metric id, and what a run needs to judge it. */
export const KEY_BUDGETS: readonly { readonly scenario: string; readonly metric: string; readonly unit: Unit; readonly needs: string }[] = [
  { scenario: 'store', metric: 'load.sealed.median', unit: 'ms', needs: 'store at 5,000' },
  { scenario: 'cli', metric: 'move.ratio', unit: 'ratio', needs: 'cli at 5,000' },
  { scenario: 'cli', metric: 'show.ratio', unit: 'ratio', needs: 'cli at 5,000' },
  { scenario: 'memory', metric: 'rss.worst', unit: 'bytes', needs: 'memory at 20,000' },
  { scenario: 'cli', metric: 'startup.ratio', unit: 'ratio', needs: 'cli at 5,000' },
  { scenario: 'sync', metric: 'again-ratio', unit: 'ratio', needs: 'sync at 2,000 (a full run)' },
  { scenario: 'sync', metric: 'again-points', unit: 'count', needs: 'sync at 2,000 (a full run)' },
];

/** One key budget's outcome: the judged check, or what the run lacked. */
export interface KeyBudget {
  readonly scenario: string;
  readonly metric: string;
  readonly check: BudgetCheck | null;
  readonly needs: string;
}

/** The key budgets' outcomes in this run (the judged check of each, when a scenario measured it at its size). */
export function keyBudgets(results: readonly ScenarioResult[]): KeyBudget[] {
  const checks = results.flatMap(budgetChecks).filter((c) => c.judged);
  return KEY_BUDGETS.map(({ scenario, metric, needs }) => ({
    scenario,
    metric,
    needs,
    check: checks.find((c) => c.scenario === scenario && c.metric === metric && (metric !== 'again-points' || c.size === 2000)) ?? null,
  }));
}

/** The block printed at the end of a run. */
export function renderKeyBudgets(results: readonly ScenarioResult[]): string {
  const lines = keyBudgets(results).map(({ check, needs, scenario, metric }, i) => {
    if (!check) return `  —     ${scenario} ${metric}: not measured in this run (needs ${needs})`;
    const value = formatValue(check.value, KEY_BUDGETS[i]!.unit);
    return `  ${check.met ? 'PASS' : 'FAIL'}  ${check.text}: ${value} (${scenario}, ${check.size.toLocaleString('en-US')})`;
  });
  return ['issue 27 budgets:', ...lines].join('\n');
}
