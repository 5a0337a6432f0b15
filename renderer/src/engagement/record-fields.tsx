/** The card dialog's fields beyond identity: phase, on hold, selection criteria (the retrospective has its own tab). */
import { PHASES, PHASE_TITLES } from '../../../shared/phases.js';
import type { EngagementFormValues } from '../forms/engagement-values.js';
import type { FieldErrors } from '../forms/field-errors.js';
import { CheckboxField, ChoiceSelect, Field } from '../forms/fields.js';

interface Props {
  readonly prefix: string;
  readonly values: EngagementFormValues;
  readonly errors: FieldErrors;
  readonly onChange: (patch: Partial<EngagementFormValues>) => void;
}

/** Labelled fields with their errors beside them. */
export function RecordFields({ prefix, values, errors, onChange }: Props) {
  return (
    <>
      <Field prefix={prefix} name="phase" label="Phase" error={errors.phase}>
        {(c) => (
          <ChoiceSelect
            control={c}
            value={values.phase}
            choices={PHASES}
            labels={PHASE_TITLES}
            onChange={(phase) => {
              onChange({ phase });
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
        {(c) => (
          <textarea
            {...c}
            className="textarea"
            rows={2}
            value={values.selection}
            onChange={(e) => {
              onChange({ selection: e.target.value });
            }}
          />
        )}
      </Field>
    </>
  );
}
