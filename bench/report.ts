/** Turns scenario results into the stdout table and the JSON summary (bench/results.json). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatRatio, formatValue, table } from './format.js';
import { growthOf } from './growth.js';
import { budgetChecks, isJudged } from './budget-checks.js';
import { keyBudgets } from './key-budgets.js';
import type { MachineInfo } from './machine.js';
import { BUDGET_SIZE, type Metric, type Profile, type ScenarioResult, type Unit } from './scenario.js';

/** ours / naive, or null without a baseline. */
export function ratioOf(metric: Metric): number | null {
  return metric.naive === undefined || metric.naive === 0 ? null : metric.ours / metric.naive;
}

/** A budget limit with its unit, e.g. "≤ 100 ms", "≤ 300.0 MB", "≤ 1500". */
function limitText(max: number, unit: Unit): string {
  if (unit === 'bytes') return `≤ ${formatValue(max, unit)}`;
  return `≤ ${max}${unit === 'ms' ? ' ms' : unit === 'ratio' ? '×' : ''}`;
}

/** The table rows; the naive and ratio columns only when some metric has a baseline. */
function tableRows(result: ScenarioResult): string[][] {
  const compared = result.metrics.some((m) => m.naive !== undefined);
  const head = compared
    ? ['metric', 'ours', `naive (${result.baseline ?? 'lowdb'})`, 'ours/naive', 'budget']
    : ['metric', 'value', 'budget'];
  return [
    head,
    ...result.metrics.map((m) => {
      const verdict = m.budget && m.ours <= m.budget.max ? 'PASS' : 'FAIL';
      const judged = m.budget ? isJudged(m.budget, result.size) : false;
      const budget = m.budget ? `${limitText(m.budget.max, m.unit)} ${judged ? verdict : `(${verdict.toLowerCase()}, info)`}` : '';
      const value = formatValue(m.ours, m.unit);
      return compared ? [m.label, value, formatValue(m.naive, m.unit), formatRatio(ratioOf(m)), budget] : [m.label, value, budget];
    }),
  ];
}

/** The table, budget lines and notes for one result, ready to print. */
export function renderResult(result: ScenarioResult): string {
  const title = `\n== ${result.scenario} — ${result.size.toLocaleString('en-US')} engagements ==`;
  if (result.skipped !== undefined) return [title, `SKIPPED: ${result.skipped}`, ...result.notes.map((n) => `  - ${n}`)].join('\n');
  const checks = budgetChecks(result);
  const lines = [title, table(tableRows(result)), ''];
  if (checks.length > 0) lines.push(`budgets (judged at ${checks[0]!.judgedAt.toLocaleString('en-US')}; "info" at other sizes):`);
  for (const b of checks) {
    const unit = result.metrics.find((m) => m.id === b.metric)?.unit ?? 'count';
    const verdict = b.met ? 'PASS' : 'FAIL';
    lines.push(`  ${b.judged ? verdict : `${verdict.toLowerCase()} (info)`}  ${b.text}: ${formatValue(b.value, unit)}`);
  }
  lines.push('notes:', ...result.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

/** The machine line printed before the first table. */
export function renderMachine(machine: MachineInfo, profile: Profile): string {
  const mem = (machine.totalMemBytes / 1024 ** 3).toFixed(1);
  const mode = profile.smoke
    ? 'smoke (proves every scenario runs; figures mean nothing)'
    : profile.quick
      ? 'quick (figures to compare, not to quote)'
      : 'full';
  return `${machine.cpuModel} ×${machine.cpuCount}, ${mem} GB, node ${machine.node}, ${machine.platform}/${machine.arch}; ${mode} run`;
}

/** Writes the JSON summary (figures, baselines, ratios, budgets, growth with size, machine) to `file`. */
export async function writeSummary(
  file: string,
  input: { machine: MachineInfo; profile: Profile; seed: number; argv: readonly string[]; results: readonly ScenarioResult[] },
): Promise<void> {
  const budgets = input.results.flatMap(budgetChecks);
  const summary = {
    generatedAt: new Date().toISOString(),
    argv: input.argv,
    seed: input.seed,
    profile: input.profile,
    machine: input.machine,
    results: input.results.map((r) => ({
      scenario: r.scenario,
      size: r.size,
      metrics: r.metrics.map((m) => ({
        ...m,
        naive: m.naive ?? null,
        ratio: ratioOf(m),
        met: m.budget ? m.ours <= m.budget.max : null,
        judged: m.budget ? isJudged(m.budget, r.size) : null,
      })),
      notes: r.notes,
      ...(r.baseline === undefined ? {} : { baseline: r.baseline }),
      ...(r.skipped === undefined ? {} : { skipped: r.skipped }),
    })),
    budgetSize: BUDGET_SIZE,
    budgets,
    /** Over the budgets judged in this run (none when no scenario ran at its budget's size). */
    allBudgetsMet: budgets.filter((b) => b.judged).every((b) => b.met),
    budgetsJudged: budgets.filter((b) => b.judged).length,
    growth: growthOf(input.results),
    /** The budgets issue 27 names (key-budgets.ts): each judged check, or null when this run did not measure it. */
    keyBudgets: keyBudgets(input.results),
  };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(summary, null, 2)}\n`);
}
