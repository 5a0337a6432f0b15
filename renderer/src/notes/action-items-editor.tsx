/** A note's action items: what, who, by when, done; add and remove (saved with the note). */
import { useId } from 'react';
import { useRowFocus } from '../forms/use-row-focus.js';
import { CloseIcon, PlusIcon } from '../icons.js';
import { newActionId, type DraftAction } from './note-draft.js';

/** The list editor; `owners` are offered as suggestions for the owner field. */
export function ActionItemsEditor(props: {
  readonly actions: readonly DraftAction[];
  readonly owners: readonly string[];
  readonly onChange: (next: readonly DraftAction[]) => void;
}) {
  const { actions, owners, onChange } = props;
  const prefix = useId();
  // After adding or removing a row, focus moves to a row's text (or to "Add action item").
  const { list, addButton, focusRow } = useRowFocus('.action-text');

  const change = (id: string, patch: Partial<DraftAction>) => {
    onChange(actions.map((a) => (a.id === id ? { ...a, ...patch } : a)));
  };
  const remove = (index: number) => {
    onChange(actions.filter((_, i) => i !== index));
    focusRow(Math.min(index, actions.length - 2));
  };
  const insertAfter = (index: number) => {
    const next = [...actions];
    next.splice(index + 1, 0, { id: newActionId(), text: '', owner: '', done: false, due: '' });
    onChange(next);
    focusRow(index + 1);
  };

  return (
    <section className="action-items" aria-labelledby={`${prefix}-title`}>
      <h4 id={`${prefix}-title`} className="field-label">
        Action items
      </h4>
      {actions.length === 0 && <p className="field-hint">None yet.</p>}
      <ol ref={list} className="action-list">
        {actions.map((a, i) => {
          const n = i + 1;
          return (
            <li key={a.id} className={`action-row${a.done ? ' action-row--done' : ''}`}>
              <input
                type="checkbox"
                className="checkbox"
                aria-label={`Action item ${n} done`}
                checked={a.done}
                onChange={(e) => {
                  change(a.id, { done: e.target.checked });
                }}
              />
              <textarea
                className="textarea action-text"
                rows={1}
                aria-label={`Action item ${n}`}
                placeholder="What needs doing"
                dir="auto"
                value={a.text}
                onChange={(e) => {
                  change(a.id, { text: e.target.value });
                }}
                onKeyDown={(e) => {
                  // One line per item: Enter starts the next one (Shift+Enter still breaks the line).
                  if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
                  e.preventDefault();
                  insertAfter(i);
                }}
              />
              <input
                className="input action-owner"
                type="text"
                aria-label={`Owner of action item ${n}`}
                placeholder="Owner"
                dir="auto"
                list={`${prefix}-owners`}
                autoComplete="off"
                value={a.owner}
                onChange={(e) => {
                  change(a.id, { owner: e.target.value });
                }}
              />
              <input
                className="input action-due"
                type="date"
                aria-label={`Due date of action item ${n}`}
                title="Due date"
                value={a.due ?? ''}
                onChange={(e) => {
                  change(a.id, { due: e.target.value });
                }}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove action item ${n}`}
                onClick={() => {
                  remove(i);
                }}
              >
                <CloseIcon />
              </button>
            </li>
          );
        })}
      </ol>
      <datalist id={`${prefix}-owners`}>
        {owners.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <button
        ref={addButton}
        type="button"
        className="button button--small"
        onClick={() => {
          insertAfter(actions.length - 1);
        }}
      >
        <PlusIcon /> Add action item
      </button>
    </section>
  );
}
