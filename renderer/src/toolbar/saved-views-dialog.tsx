/**
 * "Saved views": save the board's current filters, lanes and round under a name ("My
 * engagements", "Overdue"), show a saved one, or delete it. Kept with the data, so `pals list
 * --view NAME` sees the same views.
 */
import { useId, useState, type SubmitEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NameSchema, type Round, type SavedView } from '../../../shared/schema.js';
import { Field, FormError } from '../forms/fields.js';
import { useAppStore } from '../store/store-context.js';
import { Modal } from '../dialog/modal.js';
import { viewOf } from '../store/views-slice.js';
import { viewSummary } from './view-summary.js';

const NO_VIEWS: readonly SavedView[] = [];
const NO_ROUNDS: readonly Round[] = [];

/** The dialog. */
export function SavedViewsDialog() {
  const close = useAppStore((s) => s.closeDialog);
  const saved = useAppStore((s) => s.board?.settings.views.saved ?? NO_VIEWS);
  const rounds = useAppStore((s) => s.board?.rounds ?? NO_ROUNDS);
  const current = useAppStore(useShallow(viewOf));
  const { saveView, deleteView, applyView, announce } = useAppStore(
    useShallow((s) => ({ saveView: s.saveView, deleteView: s.deleteView, applyView: s.applyView, announce: s.announce })),
  );
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = useId();
  const titleId = `${prefix}-title`;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = NameSchema.safeParse(name);
    if (!checked.success) {
      setError(`The name ${checked.error.issues[0]?.message ?? 'is not valid'}`);
      return;
    }
    setBusy(true);
    const failure = await saveView(name);
    setBusy(false);
    if (failure) {
      if (failure.field === 'name') setError(failure.message);
      else setFormError(failure.message);
      return;
    }
    setError(null);
    setFormError(null);
    setName('');
  };

  return (
    <Modal labelledBy={titleId} onClose={close}>
      <header className="dialog-head">
        <h2 id={titleId} className="dialog-title">
          Saved views
        </h2>
      </header>
      <div className="dialog-body views-body">
        <form className="form views-save" noValidate onSubmit={(e) => void submit(e)}>
          <Field
            prefix={prefix}
            name="name"
            label="Save the current view as"
            error={error ?? undefined}
            hint={`Shows: ${viewSummary(current, rounds)}`}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                value={name}
                placeholder="e.g. My engagements"
                autoComplete="off"
                onChange={(e) => {
                  setName(e.target.value);
                }}
              />
            )}
          </Field>
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            Save view
          </button>
          <FormError message={formError} />
        </form>
        {saved.length === 0 ? (
          <p className="views-empty">
            No saved views yet. A saved view is also what <code>pals list --view NAME</code> lists.
          </p>
        ) : (
          <ul className="views-list" aria-label="Saved views">
            {saved.map((v) => (
              <li key={v.name} className="views-row">
                <span className="views-name">{v.name}</span>
                <span className="views-summary">{viewSummary(v, rounds)}</span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Show ${v.name}`}
                  onClick={() => {
                    applyView(v);
                    close();
                    announce(`Showing the view ${v.name}.`);
                  }}
                >
                  Show
                </button>
                <button
                  type="button"
                  className="button button--small button--danger-quiet"
                  aria-label={`Delete ${v.name}`}
                  onClick={() => void deleteView(v.name)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <footer className="dialog-foot">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </footer>
    </Modal>
  );
}
