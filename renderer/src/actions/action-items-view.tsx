/**
 * The "Action items" view: every open action item across engagements (from `openActions`), the
 * soonest due first, filtered by owner; done ones too when asked. Tick one off (or back on), open
 * the note it came from, or export the dated ones (and the phase windows) as a calendar.
 */
import { useEffect, useId, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CheckboxField } from '../forms/fields.js';
import { useAppStore } from '../store/store-context.js';
import { FilterSelect } from '../toolbar/filter-select.js';
import { ActionRow } from './action-row.js';

/** The view (mounted only while shown, so it follows store changes only then). */
export function ActionItemsView() {
  const { items, owners, owner, showDone, error, today, connectActions, setActionsOwner, setActionsShowDone, openPanel } = useAppStore(
    useShallow((s) => ({
      items: s.openActions,
      owners: s.actionOwners,
      owner: s.actionsOwner,
      showDone: s.actionsShowDone,
      error: s.actionsError,
      today: s.board?.today,
      connectActions: s.connectActions,
      setActionsOwner: s.setActionsOwner,
      setActionsShowDone: s.setActionsShowDone,
      openPanel: s.openPanel,
    })),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const prefix = useId();
  useEffect(() => connectActions(), [connectActions]);

  // A ticked item leaves its place: focus goes to the item now there (or the heading).
  const focusRow = (index: number) => {
    requestAnimationFrame(() => {
      const boxes = body.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [];
      (boxes[Math.min(index, boxes.length - 1)] ?? heading.current)?.focus();
    });
  };
  const open = items?.filter((i) => !i.action.done).length ?? 0;
  const done = (items?.length ?? 0) - open;

  return (
    <section className="actions-view" aria-labelledby="actions-title">
      <div className="actions-head">
        <h2 id="actions-title" ref={heading} tabIndex={-1} className="view-title">
          Open action items
        </h2>
        <FilterSelect<string>
          label="Owner"
          anyLabel="Everyone"
          value={owner}
          options={owners.map((o) => [o, o] as const)}
          onChange={setActionsOwner}
        />
        <CheckboxField prefix={prefix} name="show-done" label="Show done items" checked={showDone} onChange={setActionsShowDone} />
        {items && (
          <p className="toolbar-count" role="status">
            {open} open {open === 1 ? 'item' : 'items'}
            {owner ? ` for ${owner}` : ''}
            {showDone ? `, ${done} done` : ''}
          </p>
        )}
        <button
          type="button"
          className="button button--small actions-export"
          onClick={() => {
            openPanel('calendar');
          }}
        >
          Export calendar…
        </button>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {items === null && !error && <p className="loading">Loading the action items…</p>}
      {items?.length === 0 && (
        <div className="actions-empty">
          <p className="empty-title">Nothing open{owner ? ` for ${owner}` : ''}.</p>
          <p className="muted">
            Action items come from meeting notes: open a card, add a note, and list what each side agreed to do, by when. From the command
            line: pals action PROJECT --text TEXT --owner NAME --due YYYY-MM-DD.
          </p>
        </div>
      )}
      {items && items.length > 0 && (
        <table className="actions-table">
          <thead>
            <tr>
              <th scope="col" className="col-done">
                Done
              </th>
              <th scope="col">Action item</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Project</th>
              <th scope="col">Meeting</th>
              <th scope="col">
                <span className="visually-hidden">Note</span>
              </th>
            </tr>
          </thead>
          <tbody ref={body}>
            {items.map((item, i) => (
              <ActionRow
                key={`${item.noteId}-${item.action.id}`}
                item={item}
                today={today}
                onTicked={() => {
                  focusRow(i);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
