/** "Today" for due dates: `PALS_NOW` when set (tests, demos), else the local calendar date. */
import { isIsoDate, localIsoDate } from '../../shared/dates.js';
import { PalsError } from '../../shared/errors.js';

/** Today's date; a malformed `PALS_NOW` is refused with a message naming it. */
export function today(env: NodeJS.ProcessEnv, clock: () => Date = () => new Date()): string {
  const fixed = env.PALS_NOW;
  if (fixed === undefined || fixed === '') return localIsoDate(clock());
  if (!isIsoDate(fixed)) throw new PalsError('invalid-input', `PALS_NOW must be a real date written YYYY-MM-DD (got "${fixed}")`);
  return fixed;
}
