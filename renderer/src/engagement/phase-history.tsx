/**
 * Where a card has been: every move (from → to, when), oldest first. "Edit history" turns the
 * list into rows (phase and day per step) that can be added, removed and re-dated, so a round
 * entered after the fact gets its true dates; the core checks the days (real, not after today,
 * in order) and its refusal shows beside the step it names.
 */
import { useId, useState } from 'react';
import { dayOf, type HistoryStep } from '../../../shared/history.js';
import { PHASE_TITLES, PHASES, phaseIndex, type Phase } from '../../../shared/phases.js';
import type { PhaseChange } from '../../../shared/schema.js';
import type { EngagementView } from '../../../shared/view.js';
import { formatInstant } from '../format/dates.js';
import { useRowFocus } from '../forms/use-row-focus.js';
import { useAppStore } from '../store/store-context.js';
import { notSavedText } from '../feedback/not-saved.js';

const SOURCES: Readonly<Record<PhaseChange['source'], string>> = { local: '', github: ' (from GitHub)', import: ' (imported)' };

/** The steps of a stored history (a card without one starts where it is, on the day it was added). */
function stepsOf(e: EngagementView): HistoryStep[] {
  if (e.history.length === 0) return [{ to: e.phase, on: dayOf(e.createdAt) }];
  return e.history.map((h) => ({ to: h.to, on: dayOf(h.at) }));
}

/** The step a message of the core names ("step 2 (draft): …"), 0-based, or null. */
function stepOfMessage(message: string): number | null {
  const m = /^step (\d+)\b/.exec(message);
  return m ? Number(m[1]) - 1 : null;
}

/** The phase a new step most likely moves to: the one after the last step's. */
function nextPhase(last: Phase): Phase {
  return PHASES[Math.min(PHASES.length - 1, phaseIndex(last) + 1)]!;
}

/** The phase history section (read, then edit). */
export function PhaseHistory({ engagement }: { readonly engagement: EngagementView }) {
  const titleId = useId();
  const prefix = useId();
  const today = useAppStore((s) => s.board?.today ?? new Date().toISOString().slice(0, 10));
  const editHistory = useAppStore((s) => s.editHistory);
  const announce = useAppStore((s) => s.announce);
  const [steps, setSteps] = useState<HistoryStep[] | null>(null);
  const [error, setError] = useState<{ step: number | null; message: string } | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const { list, addButton, focusRow } = useRowFocus('select');
  const history = engagement.history;

  const edit = (next: HistoryStep[] | null) => {
    setSteps(next);
    setError(null);
    setStatus('');
  };
  const change = (i: number, patch: Partial<HistoryStep>) => {
    if (!steps) return;
    edit(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  };

  const save = async () => {
    if (!steps || busy) return;
    setBusy(true);
    setStatus('Saving…');
    const res = await editHistory(engagement.id, steps);
    setBusy(false);
    if (!res.ok) {
      setError({ step: stepOfMessage(res.error.message), message: res.error.message });
      setStatus(notSavedText(res.error.message));
      return;
    }
    setSteps(null);
    setError(null);
    setStatus('History saved');
    announce(`${engagement.name}: phase history saved.`);
  };

  const errorId = (i: number) => `${prefix}-step-${i}-error`;
  return (
    <section className="side-section" aria-labelledby={titleId}>
      <div className="side-head">
        <h3 id={titleId} className="side-title">
          Phase history
        </h3>
        {!steps && (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => {
              edit(stepsOf(engagement));
              focusRow(0);
            }}
          >
            Edit history
          </button>
        )}
      </div>
      {steps ? (
        <div className="history-edit" role="group" aria-label="Edit the phase history">
          <p className="field-hint">
            The first step is where the card started. Each day must not be after today nor before the step above.
          </p>
          <ol ref={list} className="history-rows">
            {steps.map((s, i) => {
              const invalid = error?.step === i;
              const described = invalid ? errorId(i) : undefined;
              return (
                <li key={i} className="history-row">
                  <span className="history-step" aria-hidden="true">
                    {i + 1}.
                  </span>
                  <select
                    className="select"
                    aria-label={`Phase of step ${i + 1}`}
                    aria-invalid={invalid || undefined}
                    aria-describedby={described}
                    value={s.to}
                    onChange={(e) => {
                      change(i, { to: e.target.value as Phase });
                    }}
                  >
                    {PHASES.map((p) => (
                      <option key={p} value={p}>
                        {PHASE_TITLES[p]}
                      </option>
                    ))}
                  </select>
                  <input
                    type="date"
                    className="input"
                    aria-label={`Date of step ${i + 1}`}
                    aria-invalid={invalid || undefined}
                    aria-describedby={described}
                    max={today}
                    value={s.on}
                    onChange={(e) => {
                      change(i, { on: e.target.value });
                    }}
                  />
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Remove step ${i + 1}`}
                    disabled={steps.length === 1}
                    onClick={() => {
                      edit(steps.filter((_, j) => j !== i));
                      focusRow(steps.length > 2 ? Math.min(i, steps.length - 2) : -1);
                    }}
                  >
                    Remove
                  </button>
                  {invalid && (
                    <p id={errorId(i)} className="field-error history-error">
                      {error.message}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
          {error && error.step === null && (
            <p role="alert" className="form-error">
              {error.message}
            </p>
          )}
          <div className="form-actions history-actions">
            <button
              ref={addButton}
              type="button"
              className="button button--small"
              onClick={() => {
                const last = steps[steps.length - 1];
                edit([...steps, { to: last ? nextPhase(last.to) : engagement.phase, on: today }]);
                focusRow(steps.length);
              }}
            >
              Add move
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                edit(null);
              }}
            >
              Cancel
            </button>
            <button
              type="button"
              className="button button--small button--primary"
              aria-disabled={busy || undefined}
              onClick={() => void save()}
            >
              Save history
            </button>
          </div>
        </div>
      ) : history.length === 0 ? (
        <p className="muted">No moves recorded.</p>
      ) : (
        <ol className="history">
          {history.map((h, i) => (
            <li key={`${h.at}-${i}`} className="history-item">
              <span className="history-move">
                {h.from === null ? `Added in ${PHASE_TITLES[h.to]}` : `${PHASE_TITLES[h.from]} → ${PHASE_TITLES[h.to]}`}
                {SOURCES[h.source]}
              </span>
              <time className="history-when" dateTime={h.at}>
                {formatInstant(h.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {/* Said to screen readers; on screen the message already sits beside the step it names. */}
      <p role="status" className={error?.step != null ? 'visually-hidden' : 'save-state'}>
        {status}
      </p>
    </section>
  );
}
