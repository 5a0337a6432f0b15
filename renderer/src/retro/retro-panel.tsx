/**
 * The card dialog's Retrospective tab: initial reaction, hours spent, tagged learnings and the
 * five retrospective questions, autosaved like notes (only what changed is sent).
 */
import { useEffect, useId, useSyncExternalStore } from 'react';
import type { EngagementView } from '../../../shared/view.js';
import { TextAreaField, TextField } from '../forms/fields.js';
import { SaveStatus } from '../notes/save-status.js';
import { useAutosave } from '../notes/use-autosave.js';
import { useAppStore } from '../store/store-context.js';
import { LearningsEditor } from './learnings-editor.js';
import type { RetroSession } from './retro-session.js';
import { RETRO_QUESTIONS, retroProblems, type RetroValues } from './retro-values.js';

/** The Retrospective tab panel's content (its session outlives tab switches). */
export function RetroPanel({ engagement, session }: { readonly engagement: EngagementView; readonly session: RetroSession }) {
  const pushToast = useAppStore((s) => s.pushToast);
  const prefix = useId();
  const { engine } = session;
  const state = useAutosave(engine, (last) => {
    if (last.kind === 'failed') pushToast('error', `The retrospective of ${engagement.name} was not saved: ${last.message}`);
  });
  const values = useSyncExternalStore(engine.subscribe, engine.latest);
  const errors = retroProblems(values);

  useEffect(() => {
    session.adopt(engagement);
  }, [engagement, session]);

  const set = (patch: Partial<RetroValues>) => {
    engine.update({ ...engine.latest(), ...patch });
  };

  return (
    <div className="retro">
      <div className="retro-head">
        <div>
          <h3 className="side-title">Retrospective record</h3>
          <p className="field-hint">What this engagement taught; it feeds the round&apos;s retrospective deck. Saved as you type.</p>
        </div>
        <SaveStatus state={state} onRetry={() => void engine.flush()} />
      </div>
      <div className="retro-grid">
        <div className="retro-col">
          <TextAreaField
            prefix={prefix}
            name="reaction"
            label="Initial reaction"
            error={errors.reaction}
            rows={3}
            value={values.reaction}
            onChange={(reaction) => {
              set({ reaction });
            }}
          />
          <TextField
            prefix={prefix}
            name="hours"
            label="Hours spent"
            hint="By the pal, on this engagement"
            error={errors.hours}
            className="input input--hours"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={values.hours}
            onChange={(hours) => {
              set({ hours });
            }}
          />
          <LearningsEditor
            rows={values.learnings}
            errors={errors}
            onChange={(learnings) => {
              set({ learnings });
            }}
          />
        </div>
        <div className="retro-col">
          {RETRO_QUESTIONS.map(([key, label]) => (
            <TextAreaField
              key={key}
              prefix={prefix}
              name={key}
              label={label}
              error={errors[key]}
              rows={2}
              value={values.answers[key]}
              onChange={(text) => {
                set({ answers: { ...engine.latest().answers, [key]: text } });
              }}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
