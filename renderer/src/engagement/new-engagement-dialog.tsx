/** "New engagement": a short form, checked with the contract's own schema before anything is sent. */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { NewEngagementInputSchema } from '../../../shared/inputs.js';
import { BLANK_VALUES, newEngagementInput, type EngagementFormValues } from '../forms/engagement-values.js';
import { serverErrors, zodFieldErrors, type FieldErrors } from '../forms/field-errors.js';
import { FormError } from '../forms/fields.js';
import { useAppStore } from '../store/store-context.js';
import { IdentityFields } from './identity-fields.js';
import { Modal } from '../dialog/modal.js';

const FIELDS = ['name', 'maturity', 'repo', 'kickoff', 'pals', 'issue'];

/** The dialog; on success it closes and the new card appears in Intake. */
export function NewEngagementDialog() {
  const add = useAppStore((s) => s.add);
  const close = useAppStore((s) => s.closeDialog);
  const announce = useAppStore((s) => s.announce);
  const requestCardFocus = useAppStore((s) => s.requestCardFocus);
  const [values, setValues] = useState<EngagementFormValues>(BLANK_VALUES);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const prefix = useId();
  const titleId = `${prefix}-title`;

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    const input = newEngagementInput(values);
    const parsed = NewEngagementInputSchema.safeParse(input);
    setFormError(null);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setBusy(true);
    const res = await add(input);
    setBusy(false);
    if (res.ok) {
      close();
      requestCardFocus(res.value.id);
      announce(`${res.value.name} added to Intake.`);
      return;
    }
    const shown = serverErrors(res.error, FIELDS);
    setErrors(shown.fields);
    setFormError(shown.form);
  };

  return (
    <Modal labelledBy={titleId} onClose={close}>
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <header className="dialog-head">
          <h2 id={titleId} className="dialog-title">
            New engagement
          </h2>
        </header>
        <div className="dialog-body form-grid">
          <IdentityFields
            prefix={prefix}
            values={values}
            errors={errors}
            onChange={(patch) => {
              setValues((v) => ({ ...v, ...patch }));
            }}
          />
          <FormError message={formError} />
        </div>
        <footer className="dialog-foot">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            Add engagement
          </button>
        </footer>
      </form>
    </Modal>
  );
}
