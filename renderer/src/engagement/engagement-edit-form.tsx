/** Edits every field of an engagement; only what changed is sent, and a phase change is a move. */
import { useId, useState, type SubmitEvent } from 'react';
import { EngagementPatchSchema } from '../../../shared/inputs.js';
import type { EngagementView } from '../../../shared/view.js';
import { changedFields, valuesOf, type EngagementFormValues } from '../forms/engagement-values.js';
import { serverErrors, zodFieldErrors, type FieldErrors } from '../forms/field-errors.js';
import { FormError } from '../forms/fields.js';
import { useAppStore } from '../store/store-context.js';
import { CriteriaFields } from './criteria-fields.js';
import { IdentityFields } from './identity-fields.js';
import { RecordFields } from './record-fields.js';

const FIELDS = [
  'name',
  'maturity',
  'repo',
  'kickoff',
  'pals',
  'issue',
  'onHold',
  'selection',
  'security',
  'sponsor',
  'sponsorLink',
  'priority',
];
const same = (a: EngagementFormValues, b: EngagementFormValues) => JSON.stringify(a) === JSON.stringify(b);

/** The form; `onCancel` closes the dialog without saving. */
export function EngagementEditForm({ engagement, onCancel }: { readonly engagement: EngagementView; readonly onCancel: () => void }) {
  const edit = useAppStore((s) => s.edit);
  const move = useAppStore((s) => s.move);
  const [source, setSource] = useState(engagement);
  const [initial, setInitial] = useState(() => valuesOf(engagement));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const prefix = useId();

  // A change saved elsewhere (the CLI, another window) shows up here unless the user is mid-edit.
  if (engagement !== source) {
    setSource(engagement);
    if (same(values, initial)) {
      setInitial(valuesOf(engagement));
      setValues(valuesOf(engagement));
    }
  }

  const update = (patch: Partial<EngagementFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setStatus('');
  };

  const save = async () => {
    const patch = changedFields(initial, values);
    const phaseChanged = values.phase !== engagement.phase;
    const checked = EngagementPatchSchema.safeParse(patch);
    if (!checked.success) {
      setErrors(zodFieldErrors(checked.error));
      setStatus('Changes not saved: fix the fields marked above');
      return;
    }
    if (Object.keys(patch).length === 0 && !phaseChanged) {
      setStatus('No changes to save');
      return;
    }
    setBusy(true);
    setStatus('Saving changes…');
    const res = Object.keys(patch).length ? await edit(engagement.id, patch) : null;
    const moved = res && !res.ok ? false : phaseChanged ? await move(engagement.id, values.phase) : true;
    setBusy(false);
    if (res && !res.ok) {
      const shown = serverErrors(res.error, FIELDS);
      setErrors(shown.fields);
      setFormError(shown.form);
      setStatus(`Changes not saved: ${res.error.message}`);
      return;
    }
    const saved = valuesOf(res?.ok ? res.value : engagement);
    const next = { ...saved, phase: moved ? values.phase : engagement.phase };
    setInitial(next);
    setValues(next);
    setStatus(moved ? 'Changes saved' : 'Changes not saved: the move was refused');
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    if (!busy) void save();
  };

  return (
    <form className="form record-form" noValidate onSubmit={submit} aria-label="Engagement details">
      <div className="form-grid">
        <IdentityFields prefix={prefix} values={values} errors={errors} onChange={update} />
        <RecordFields prefix={prefix} values={values} errors={errors} onChange={update} />
        <CriteriaFields
          prefix={prefix}
          values={values}
          errors={errors}
          round={engagement.round}
          securityCheck={engagement.securityCheck}
          onChange={update}
        />
      </div>
      <FormError message={formError} />
      <div className="form-actions">
        <p role="status" className="save-state">
          {status}
        </p>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
