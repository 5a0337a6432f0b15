/**
 * The command palette's round and insight commands: "Insight" (Ctrl/Cmd+4, the view), "Round
 * settings…", "New round…" and "Start next round…" (the round dialog).
 */
import { focusWhenReady } from '../palette/builtin-commands.js';
import { provideCommand, registerCommand } from '../palette/commands.js';
import type { AppStore } from '../store/types.js';
import { VIEW_PREFIX } from '../views/view-switch.js';

const hasBoard = (s: ReturnType<AppStore['getState']>) => s.board !== null;

/** Registers them (idempotent: a second call replaces them). */
export function registerRoundCommands(): void {
  provideCommand('show-insight', (store) => {
    const s = store.getState();
    if (s.dialog) s.closeDialog();
    s.setView('insight');
    focusWhenReady(() => document.getElementById(`${VIEW_PREFIX}-tab-insight`));
  });
  registerCommand({
    id: 'round-settings',
    label: 'Round settings…',
    keywords: 'rounds windows weeks timebox weights score rename delete',
    available: hasBoard,
    run: (store) => {
      store.getState().openRoundDialog('settings');
    },
  });
  registerCommand({
    id: 'start-next-round',
    label: 'Start next round…',
    keywords: 'new round carry over unfinished',
    available: hasBoard,
    run: (store) => {
      store.getState().openRoundDialog('next');
    },
  });
  registerCommand({
    id: 'new-round',
    label: 'New round…',
    keywords: 'add round create',
    available: hasBoard,
    run: (store) => {
      store.getState().openRoundDialog('new');
    },
  });
}
