/** The card dialog's fields beyond identity: phase, on hold, selection, reaction, learnings, hours. */
import { PHASES, PHASE_TITLES, type Phase } from '../../../shared/phases.js';
import type { EngagementFormValues } from '../forms/engagement-values.js';
import type { FieldErrors } from '../forms/field-errors.js';
import { CheckboxField, Field } from '../forms/fields.js';

interface Props {
  readonly prefix: string;
  readonly values: EngagementFormValues;
  readonly errors: FieldErrors;
  readonly onChange: (patch: Partial<EngagementFormValues>) => void;
}

/** Labelled fields with their errors beside them. */
export function RecordFields({ prefix, values, errors, onChange }: Props) {
  const area = (name: 'selection' | 'reaction' | 'learnings') => ({
    value: values[name],
    onChange: (e: { target: { value: string } }) => {
      onChange({ [name]: e.target.value });
    },
  });
  return (
    <>
      <Field prefix={prefix} name="phase" label="Phase" error={errors.phase}>
        {(c) => (
          <select
            {...c}
            className="select"
            value={values.phase}
            onChange={(e) => {
              onChange({ phase: e.target.value as Phase });
            }}
          >
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {PHASE_TITLES[p]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field prefix={prefix} name="hours" label="Hours spent" error={errors.hours}>
        {(c) => (
          <input
            {...c}
            className="input"
            type="number"
            min="0"
            step="0.5"
            inputMode="decimal"
            value={values.hours}
            onChange={(e) => {
              onChange({ hours: e.target.value });
            }}
          />
        )}
      </Field>
      <CheckboxField
        prefix={prefix}
        name="onHold"
        label="On hold"
        checked={values.onHold}
        onChange={(onHold) => {
          onChange({ onHold });
        }}
      />
      <Field prefix={prefix} name="selection" label="Selection criteria" error={errors.selection} wide>
        {(c) => <textarea {...c} className="textarea" rows={2} {...area('selection')} />}
      </Field>
      <Field prefix={prefix} name="reaction" label="Initial reaction" error={errors.reaction} wide>
        {(c) => <textarea {...c} className="textarea" rows={2} {...area('reaction')} />}
      </Field>
      <Field prefix={prefix} name="learnings" label="Learnings" hint="One per line" error={errors.learnings} wide>
        {(c) => <textarea {...c} className="textarea" rows={3} {...area('learnings')} />}
      </Field>
    </>
  );
}
