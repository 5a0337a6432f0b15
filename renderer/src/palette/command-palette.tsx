/**
 * The command palette (Ctrl+K, ⌘K on macOS): a modal dialog named "Command palette" holding a
 * combobox and a listbox of commands, each with its shortcut. Typing filters, the arrow keys
 * choose, Enter runs; a command that needs more (which card, which phase, which round) asks in
 * the same box. WAI-ARIA combobox pattern: focus stays in the box, the active option is named by
 * aria-activedescendant.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { ariaShortcut, shortcutLabel } from '../../../shared/app-commands.js';
import type { PaletteStep, StepOption } from '../store/palette-slice.js';
import { useAppStore, useStoreApi } from '../store/store-context.js';
import type { AppStore } from '../store/types.js';
import { cardsMatching } from './builtin-commands.js';
import { availableCommands, matchesQuery } from './commands.js';
import { runCommand } from './use-app-commands.js';

/** Cards listed under the commands when what is typed names one. */
const CARD_HITS = 5;

const mac = typeof navigator !== 'undefined' && /Macintosh|Mac OS X|iPhone|iPad/.test(navigator.userAgent);

/** One row of the listbox. */
interface Row extends StepOption {
  readonly accelerator?: string | undefined;
}

/** The rows for what is typed: a step's choices, or the commands (and cards by name). */
function rowsFor(store: AppStore, step: PaletteStep | null, query: string): Row[] {
  if (step) return [...step.options(query)];
  const s = store.getState();
  const commands: Row[] = availableCommands(s)
    .filter((c) => c.id !== 'command-palette' && matchesQuery(query, `${c.label} ${c.keywords ?? ''}`))
    .map((c) => ({
      id: `command:${c.id}`,
      label: c.label,
      accelerator: c.accelerator,
      run: () => {
        runCommand(store, c, true);
      },
    }));
  if (!query.trim()) return commands;
  const cards: Row[] = cardsMatching(s.board?.engagements ?? [], query, CARD_HITS).map((card) => ({
    id: `card:${card.id}`,
    label: card.name,
    hint: 'Go to card',
    run: () => {
      store.getState().openCard(card.id);
    },
  }));
  return [...commands, ...cards];
}

/** The box, the list, and the keys; remounted for each opening. */
function PaletteBody({ step, closeForRun }: { readonly step: PaletteStep | null; readonly closeForRun: () => void }) {
  const store = useStoreApi();
  const openPalette = useAppStore((s) => s.openPalette);
  const board = useAppStore((s) => s.board);
  const dialog = useAppStore((s) => s.dialog);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const ids = useId();
  const titleId = `${ids}-title`;
  const listId = `${ids}-list`;
  const optionId = (i: number) => `${ids}-option-${String(i)}`;
  // The rows depend on the board and the open dialog too (what "Move card" offers).
  const rows = useMemo(() => rowsFor(store, step, query), [store, step, query, board, dialog]); // eslint-disable-line react-hooks/exhaustive-deps
  const at = Math.min(active, Math.max(0, rows.length - 1));

  useEffect(() => {
    input.current?.focus();
  }, []);
  useLayoutEffect(() => {
    // Optional call: jsdom has no scrollIntoView.
    document.getElementById(optionId(at))?.scrollIntoView?.({ block: 'nearest' });
  });

  const choose = (row: Row | undefined) => {
    if (!row) return;
    closeForRun();
    row.run();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => {
        setActive((at + 1) % Math.max(rows.length, 1));
      },
      ArrowUp: () => {
        setActive((at - 1 + rows.length) % Math.max(rows.length, 1));
      },
      Home: () => {
        setActive(0);
      },
      End: () => {
        setActive(Math.max(rows.length - 1, 0));
      },
      Enter: () => {
        choose(rows[at]);
      },
      Escape: closeForRun,
      Tab: () => undefined, // focus stays in the box: the dialog is modal
    };
    if (event.key === 'Backspace' && query === '' && step) {
      event.preventDefault();
      openPalette(null);
      return;
    }
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  const title = step?.title ?? 'Command palette';
  const empty = step ? step.empty : 'No command matches';
  return (
    <div role="dialog" aria-modal="true" aria-label="Command palette" className="palette">
      <h2 id={titleId} className="visually-hidden">
        {title}
      </h2>
      <input
        ref={input}
        className="palette-input"
        role="combobox"
        aria-labelledby={titleId}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={rows.length ? optionId(at) : undefined}
        placeholder={step?.placeholder ?? 'Type a command, or a project name'}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul ref={list} id={listId} role="listbox" aria-label={title} className="palette-list">
        {rows.map((row, i) => (
          <li
            key={row.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === at}
            aria-keyshortcuts={row.accelerator ? ariaShortcut(row.accelerator) : undefined}
            className="palette-option"
            onMouseMove={() => {
              if (i !== at) setActive(i);
            }}
            onClick={() => {
              choose(row);
            }}
          >
            <span className="palette-label">{row.label}</span>
            {row.hint && <span className="palette-hint">{row.hint}</span>}
            {row.accelerator && <kbd className="palette-shortcut">{shortcutLabel(row.accelerator, mac)}</kbd>}
          </li>
        ))}
      </ul>
      {rows.length === 0 && (
        <p className="palette-empty" role="status">
          {empty}
        </p>
      )}
      <p className="palette-help" aria-hidden="true">
        ↑↓ to choose · Enter to run · Esc to close
      </p>
    </div>
  );
}

/**
 * The palette while open. A card's dialog under it is inert meanwhile; when a command runs, the
 * palette closes first and focus goes back where it was, so the command starts from there (a
 * dialog it opens returns focus there too); a command may then move focus on purpose.
 */
export function CommandPalette() {
  const palette = useAppStore((s) => s.palette);
  const close = useAppStore((s) => s.closePalette);
  const open = palette !== null;
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    if (!open) return undefined;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const below = [...document.querySelectorAll<HTMLElement>('body > .backdrop')].filter((el) => el !== root.current && !el.inert);
    for (const el of below) el.inert = true;
    return () => {
      for (const el of below) el.inert = false;
    };
  }, [open]);

  const returnFocus = () => {
    const back = opener.current;
    (back?.isConnected ? back : document.getElementById('board'))?.focus();
  };
  const closeForRun = () => {
    flushSync(close);
    returnFocus();
  };

  if (!palette) return null;
  return createPortal(
    <div
      ref={root}
      className="backdrop palette-backdrop"
      onPointerDown={(event) => {
        if (event.target !== event.currentTarget) return;
        flushSync(close);
        returnFocus();
      }}
    >
      <PaletteBody key={palette.seq} step={palette.step} closeForRun={closeForRun} />
    </div>,
    document.body,
  );
}
