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

/**
 * The clock for stamps (a move's history entry, a note's times): with `PALS_NOW`, that day at the
 * current local time of day, so a history recorded under a fixed today is dated that day on the
 * wall clock (the one rule for dates) and `move --on` / insight see it in order; else the real clock.
 */
export function clock(env: NodeJS.ProcessEnv, real: () => Date = () => new Date()): () => Date {
  const day = today(env, real);
  if (env.PALS_NOW === undefined || env.PALS_NOW === '') return real;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return () => {
    const t = real();
    return new Date(y, m - 1, d, t.getHours(), t.getMinutes(), t.getSeconds(), t.getMilliseconds());
  };
}
