/** The card dialog's fields beyond identity: phase, on hold, selection criteria (the retrospective has its own tab). */
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
  const area = (name: 'selection') => ({
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
    </>
  );
}
