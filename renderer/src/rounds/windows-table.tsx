/**
 * A round's phase windows as a small table: start and end week per phase, the core's message
 * beside the phase at fault, and the days each window covers for a sample kickoff.
 */
import { Fragment, useState } from 'react';
import { isIsoDate } from '../../../shared/dates.js';
import { PHASE_TITLES, type TimedPhase } from '../../../shared/phases.js';
import { TIMED_PHASES } from '../../../shared/windows.js';
import { windowDates } from '../../../shared/window-dates.js';
import { formatDay } from '../format/dates.js';
import type { CheckedWindows, WindowTexts } from './window-values.js';

interface Props {
  readonly prefix: string;
  readonly texts: WindowTexts;
  /** The texts checked as the core checks them (the preview needs them valid). */
  readonly checked: CheckedWindows;
  /** Show the message (after a first save attempt, or as soon as a field changes). */
  readonly showError: boolean;
  readonly today: string;
  readonly onChange: (phase: TimedPhase, end: 'start' | 'end', text: string) => void;
}

/** The table and its sample kickoff. */
export function WindowsTable({ prefix, texts, checked, showError, today, onChange }: Props) {
  const [kickoff, setKickoff] = useState(today);
  const sample = isIsoDate(kickoff) ? kickoff : null;
  const dates = checked.ok && sample ? new Map(windowDates(sample, checked.windows).map((d) => [d.phase, d])) : null;
  const errorPhase = showError && !checked.ok ? checked.phase : null;
  const tableError = showError && !checked.ok && checked.phase === null ? checked.message : null;
  const errorId = (p: TimedPhase | 'table') => `${prefix}-windows-${p}-error`;
  const week = (phase: TimedPhase, end: 'start' | 'end') => {
    const label = `${PHASE_TITLES[phase]} ${end === 'start' ? 'start' : 'end'} week`;
    const invalid = errorPhase === phase;
    return (
      <input
        type="number"
        inputMode="numeric"
        min={0}
        max={104}
        step={1}
        className="input rounds-week"
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId(phase) : undefined}
        value={texts[phase][end]}
        onChange={(e) => {
          onChange(phase, end, e.target.value);
        }}
      />
    );
  };
  return (
    <div className="rounds-windows">
      <div className="field rounds-sample">
        <label htmlFor={`${prefix}-sample`} className="field-label">
          Sample kickoff
        </label>
        <input
          id={`${prefix}-sample`}
          type="date"
          className="input"
          value={kickoff}
          aria-describedby={`${prefix}-sample-hint`}
          onChange={(e) => {
            setKickoff(e.target.value);
          }}
        />
        <p id={`${prefix}-sample-hint`} className="field-hint">
          Only for the preview: each engagement counts from its own kickoff.
        </p>
      </div>
      <table className="rounds-table" aria-describedby={tableError ? errorId('table') : undefined}>
        <caption className="rounds-caption">Phase windows, in weeks from the kickoff (week 0 is the kickoff itself)</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Start week</th>
            <th scope="col">End week</th>
            <th scope="col">
              {!sample
                ? 'Dates (choose a sample kickoff)'
                : dates
                  ? `Dates for a kickoff on ${formatDay(sample, today)}`
                  : 'Dates (fix the weeks to see them)'}
            </th>
          </tr>
        </thead>
        <tbody>
          {TIMED_PHASES.map((phase) => {
            const d = dates?.get(phase);
            return (
              <Fragment key={phase}>
                <tr className={errorPhase === phase ? 'rounds-row--invalid' : undefined}>
                  <th scope="row">{PHASE_TITLES[phase]}</th>
                  <td>{week(phase, 'start')}</td>
                  <td>{week(phase, 'end')}</td>
                  <td className="rounds-dates">
                    {d ? (
                      d.start === d.end ? (
                        <time dateTime={d.end}>{formatDay(d.end, today)}</time>
                      ) : (
                        <>
                          <time dateTime={d.start}>{formatDay(d.start, today)}</time> –{' '}
                          <time dateTime={d.end}>{formatDay(d.end, today)}</time>
                        </>
                      )
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
                {errorPhase === phase && !checked.ok && (
                  <tr>
                    <td colSpan={4}>
                      <p id={errorId(phase)} className="field-error">
                        {checked.message}
                      </p>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {tableError && (
        <p id={errorId('table')} className="field-error">
          {tableError}
        </p>
      )}
    </div>
  );
}
