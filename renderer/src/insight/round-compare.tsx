/** "Compare two rounds": two selects, their figures side by side, and median days per phase for both. */
import { useId, useState } from 'react';
import type { Insight, RoundInsight } from '../../../shared/insight.js';
import { phaseDaysChart } from '../../../shared/insight-charts.js';
import { PHASE_TITLES } from '../../../shared/phases.js';
import { TIMED_PHASES } from '../../../shared/windows.js';
import { ChartFigure } from './chart-figure.js';
import { onTimeText, PhaseTable } from './insight-tables.js';

const NONE = '';

/** The rounds compared by default: the current one and the one before it (or the last two). */
function defaults(data: Insight): [string, string] {
  const ids = data.rounds.map((r) => r.id);
  const at = Math.max(
    0,
    data.rounds.findIndex((r) => r.current),
  );
  const second = ids[at] ?? NONE;
  const first = at > 0 ? ids[at - 1]! : (ids.find((id) => id !== second) ?? NONE);
  return first === NONE ? [second, NONE] : [first, second];
}

const ROWS: readonly (readonly [string, (r: RoundInsight) => string])[] = [
  ['Engagements', (r) => String(r.engagements)],
  ['Done', (r) => String(r.done)],
  ['On hold', (r) => String(r.onHold)],
  ['Finished on time', onTimeText],
  ['Median hours', (r) => (r.hoursMedian === null ? '—' : `${r.hoursMedian} h`)],
  ['Total hours', (r) => `${r.hoursTotal} h`],
  ...TIMED_PHASES.filter((p) => p !== 'intake').map(
    (p) =>
      [
        `${PHASE_TITLES[p]}: median days (planned)`,
        (r: RoundInsight) => `${r.phases[p].medianDays === null ? '—' : r.phases[p].medianDays} (${r.phases[p].plannedDays ?? '—'})`,
      ] as const,
  ),
];

/** The comparison section. */
export function RoundCompare({ data }: { readonly data: Insight }) {
  const id = useId();
  const [picked, setPicked] = useState<[string, string]>(() => defaults(data));
  const chosen = picked
    .map((p) => data.rounds.find((r) => r.id === p))
    .filter((r, i, all): r is RoundInsight => r !== undefined && all.findIndex((x) => x?.id === r.id) === i);
  const select = (which: 0 | 1, label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${which}`} className="field-label">
        {label}
      </label>
      <select
        id={`${id}-${which}`}
        className="select"
        value={picked[which]}
        onChange={(e) => {
          const next: [string, string] = [...picked];
          next[which] = e.target.value;
          setPicked(next);
        }}
      >
        {which === 1 && <option value={NONE}>None</option>}
        {data.rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="insight-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="insight-title">
        Compare two rounds
      </h3>
      <div className="insight-picks">
        {select(0, 'First round')}
        {select(1, 'Second round')}
      </div>
      {data.rounds.length < 2 && <p className="muted">Start another round to compare two side by side.</p>}
      {chosen.length > 0 && (
        <div className="insight-compare">
          <table className="data-table">
            <caption>{chosen.map((r) => r.name).join(' and ')}, side by side</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                {chosen.map((r) => (
                  <th key={r.id} scope="col" dir="auto">
                    {r.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ROWS.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {chosen.map((r) => (
                    <td key={r.id}>{value(r)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <ChartFigure svg={phaseDaysChart(chosen)} caption="Median days per phase against the planned window">
            <PhaseTable rounds={chosen} />
          </ChartFigure>
        </div>
      )}
    </section>
  );
}
