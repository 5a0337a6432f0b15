/**
 * "Pals": every pal once, however the cards spell them, with their own limit, GitHub login and
 * e-mail; add one, change one (a new name is written everywhere), or merge a second spelling
 * into the pal. The list is the board's own settings and cards, so it shows what the core saved.
 */
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { nameKey } from '../../../shared/name-key.js';
import { isActive } from '../../../shared/load.js';
import { palDirectory, type PalEntry } from '../../../shared/pals.js';
import type { CardView } from '../../../shared/view.js';
import { PanelButton } from '../dialog/panel-button.js';
import { Modal } from '../dialog/modal.js';
import { PeopleIcon } from '../icons.js';
import { useAppStore } from '../store/store-context.js';
import { PalForm } from './pal-form.js';

/** The header button that opens the dialog. */
export function PalsButton() {
  return <PanelButton panel="pals" label="Pals" icon={<PeopleIcon />} />;
}

/** The dialog. */
export function PalsDialog() {
  const close = useAppStore((s) => s.closeDialog);
  const { settings, engagements } = useAppStore(useShallow((s) => ({ settings: s.board?.settings, engagements: s.board?.engagements })));
  const pals = useMemo(() => (settings && engagements ? palDirectory({ settings, engagements }) : []), [settings, engagements]);
  const active = useMemo(() => activeByPal(engagements ?? []), [engagements]);
  const [query, setQuery] = useState('');
  const shownQuery = useDeferredValue(nameKey(query));
  const shown = shownQuery ? pals.filter((p) => nameKey(p.name).includes(shownQuery)) : pals;
  const [editing, setEditing] = useState<PalEntry | null>(null);
  const [focusEdit, setFocusEdit] = useState<{ readonly name: string } | null>(null);
  const focused = useRef<object | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const prefix = useId();
  const titleId = `${prefix}-title`;

  // After a change, focus goes back to the row's Edit button (the control that opened the form),
  // once the row is there (a renamed pal's row comes with the next board change).
  useEffect(() => {
    if (focusEdit === null || focused.current === focusEdit) return;
    const key = nameKey(focusEdit.name);
    const button = [...(body.current?.querySelectorAll<HTMLButtonElement>('button[data-pal]') ?? [])].find((b) => b.dataset.pal === key);
    if (!button) return;
    button.focus();
    focused.current = focusEdit;
  }, [focusEdit, pals]);

  return (
    <Modal labelledBy={titleId} onClose={close}>
      <header className="dialog-head">
        <h2 id={titleId} className="dialog-title">
          Pals
        </h2>
      </header>
      <div className="dialog-body pals-body" ref={body}>
        <p className="pals-intro">
          Each pal once, however a card spells the name. A pal without their own limit has the default of {settings?.palLimit ?? 2} active
          engagements.
        </p>
        <label className="pals-find">
          <span className="field-label">Find a pal</span>
          <input
            type="search"
            className="input"
            value={query}
            autoComplete="off"
            onChange={(e) => {
              setQuery(e.target.value);
            }}
          />
        </label>
        <div className="pals-table-wrap">
          <table className="pals-table">
            <caption className="visually-hidden">
              Pals: {shown.length} of {pals.length}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Active</th>
                <th scope="col">Limit</th>
                <th scope="col">GitHub login</th>
                <th scope="col">E-mail</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => {
                const load = active.get(nameKey(p.name)) ?? 0;
                return (
                  <tr key={nameKey(p.name)} className={load > p.limit ? 'pals-row pals-row--over' : 'pals-row'}>
                    <th scope="row">
                      {p.name}
                      {!p.registered && <span className="pals-tag"> only on cards</span>}
                    </th>
                    <td>{load > p.limit ? `${load} — over the limit` : load}</td>
                    <td>{p.ownLimit === null ? `${p.limit} (default)` : p.limit}</td>
                    <td>{p.login ? `@${p.login}` : '—'}</td>
                    <td>{p.email ?? '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        data-pal={nameKey(p.name)}
                        aria-label={`Edit ${p.name}`}
                        onClick={() => {
                          setEditing(p);
                        }}
                      >
                        Edit
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {pals.length === 0 && <p className="pals-empty">No pals yet: add one below, or name one on a card.</p>}
          {pals.length > 0 && shown.length === 0 && <p className="pals-empty">No pal’s name has “{query.trim()}” in it.</p>}
        </div>
        <PalForm
          key={editing ? `edit-${nameKey(editing.name)}` : 'add'}
          editing={editing}
          pals={pals}
          onDone={(name) => {
            const wasEditing = editing !== null;
            setEditing(null);
            if (wasEditing && name) setFocusEdit({ name });
          }}
        />
      </div>
      <footer className="dialog-foot">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </footer>
    </Modal>
  );
}

/** Active engagements per pal key (neither intake nor done nor on hold), a card with two pals counting for both. */
function activeByPal(engagements: readonly CardView[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of engagements) {
    if (!isActive(e)) continue;
    for (const key of new Set(e.pals.map(nameKey))) out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}
