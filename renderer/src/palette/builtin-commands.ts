/**
 * The app's own commands, registered once at load: what each of shared/app-commands.ts does on
 * screen. Insight and Settings are listed there too; whichever part of the app draws those screens
 * provides their handlers (`provideCommand`), and until then the view's tab, if any, is used.
 */
import { nameKey } from '../../../shared/engagements.js';
import { PHASE_TITLES, PHASES, type Phase } from '../../../shared/phases.js';
import { ALL_ROUNDS } from '../../../shared/schema.js';
import type { CardView } from '../../../shared/view.js';
import type { PaletteStep, StepOption } from '../store/palette-slice.js';
import type { AppStore, Store } from '../store/types.js';
import type { View } from '../store/ui-slice.js';
import { VIEW_PREFIX } from '../views/view-switch.js';
import { commandById, provideCommand } from './commands.js';

/** Most cards a "which card" step lists (typing narrows a board of thousands). */
const MAX_CARDS = 50;

/** Focuses the element `find` returns once it is there (a lazy view may take a few frames). */
export function focusWhenReady(find: () => HTMLElement | null, frames = 120): void {
  const attempt = (left: number) => {
    const element = find();
    if (element) element.focus();
    else if (left > 0)
      requestAnimationFrame(() => {
        attempt(left - 1);
      });
  };
  requestAnimationFrame(() => {
    attempt(frames);
  });
}

/** The card whose dialog is open, if any. */
function openCardOf(s: Store): CardView | undefined {
  const d = s.dialog;
  return d?.kind === 'card' ? s.board?.engagements.find((e) => e.id === d.id) : undefined;
}

/** Cards whose names match what is typed: names starting with it first, then by name. */
export function cardsMatching(cards: readonly CardView[], query: string, max = MAX_CARDS): CardView[] {
  const q = nameKey(query);
  const hits = q ? cards.filter((c) => nameKey(c.name).includes(q)) : [...cards];
  const starts = (c: CardView) => (q && nameKey(c.name).startsWith(q) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b) || a.name.localeCompare(b.name)).slice(0, max);
}

/** "Which card?", then `then` with the chosen card. */
function cardStep(store: AppStore, title: string, then: (card: CardView) => void): PaletteStep {
  return {
    title,
    placeholder: 'Type a project name',
    empty: 'No card has that name',
    options: (query) =>
      cardsMatching(store.getState().board?.engagements ?? [], query).map((card): StepOption => ({
        id: card.id,
        label: card.name,
        hint: PHASE_TITLES[card.phase],
        run: () => {
          then(card);
        },
      })),
  };
}

/** "Move to which phase?" for one card. */
function phaseStep(store: AppStore, card: CardView): PaletteStep {
  const move = (to: Phase) => {
    const { move: run, announce } = store.getState();
    void run(card.id, to).then((ok) => {
      if (ok) announce(`${card.name} moved to ${PHASE_TITLES[to]}.`);
    });
  };
  return {
    title: `Move ${card.name} to`,
    placeholder: 'Type a phase',
    empty: 'No phase has that name',
    options: (query) =>
      PHASES.filter((p) => p !== card.phase && nameKey(PHASE_TITLES[p]).includes(nameKey(query))).map((p) => ({
        id: p,
        label: PHASE_TITLES[p],
        run: () => {
          move(p);
        },
      })),
  };
}

/** "Show which round?": every round by name, and all of them. */
function roundStep(store: AppStore): PaletteStep {
  return {
    title: 'Show round',
    placeholder: 'Type a round name',
    empty: 'No round has that name',
    options: (query) => {
      const s = store.getState();
      const current = s.board?.settings.currentRound;
      const rounds = (s.board?.rounds ?? []).map((r) => ({
        id: r.id,
        label: r.name,
        hint: r.id === current ? 'current round' : undefined,
      }));
      return [...rounds, { id: ALL_ROUNDS, label: 'All rounds', hint: undefined }]
        .filter((r) => nameKey(r.label).includes(nameKey(query)))
        .map((r) => ({
          id: r.id,
          label: r.label,
          ...(r.hint ? { hint: r.hint } : {}),
          run: () => {
            store.getState().setView('board');
            store.getState().setRound(r.id);
            store.getState().announce(`Showing ${r.label === 'All rounds' ? 'all rounds' : r.label}.`);
          },
        }));
    },
  };
}

/** Shows a view (closing a card's dialog first) and puts focus on its tab. */
function showView(store: AppStore, view: View): void {
  const s = store.getState();
  if (s.dialog) s.closeDialog();
  s.setView(view);
  focusWhenReady(() => document.getElementById(`${VIEW_PREFIX}-tab-${view}`));
}

/** A view only some builds have (Insight): its tab, when there is one. */
const tabOf = (view: string) => (typeof document === 'undefined' ? null : document.getElementById(`${VIEW_PREFIX}-tab-${view}`));

/** Opens the palette on a question. */
const ask = (store: AppStore, step: PaletteStep) => {
  store.getState().openPalette(step);
};

/** Registers the app's own commands (idempotent: a second call replaces them). */
export function registerBuiltinCommands(): void {
  provideCommand(
    'command-palette',
    (store) => {
      store.getState().openPalette();
    },
    { inDialog: true },
  );
  provideCommand(
    'go-to-card',
    (store) => {
      ask(
        store,
        cardStep(store, 'Go to card', (card) => {
          store.getState().openCard(card.id);
        }),
      );
    },
    { inDialog: true },
  );
  provideCommand('new-engagement', (store) => {
    store.getState().openNew();
  });
  provideCommand(
    'new-note',
    (store) => {
      const open = openCardOf(store.getState());
      if (open) {
        store.getState().requestNewNote(open.id);
        return;
      }
      ask(
        store,
        cardStep(store, 'New note for', (card) => {
          store.getState().openCard(card.id);
          store.getState().requestNewNote(card.id);
        }),
      );
    },
    { inDialog: true, available: (s) => (s.board?.engagements.length ?? 0) > 0 },
  );
  provideCommand(
    'move-card',
    (store) => {
      const open = openCardOf(store.getState());
      ask(
        store,
        open
          ? phaseStep(store, open)
          : cardStep(store, 'Move which card', (card) => {
              ask(store, phaseStep(store, card));
            }),
      );
    },
    { inDialog: true, available: (s) => (s.board?.engagements.length ?? 0) > 0 },
  );
  provideCommand('search', (store) => {
    showView(store, 'board');
    focusWhenReady(() => document.getElementById('board-search'));
  });
  provideCommand('sync', (store) => {
    void store.getState().syncNow();
  });
  provideCommand('export-deck', (store) => {
    showView(store, 'deck');
    focusWhenReady(() => document.querySelector<HTMLElement>('[role="group"][aria-label="Export"] button'));
  });
  provideCommand('export-calendar', (store) => {
    store.getState().openPanel('calendar');
  });
  provideCommand(
    'switch-round',
    (store) => {
      ask(store, roundStep(store));
    },
    { available: (s) => (s.board?.rounds.length ?? 0) > 0 },
  );
  provideCommand('settings', (store) => {
    store.getState().openPanel('github-settings');
  });
  provideCommand('pals', (store) => {
    store.getState().openPanel('pals');
  });
  provideCommand('show-board', (store) => {
    showView(store, 'board');
  });
  provideCommand('show-actions', (store) => {
    showView(store, 'actions');
  });
  provideCommand('show-deck', (store) => {
    showView(store, 'deck');
  });
  // Insight and Settings: listed once their screens exist (their code provides the real handler).
  if (!commandById('show-insight')) {
    provideCommand(
      'show-insight',
      (store) => {
        if (store.getState().dialog) store.getState().closeDialog();
        tabOf('insight')?.click();
        focusWhenReady(() => tabOf('insight'));
      },
      { available: () => tabOf('insight') !== null },
    );
  }
}
