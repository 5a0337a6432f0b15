/**
 * The "Action items" view: every open action item across engagements (from `openActions`),
 * filtered by owner; tick one off, or open the note it came from.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context.js';
import { FilterSelect } from '../toolbar/filter-select.js';
import { ActionRow } from './action-row.js';

/** The view (mounted only while shown, so it follows store changes only then). */
export function ActionItemsView() {
  const { items, owners, owner, error, connectActions, setActionsOwner } = useAppStore(
    useShallow((s) => ({
      items: s.openActions,
      owners: s.actionOwners,
      owner: s.actionsOwner,
      error: s.actionsError,
      connectActions: s.connectActions,
      setActionsOwner: s.setActionsOwner,
    })),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => connectActions(), [connectActions]);

  // A ticked item leaves the list: focus goes to the item now in its place (or the heading).
  const focusRow = (index: number) => {
    requestAnimationFrame(() => {
      const boxes = body.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [];
      (boxes[Math.min(index, boxes.length - 1)] ?? heading.current)?.focus();
    });
  };
  const count = items?.length ?? 0;

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
        {items && (
          <p className="toolbar-count" role="status">
            {count} open {count === 1 ? 'item' : 'items'}
            {owner ? ` for ${owner}` : ''}
          </p>
        )}
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
          <p className="muted">Action items come from meeting notes: open a card, add a note, and list what each side agreed to do.</p>
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
