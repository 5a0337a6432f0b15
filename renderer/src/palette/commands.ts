/**
 * The command palette's commands, as a registry any part of the app can add to: the app's own
 * commands (shared/app-commands.ts: the same list, labels and shortcuts as the desktop menu) are
 * registered in builtin-commands.ts; a view that comes later registers its own command, or the
 * handler of one the list already names (`provideCommand('show-insight', …)`).
 */
import { APP_COMMAND_IDS, appCommand, type AppCommandId } from '../../../shared/app-commands.js';
import type { AppStore, Store } from '../store/types.js';

/** One command of the palette (and of the keyboard, when it has a shortcut). */
export interface PaletteCommand {
  readonly id: string;
  readonly label: string;
  /** An Electron accelerator (`CmdOrCtrl+K`): shown beside the command, matched on key presses. */
  readonly accelerator?: string | undefined;
  /** More words typing may match. */
  readonly keywords?: string | undefined;
  /** Whether it can run now (default: yes); an unavailable command is not listed. */
  readonly available?: (state: Store) => boolean;
  /** Runs from a shortcut or the menu while a dialog is open too (a card's own commands). */
  readonly inDialog?: boolean;
  /** Does it; a command that needs more (which card, which phase) asks with `openPalette(step)`. */
  readonly run: (store: AppStore) => void;
}

const registry = new Map<string, PaletteCommand>();

/** Adds (or replaces) a command; returns its removal. */
export function registerCommand(command: PaletteCommand): () => void {
  registry.set(command.id, command);
  return () => {
    if (registry.get(command.id) === command) registry.delete(command.id);
  };
}

/** Registers one of the app's listed commands (label, shortcut and words from shared/app-commands.ts). */
export function provideCommand(
  id: AppCommandId,
  run: PaletteCommand['run'],
  options: Pick<PaletteCommand, 'available' | 'inDialog'> = {},
): () => void {
  const spec = appCommand(id);
  return registerCommand({ id, label: spec.label, accelerator: spec.accelerator, keywords: spec.keywords, ...options, run });
}

/** Every registered command: the app's listed ones in their menu order, then the others as registered. */
export function allCommands(): readonly PaletteCommand[] {
  const listed = APP_COMMAND_IDS.flatMap((id) => registry.get(id) ?? []);
  const others = [...registry.values()].filter((c) => !(APP_COMMAND_IDS as readonly string[]).includes(c.id));
  return [...listed, ...others];
}

/** One command by id. */
export function commandById(id: string): PaletteCommand | undefined {
  return registry.get(id);
}

/** The commands available now. */
export function availableCommands(state: Store): PaletteCommand[] {
  return allCommands().filter((c) => c.available?.(state) ?? true);
}

/** Lower-case words of a text, for matching what is typed. */
const words = (text: string) => text.toLowerCase().normalize('NFKD').split(/\s+/).filter(Boolean);

/** Whether every word typed starts a word of (or is found in) `text`. */
export function matchesQuery(query: string, text: string): boolean {
  const wanted = words(query);
  if (wanted.length === 0) return true;
  const haystack = text.toLowerCase().normalize('NFKD');
  return wanted.every((w) => haystack.includes(w));
}
