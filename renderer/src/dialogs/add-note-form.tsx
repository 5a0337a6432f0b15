/** A small form for a general note (the full meeting-note editor comes in a later issue). */
import { useId, useState, type SubmitEvent } from 'react';
import { NewNoteInputSchema } from '../../../shared/inputs.js';
import { Field } from '../forms/fields.js';
import { useAppStore } from '../store/store-context.js';

interface Props {
  readonly engagementId: string;
  /** Called with the save state to show ("Saved" or "Not saved: …") once the form is done. */
  readonly onDone: (state: string | null) => void;
}

/** The textarea and its Save note / Cancel buttons. */
export function AddNoteForm({ engagementId, onDone }: Props) {
  const addNote = useAppStore((s) => s.addNote);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [state, setState] = useState('');
  const prefix = useId();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state === 'Saving…') return;
    const note = { kind: 'general' as const, text };
    const checked = NewNoteInputSchema.safeParse(note);
    if (text.trim() === '' || !checked.success) {
      setError(checked.success ? 'must not be empty' : checked.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    setState('Saving…');
    const res = await addNote(engagementId, note);
    if (res.ok) onDone('Saved');
    else setState(`Not saved: ${res.error.message}`);
  };

  return (
    <form className="note-form" noValidate onSubmit={(e) => void submit(e)}>
      <Field prefix={prefix} name="text" label="Note" error={error} wide>
        {(c) => (
          // Opening the form is a request to type, so the field takes focus.
          <textarea
            {...c}
            className="textarea"
            rows={4}
            autoFocus
            value={text}
            onChange={(e) => {
              setText(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="form-actions">
        <p role="status" className="save-state">
          {state}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            onDone(null);
          }}
        >
          Cancel
        </button>
        <button type="submit" className="button button--primary">
          Save note
        </button>
      </div>
    </form>
  );
}
