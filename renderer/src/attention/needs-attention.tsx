/**
 * "Needs attention", at the top of the board: phase windows and open action items due soon or
 * overdue (the core's digest, the same as `pals due`), each opening its card. One line until
 * opened (the count and the most urgent item), so the board keeps a laptop's height; kept up to
 * date as the board changes.
 */
import { useId, useState } from 'react';
import type { AttentionItem } from '../../../shared/attention.js';
import { formatDay } from '../format/dates.js';
import { useAppStore } from '../store/store-context.js';
import { NotifyToggle } from './notify-toggle.js';

/** Items shown before "Show more": two full rows of three (the list's columns on a laptop), so the board keeps its height. */
const FIRST = 6;
const MORE = 24;

function summary(items: readonly AttentionItem[]): string {
  const overdue = items.filter((i) => i.state === 'overdue').length;
  const soon = items.length - overdue;
  if (items.length === 0) return 'All clear';
  return [overdue ? `${overdue} overdue` : '', soon ? `${soon} due soon` : ''].filter(Boolean).join(' · ');
}

/** One item: a button that opens its card (at the note, for an action item); `inline` on the collapsed line. */
function ItemButton({
  item,
  today,
  inline = false,
}: {
  readonly item: AttentionItem;
  readonly today: string | undefined;
  readonly inline?: boolean;
}) {
  const openCard = useAppStore((s) => s.openCard);
  const overdue = item.state === 'overdue';
  return (
    <button
      type="button"
      className={`attention-item${inline ? ' attention-item--inline' : ''}`}
      onClick={() => {
        openCard(item.id, item.noteId);
      }}
    >
      <span className={`badge badge--${item.state}`}>{overdue ? 'Overdue' : 'Due soon'}</span>
      <span className="attention-text">
        <span className="attention-name">{item.engagement}</span>
        <span className="attention-what">
          {item.kind === 'action' ? 'Action: ' : ''}
          {item.what}
          {item.kind === 'action' && item.owner ? ` (${item.owner})` : ''}
        </span>
      </span>
      <time className="attention-due" dateTime={item.due}>
        {overdue ? 'since ' : 'by '}
        {formatDay(item.due, today)}
      </time>
    </button>
  );
}

/** The region. */
export function NeedsAttention() {
  const attention = useAppStore((s) => s.attention);
  const error = useAppStore((s) => s.attentionError);
  const today = useAppStore((s) => s.board?.today);
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(FIRST);
  const titleId = useId();
  const bodyId = useId();
  const items = attention?.items ?? [];
  const days = attention?.within === 1 ? '1 day' : `${String(attention?.within ?? 7)} days`;

  return (
    <section className="attention" aria-labelledby={titleId}>
      <header className="attention-head">
        <h2 id={titleId} className="attention-title">
          Needs attention
        </h2>
        {attention && <span className={`attention-summary${items.length ? '' : ' attention-summary--clear'}`}>{summary(items)}</span>}
        {!open && items[0] && <ItemButton item={items[0]} today={today} inline />}
        <span className="attention-tools">
          <NotifyToggle />
          <button
            type="button"
            className="button button--small button--quiet"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => {
              setOpen((o) => !o);
            }}
          >
            {open ? 'Hide' : 'Show all'} <span className="visually-hidden">{open ? 'what needs attention' : 'that needs attention'}</span>
          </button>
        </span>
      </header>
      <div id={bodyId} hidden={!open} className="attention-body">
        {error ? (
          <p className="form-error">{error}</p>
        ) : !attention ? (
          <p className="attention-empty">Working out what is due…</p>
        ) : items.length === 0 ? (
          <p className="attention-empty">Nothing is overdue, and nothing is due in the next {days}.</p>
        ) : (
          <>
            <ul className="attention-list">
              {items.slice(0, shown).map((item) => (
                <li key={`${item.kind}:${item.id}:${item.actionId ?? ''}`}>
                  <ItemButton item={item} today={today} />
                </li>
              ))}
            </ul>
            {items.length > shown && (
              <button
                type="button"
                className="button button--small button--quiet attention-more"
                onClick={() => {
                  setShown((n) => n + MORE);
                }}
              >
                Show more ({items.length - shown} not shown)
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
