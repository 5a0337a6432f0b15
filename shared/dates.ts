/**
 * Calendar dates as `YYYY-MM-DD` strings. All arithmetic is on whole UTC days so a
 * coordinator's time zone never shifts a deadline by one.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Milliseconds in one (UTC) day, for arithmetic on timestamps. */
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a real calendar date, or null (2026-02-30 is null). */
export function dayNumber(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return ms / MS_PER_DAY;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(date: string): boolean {
  return dayNumber(date) !== null;
}

/** The `YYYY-MM-DD` form of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` plus `days` (negative goes back). Throws on a date that is not real. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`not a calendar date: ${date}`);
  return fromDayNumber(n + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null) throw new RangeError(`not a calendar date: ${a === null ? from : to}`);
  return b - a;
}

/**
 * The calendar day of a stored timestamp on the coordinator's wall clock: the one rule for dates
 * ("today" is the local day too). A move at 21:30 in New York on 31 December is on the 31st,
 * though its UTC timestamp says 1 January.
 */
export function dayOf(at: string): IsoDate {
  const instant = new Date(at);
  return Number.isNaN(instant.getTime()) ? at.slice(0, 10) : localIsoDate(instant);
}

/** Noon of a local calendar day as a timestamp (a day's stamp that stays that day in any time zone's own view). */
export function localNoon(date: IsoDate): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12).toISOString();
}

/** The local calendar date of an instant, as the coordinator's wall clock shows it. */
export function localIsoDate(instant: Date): IsoDate {
  const y = instant.getFullYear();
  const m = String(instant.getMonth() + 1).padStart(2, '0');
  const d = String(instant.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
