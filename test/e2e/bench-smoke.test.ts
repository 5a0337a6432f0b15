/**
 * `npm run bench -- --smoke` runs every scenario end to end (the built bench, as CI has it after
 * `npm run build`): it exits 0, and its JSON summary holds a result for every registered scenario
 * with figures in it, and the budgets issue 27 names. Its figures are not judged here.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEY_BUDGETS } from '../../bench/key-budgets.js';
import { SCENARIOS } from '../../bench/scenarios.js';
import { runNode, tempDir } from '../helpers.js';
import { hasChromium } from './harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bench = join(root, 'dist/bench/run.js');

interface Summary {
  readonly profile: { readonly smoke: boolean };
  readonly results: readonly { scenario: string; metrics: readonly unknown[]; notes: readonly string[]; skipped?: string }[];
  readonly keyBudgets: readonly { scenario: string; metric: string }[];
}

describe.skipIf(!existsSync(bench))('npm run bench -- --smoke', () => {
  // A generous ceiling so a hang fails instead of holding CI; nothing asserts how long it took.
  it('runs every scenario to the end and writes a summary naming each', { timeout: 600_000 }, async () => {
    const out = join(await tempDir(), 'results.json');
    const run = await runNode([bench, '--smoke', '--out', out], { cwd: root });
    expect(run.stderr).not.toMatch(/bench failed/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('issue 27 budgets:');

    const summary = JSON.parse(await readFile(out, 'utf8')) as Summary;
    expect(summary.profile.smoke).toBe(true);
    expect(new Set(summary.results.map((r) => r.scenario))).toEqual(new Set(SCENARIOS.map((s) => s.name)));
    for (const result of summary.results) {
      // Without Chromium the browser scenarios say why they skipped (CI requires the browser).
      if (result.skipped !== undefined && !(hasChromium && ['board', 'week'].includes(result.scenario))) continue;
      expect({ scenario: result.scenario, skipped: result.skipped }).toEqual({ scenario: result.scenario, skipped: undefined });
      expect(result.metrics.length, result.scenario).toBeGreaterThan(0);
      expect(
        result.notes.filter((n) => /FAILED|is NOT/.test(n)),
        result.scenario,
      ).toEqual([]);
    }
    expect(summary.keyBudgets.map((k) => `${k.scenario} ${k.metric}`)).toEqual(KEY_BUDGETS.map((k) => `${k.scenario} ${k.metric}`));
  });
});
