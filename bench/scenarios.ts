/** The registry of scenarios `npm run bench` runs (and the smoke test checks are all there). */
import type { Scenario } from './scenario.js';
import { boardScenario } from './board-scenario.js';
import { cliScenario } from './cli-scenario.js';
import { discoverScenario } from './discover-scenario.js';
import { exportScenario } from './export-scenario.js';
import { insightScenario } from './insight-scenario.js';
import { intakeScenario } from './intake-scenario.js';
import { memoryScenario } from './memory-scenario.js';
import { storeScenario } from './store-scenario.js';
import { syncScenario } from './sync-scenario.js';
import { weekScenario } from './week-scenario.js';

/** Every scenario `--scenario` can name, in the order a full run executes them. */
export const SCENARIOS: readonly Scenario[] = [
  storeScenario,
  cliScenario,
  memoryScenario,
  boardScenario,
  syncScenario,
  discoverScenario,
  intakeScenario,
  exportScenario,
  insightScenario,
  weekScenario,
];
