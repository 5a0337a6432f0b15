/** Budget checks of a scenario's result: met or not, and whether this size is where the issue judges it. */
import { BUDGET_SIZE, type Budget, type ScenarioResult } from './scenario.js';

/** One budget check as stored in the summary; `judged` only at the size the issue judges it at, information elsewhere. */
export interface BudgetCheck {
  readonly scenario: string;
  readonly size: number;
  readonly metric: string;
  readonly text: string;
  readonly max: number;
  readonly value: number;
  readonly met: boolean;
  readonly judged: boolean;
  readonly judgedAt: number;
}

/** Whether a budget counts at this size (issue 7 judges them at 5,000 engagements unless the budget names its own size). */
export function isJudged(budget: Budget, size: number): boolean {
  return size === (budget.judgedAt ?? BUDGET_SIZE);
}

/** Budget checks of a result, in table order. */
export function budgetChecks(result: ScenarioResult): BudgetCheck[] {
  return result.metrics.flatMap((m) =>
    m.budget
      ? [
          {
            scenario: result.scenario,
            size: result.size,
            metric: m.id,
            text: m.budget.text,
            max: m.budget.max,
            value: m.ours,
            met: m.ours <= m.budget.max,
            judged: isJudged(m.budget, result.size),
            judgedAt: m.budget.judgedAt ?? BUDGET_SIZE,
          },
        ]
      : [],
  );
}
