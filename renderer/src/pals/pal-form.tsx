/**
 * The Pals dialog's form: add a pal, or change the one being edited (and merge it into another
 * pal). The core's refusals show beside the field they are about; a new name close to a known
 * pal is offered for merging.
 */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ApiFailure } from '../../../shared/api.js';
import { nameKey } from '../../../shared/name-key.js';
import type { PalEntry } from '../../../shared/pals.js';
import { Field, FormError } from '../forms/fields.js';
import { isFailure } from '../store/pals-slice.js';
import { useAppStore } from '../store/store-context.js';

interface Props {
  /** The pal being changed, or null to add one. */
  readonly editing: PalEntry | null;
  readonly pals: readonly PalEntry[];
  /** After a change (with the pal's name) or Cancel (null). */
  readonly onDone: (name: string | null) => void;
}

type FieldName = 'name' | 'login' | 'limit' | 'email';

/** A number field's text → a limit (null: the default); undefined when it is not a whole number 1–50. */
function limitOf(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 50 ? n : undefined;
}

export function PalForm({ editing, pals, onDone }: Props) {
  const { addPal, editPal, mergePals } = useAppStore(useShallow((s) => ({ addPal: s.addPal, editPal: s.editPal, mergePals: s.mergePals })));
  const [values, setValues] = useState(() => ({
    name: editing?.name ?? '',
    login: editing?.login ?? '',
    limit: editing?.ownLimit === null || editing === null ? '' : String(editing.ownLimit),
    email: editing?.email ?? '',
  }));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [lookAlike, setLookAlike] = useState<{ readonly name: string; readonly like: string } | null>(null);
  const [into, setInto] = useState('');
  const [busy, setBusy] = useState(false);
  const nameField = useRef<HTMLInputElement>(null);
  const prefix = useId();

  useEffect(() => {
    if (editing) nameField.current?.focus();
  }, [editing]);

  const refused = (failure: ApiFailure) => {
    const field = (['name', 'login', 'limit', 'email'] as const).find((f) => f === failure.field);
    if (field) setErrors({ [field]: failure.message });
    else setFormError(failure.message);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    const limit = limitOf(values.limit);
    if (values.name.trim() === '') {
      setErrors({ name: 'A pal needs a name.' });
      return;
    }
    if (limit === undefined) {
      setErrors({ limit: 'A whole number from 1 to 50, or empty for the default.' });
      return;
    }
    setBusy(true);
    const fields = { login: values.login.trim() || null, limit, email: values.email.trim() || null };
    const answer = editing
      ? await editPal({ pal: editing.name, name: values.name, ...fields })
      : await addPal({ name: values.name, ...fields });
    setBusy(false);
    if (isFailure(answer)) {
      refused(answer);
      return;
    }
    setErrors({});
    setFormError(null);
    if (!editing) {
      setValues({ name: '', login: '', limit: '', email: '' });
      setLookAlike(answer.lookAlikes[0] ? { name: answer.pal.name, like: answer.lookAlikes[0] } : null);
      nameField.current?.focus();
    }
    onDone(answer.pal.name);
  };

  const merge = async (from: string, target: string) => {
    if (busy || target === '') return;
    setBusy(true);
    const answer = await mergePals(from, target);
    setBusy(false);
    if (isFailure(answer)) {
      setFormError(answer.message);
      return;
    }
    setLookAlike(null);
    onDone(answer.pal.name);
  };

  const field = (name: FieldName, label: string, type: string, hint?: string) => (
    <Field prefix={prefix} name={name} label={label} error={errors[name]} {...(hint ? { hint } : {})}>
      {(control) => (
        <input
          {...control}
          ref={name === 'name' ? nameField : undefined}
          type={type}
          className="input"
          value={values[name]}
          autoComplete="off"
          {...(type === 'number' ? { min: 1, max: 50, step: 1 } : {})}
          onChange={(e) => {
            setValues((v) => ({ ...v, [name]: e.target.value }));
          }}
        />
      )}
    </Field>
  );

  const others = editing ? pals.filter((p) => nameKey(p.name) !== nameKey(editing.name)) : [];
  return (
    <form
      className="form pals-form"
      noValidate
      aria-label={editing ? `Edit ${editing.name}` : 'Add a pal'}
      onSubmit={(e) => void submit(e)}
    >
      <h3 className="pals-form-title">{editing ? `Edit ${editing.name}` : 'Add a pal'}</h3>
      <div className="pals-fields">
        {field('name', 'Name', 'text', editing ? 'A new name is written on every card, note and action item.' : undefined)}
        {field('login', 'GitHub login', 'text')}
        {field('limit', 'Limit', 'number')}
        {field('email', 'E-mail', 'email')}
      </div>
      <div className="pals-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {editing ? 'Save pal' : 'Add pal'}
        </button>
        {editing && (
          <button
            type="button"
            className="button"
            onClick={() => {
              onDone(editing.name);
            }}
          >
            Cancel
          </button>
        )}
      </div>
      {editing && others.length > 0 && (
        <div className="pals-merge">
          <label htmlFor={`${prefix}-into`} className="field-label">
            Merge {editing.name} into
          </label>
          <select
            id={`${prefix}-into`}
            className="input"
            value={into}
            onChange={(e) => {
              setInto(e.target.value);
            }}
          >
            <option value="">Choose a pal…</option>
            {others.map((p) => (
              <option key={nameKey(p.name)} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="button" className="button" aria-disabled={busy || into === ''} onClick={() => void merge(editing.name, into)}>
            Merge
          </button>
        </div>
      )}
      {lookAlike && (
        <p className="pals-lookalike" role="status">
          “{lookAlike.name}” looks like “{lookAlike.like}”.{' '}
          <button type="button" className="button button--small" onClick={() => void merge(lookAlike.name, lookAlike.like)}>
            Merge into {lookAlike.like}
          </button>
        </p>
      )}
      <FormError message={formError} />
    </form>
  );
}
