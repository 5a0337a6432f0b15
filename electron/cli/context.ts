/** What a command runs with: its streams, environment, data folder and "today". */
import { localIsoDate } from '../../shared/dates.js';
import { isIsoDate } from '../../shared/dates.js';
import { UsageError } from './usage.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly env: NodeJS.ProcessEnv;
  readonly columns?: number;
  /** Resolves when the user asks a long-running command (serve) to stop. */
  readonly untilStopped: () => Promise<void>;
}

/** `PALS_NOW` when set (validated), else the local calendar date. */
export function today(env: NodeJS.ProcessEnv, clock: () => Date = () => new Date()): string {
  const fixed = env.PALS_NOW;
  if (fixed === undefined || fixed === '') return localIsoDate(clock());
  if (!isIsoDate(fixed)) throw new UsageError(`PALS_NOW must be a real date written YYYY-MM-DD (got "${fixed}")`);
  return fixed;
}
