/**
 * "Moved by sync": after a sync that moved cards, a header button opens the list of its moves
 * (each card, from → to by column title, and what on GitHub caused it), so no move is silent.
 * Each entry opens its card. Escape or "Close" folds the list back onto its button.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SyncMove } from '../../../shared/github/report.js';
import { PHASE_TITLES } from '../../../shared/phases.js';
import { useAppStore } from '../store/store-context.js';
import { cardsText } from './sync-text.js';

/** The button and, while open, the list of the last sync's moves. */
export function SyncMoves({ moves }: { readonly moves: readonly SyncMove[] }) {
  const openCard = useAppStore((s) => s.openCard);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const titleId = useId();
  if (moves.length === 0) return null;

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };

  return (
    <>
      <button
        ref={toggle}
        type="button"
        className="button button--small button--quiet sync-moves-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        {`${moves.length} moved`} <span className="visually-hidden">by sync</span>
      </button>
      <section id={panelId} hidden={!open} className="sync-moves" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="sync-moves-title">
          Moved by sync
        </h2>
        <p className="sync-moves-hint">The last sync moved {cardsText(moves.length)} to follow GitHub.</p>
        <ul className="sync-moves-list">
          {moves.map((m) => (
            <li key={m.ref}>
              <button
                type="button"
                className="sync-move"
                onClick={() => {
                  openCard(m.ref);
                }}
              >
                <span className="sync-move-name">
                  {m.name}
                  <span className="visually-hidden">: </span>
                </span>
                <span className="sync-move-phases">
                  {PHASE_TITLES[m.from]}
                  <span aria-hidden="true"> → </span>
                  <span className="visually-hidden"> to </span>
                  {PHASE_TITLES[m.to]}
                </span>
                <span className="sync-move-because"> ({m.because})</span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button button--small" onClick={close}>
          Close
        </button>
      </section>
    </>
  );
}
