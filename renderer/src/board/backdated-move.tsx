/**
 * "Moved on a date…" (from a card's Move to… menu): records a move that happened earlier, asking
 * for the phase and the day. The core checks the day (not after today, not before the card's
 * previous move); its refusal shows beside the field it names, and focus goes to that field.
 */
import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { PHASES, PHASE_TITLES, type Phase } from '../../../shared/phases.js';
import { Modal } from '../dialog/modal.js';
import { Field } from '../forms/fields.js';
import { useAppStore } from '../store/store-context.js';

interface Props {
  readonly id: string;
  readonly name: string;
  readonly phase: Phase;
  readonly onClose: () => void;
}

/** The dialog; closes (focus back on the Move to… button) once the core recorded the move. */
export function BackdatedMoveDialog({ id, name, phase, onClose }: Props) {
  const moveOn = useAppStore((s) => s.moveOn);
  const announce = useAppStore((s) => s.announce);
  const focusCard = useAppStore((s) => s.requestCardFocus);
  const today = useAppStore((s) => s.board?.today);
  const targets = PHASES.filter((p) => p !== phase);
  const prefix = useId();
  const titleId = `${prefix}-title`;
  const [to, setTo] = useState<Phase>(targets[0] ?? phase);
  const [on, setOn] = useState(today ?? '');
  const [errors, setErrors] = useState<{ phase?: string; on?: string }>({});
  const [busy, setBusy] = useState(false);
  const phaseField = useRef<HTMLSelectElement>(null);
  const dayField = useRef<HTMLInputElement>(null);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    if (on === '') {
      setErrors({ on: 'Enter the day it moved.' });
      dayField.current?.focus();
      return;
    }
    setBusy(true);
    const res = await moveOn(id, to, on);
    setBusy(false);
    if (res.ok) {
      focusCard(id); // the card renders in another column; bring focus along
      announce(`${name} moved to ${PHASE_TITLES[to]} on ${on}.`);
      onClose();
      return;
    }
    const message = res.error.message;
    if (res.error.field === 'phase') {
      setErrors({ phase: message });
      phaseField.current?.focus();
    } else {
      setErrors({ on: message });
      dayField.current?.focus();
    }
  };

  return (
    <Modal labelledBy={titleId} onClose={onClose}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <header className="dialog-head">
          <h2 id={titleId} className="dialog-title">
            {name}: moved on a date
          </h2>
        </header>
        <div className="dialog-body form-grid">
          <Field prefix={prefix} name="phase" label="Moved to" error={errors.phase}>
            {(c) => (
              <select
                {...c}
                ref={phaseField}
                className="select"
                value={to}
                onChange={(event) => {
                  setTo(event.target.value as Phase);
                  setErrors({});
                }}
              >
                {targets.map((p) => (
                  <option key={p} value={p}>
                    {PHASE_TITLES[p]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            prefix={prefix}
            name="on"
            label="On"
            error={errors.on}
            hint="The day it happened: today or earlier, not before its previous move."
          >
            {(c) => (
              <input
                {...c}
                ref={dayField}
                className="input"
                type="date"
                value={on}
                max={today}
                required
                onChange={(event) => {
                  setOn(event.target.value);
                  setErrors({});
                }}
              />
            )}
          </Field>
        </div>
        <footer className="dialog-foot">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            Move
          </button>
        </footer>
      </form>
    </Modal>
  );
}
