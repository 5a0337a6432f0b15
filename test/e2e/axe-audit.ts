/**
 * axe-core in a real page: injected through the DevTools protocol (page.evaluate), so the app's
 * strict CSP stays on, then run over the whole document. Violations come back with their impact
 * and the elements at fault, for the test to assert on and to print.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { untilStill } from './harness.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe rule that failed, with where. */
export interface Violation {
  readonly id: string;
  readonly impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** Runs axe over the page once nothing moves (colour contrast is measured on what is painted; WCAG 2.1 A/AA plus best practices). */
export async function audit(page: Page): Promise<Violation[]> {
  await untilStill(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: Violation['impact']; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Serious and critical violations (what fails the suite). */
export function blocking(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation, for the log. */
export function describeViolations(screen: string, violations: readonly Violation[]): string {
  if (violations.length === 0) return `axe ${screen}: no violations`;
  const lines = violations.map((v) => `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.targets.slice(0, 3).join(', ')})`);
  return `axe ${screen}: ${String(violations.length)} violations\n${lines.join('\n')}`;
}
