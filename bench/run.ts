/**
 * `npm run bench`: runs the registered scenarios at each size, prints a table per result and
 * writes the JSON summary. Add a scenario by implementing `Scenario` and listing it in scenarios.ts.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE } from './args.js';
import { growthOf } from './growth.js';
import { renderGrowth } from './growth-report.js';
import { renderKeyBudgets } from './key-budgets.js';
import { machineInfo } from './machine.js';
import { renderMachine, renderResult, writeSummary } from './report.js';
import { profileFor, type ScenarioResult } from './scenario.js';
import { SCENARIOS } from './scenarios.js';
/** bench/results.json in the source tree (this file runs from dist/bench/). */
const DEFAULT_OUT = fileURLToPath(new URL('../../bench/results.json', import.meta.url));

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\nscenarios: ${SCENARIOS.map((s) => `${s.name} (${s.description})`).join('; ')}\n`);
    return 0;
  }
  const unknown = args.scenarios.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}\n`);
    return 2;
  }
  const selected = args.scenarios.length ? SCENARIOS.filter((s) => args.scenarios.includes(s.name)) : SCENARIOS;
  const profile = profileFor(args.quick, args.smoke);
  const machine = machineInfo();
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
  process.stdout.write(`${renderMachine(machine, profile)}\n`);
  const results: ScenarioResult[] = [];
  const started = performance.now();
  for (const scenario of selected) {
    const sizes = scenario.sizes && (!args.sizesGiven || scenario.ownSizes) ? scenario.sizes(profile) : args.sizes;
    for (const size of sizes) {
      const t0 = performance.now();
      const result = await scenario.run({ size, seed: args.seed, profile, log });
      log(`${scenario.name} at ${size.toLocaleString('en-US')}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      process.stdout.write(`${renderResult(result)}\n`);
      results.push(result);
    }
    const growth = renderGrowth(scenario.name, growthOf(results));
    if (growth) process.stdout.write(`${growth}\n`);
  }
  process.stdout.write(`\n${renderKeyBudgets(results)}\n`);
  const out = args.out ? resolve(args.out) : DEFAULT_OUT;
  await writeSummary(out, { machine, profile, seed: args.seed, argv, results });
  process.stdout.write(`\nfinished in ${((performance.now() - started) / 1000).toFixed(1)} s; JSON summary: ${out}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
});
