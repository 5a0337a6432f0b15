/** The Insight view's figures as tables: the data behind each chart, readable without it. */
import type { Insight, RoundInsight } from '../../../shared/insight.js';
import { PHASE_TITLES } from '../../../shared/phases.js';
import { TIMED_PHASES } from '../../../shared/windows.js';

/** "75% (3 of 4)", or "nothing due yet". */
export function onTimeText(r: RoundInsight): string {
  return r.onTime === null ? 'nothing due yet' : `${Math.round(r.onTime * 100)}% (${r.onTimeCount} of ${r.dueCount})`;
}

const days = (n: number | null) => (n === null ? '—' : `${n} d`);
const hours = (n: number | null) => (n === null ? '—' : `${n} h`);

type RoundColumn = readonly [string, (r: RoundInsight) => string | number];

/** Every column of the rounds table; a chart's table shows the ones it draws. */
const ROUND_COLUMNS = {
  engagements: ['Engagements', (r) => r.engagements],
  done: ['Done', (r) => r.done],
  onHold: ['On hold', (r) => r.onHold],
  onTime: ['Finished on time', onTimeText],
  hoursMedian: ['Median hours', (r) => hours(r.hoursMedian)],
  hoursTotal: ['Total hours', (r) => hours(r.hoursTotal)],
} as const satisfies Record<string, RoundColumn>;

/** A rounds table column's key. */
export type RoundColumnKey = keyof typeof ROUND_COLUMNS;

/** Per round: the figures of `columns` (default: all of them). */
export function RoundsTable(props: { readonly data: Insight; readonly caption: string; readonly columns?: readonly RoundColumnKey[] }) {
  const columns = (props.columns ?? (Object.keys(ROUND_COLUMNS) as RoundColumnKey[])).map((k) => [k, ROUND_COLUMNS[k]] as const);
  return (
    <table className="data-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Round</th>
          {columns.map(([key, [label]]) => (
            <th key={key} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.data.rounds.map((r) => (
          <tr key={r.id}>
            <th scope="row" dir="auto">
              {r.name}
              {r.current && <span className="muted"> (current)</span>}
            </th>
            {columns.map(([key, [, value]]) => (
              <td key={key}>{value(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Median days per phase against the planned days, one pair of columns per round. */
export function PhaseTable({ rounds }: { readonly rounds: readonly RoundInsight[] }) {
  return (
    <table className="data-table">
      <caption>Median days per phase against the planned window (days from each card&apos;s phase history)</caption>
      <thead>
        <tr>
          <th scope="col">Phase</th>
          {rounds.map((r) => [
            <th key={`${r.id}-m`} scope="col" dir="auto">
              {r.name}: median
            </th>,
            <th key={`${r.id}-p`} scope="col" dir="auto">
              {r.name}: planned
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {TIMED_PHASES.map((p) => (
          <tr key={p}>
            <th scope="row">{PHASE_TITLES[p]}</th>
            {rounds.map((r) => [
              <td key={`${r.id}-m`}>
                {days(r.phases[p].medianDays)}
                {r.phases[p].count > 0 && <span className="muted"> (n={r.phases[p].count})</span>}
              </td>,
              <td key={`${r.id}-p`}>{days(r.phases[p].plannedDays)}</td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per pal: engagements in each round, and in all. */
export function PalsTable({ data }: { readonly data: Insight }) {
  if (data.pals.length === 0) return <p className="muted">No pal is named on any engagement yet.</p>;
  return (
    <table className="data-table">
      <caption>Engagements per pal and round</caption>
      <thead>
        <tr>
          <th scope="col">Pal</th>
          {data.rounds.map((r) => (
            <th key={r.id} scope="col" dir="auto">
              {r.name}
            </th>
          ))}
          <th scope="col">All rounds</th>
        </tr>
      </thead>
      <tbody>
        {data.pals.map((p) => (
          <tr key={p.pal}>
            <th scope="row" dir="auto">
              {p.pal}
            </th>
            {data.rounds.map((r) => (
              <td key={r.id}>{p.rounds[r.id] ?? 0}</td>
            ))}
            <td>{p.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
