/** Dates as people read them; the core's dates are whole UTC days, so format them in UTC. */

const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY_NO_YEAR = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "12 Mar" (this year) or "12 Mar 2027"; the ISO text itself if it does not parse. */
export function formatDay(iso: string, today?: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return (today && today.slice(0, 4) === iso.slice(0, 4) ? DAY_NO_YEAR : DAY).format(date);
}

/** A timestamp's local calendar day, for history and notes. */
export function formatInstant(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime())
    ? timestamp
    : new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** A timestamp as a local day and time ("27 Nov, 10:02"), for "last synced". */
export function formatMoment(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime())
    ? timestamp
    : new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(date);
}
