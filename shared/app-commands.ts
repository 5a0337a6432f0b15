/**
 * Every command of the app, once: the command palette lists these, the desktop app's menu is
 * built from them, and both show the same shortcut (an Electron accelerator; the page matches
 * the same string). A command reaches a page as the contract's `menu` event, or from the palette.
 */

/** Where a command sits in the desktop app's menu bar. */
export type MenuSection = 'file' | 'view' | 'go';

/** One command as the menu and the palette show it. */
export interface AppCommandSpec {
  readonly id: string;
  /** What the palette and the menu say (sentence case, like the rest of the app). */
  readonly label: string;
  /** An Electron accelerator (`CmdOrCtrl+Shift+E`); the page matches the same keys. */
  readonly accelerator: string;
  readonly menu: MenuSection;
  /** Other words the palette matches ("goto", "open"). */
  readonly keywords?: string;
}

export const APP_COMMANDS = [
  { id: 'new-engagement', label: 'New engagement…', accelerator: 'CmdOrCtrl+N', menu: 'file', keywords: 'add project' },
  { id: 'new-note', label: 'New note…', accelerator: 'CmdOrCtrl+Alt+N', menu: 'file', keywords: 'add meeting minutes' },
  { id: 'sync', label: 'Sync with GitHub', accelerator: 'CmdOrCtrl+Shift+S', menu: 'file', keywords: 'refresh issues' },
  { id: 'export-deck', label: 'Export deck…', accelerator: 'CmdOrCtrl+Shift+E', menu: 'file', keywords: 'retrospective slides marp pdf' },
  { id: 'export-calendar', label: 'Export calendar…', accelerator: 'CmdOrCtrl+Shift+L', menu: 'file', keywords: 'ics ical due dates' },
  { id: 'backup-restore', label: 'Backup and restore…', accelerator: 'CmdOrCtrl+Alt+B', menu: 'file', keywords: 'save copy json import' },
  { id: 'settings', label: 'Settings…', accelerator: 'CmdOrCtrl+,', menu: 'file', keywords: 'preferences options' },
  { id: 'pals', label: 'Pals…', accelerator: 'CmdOrCtrl+Alt+P', menu: 'file', keywords: 'people limit login merge team' },
  { id: 'command-palette', label: 'Command palette…', accelerator: 'CmdOrCtrl+K', menu: 'view', keywords: 'commands actions' },
  { id: 'search', label: 'Search…', accelerator: 'CmdOrCtrl+F', menu: 'view', keywords: 'find filter' },
  { id: 'show-board', label: 'Board', accelerator: 'CmdOrCtrl+1', menu: 'view', keywords: 'open view kanban' },
  { id: 'show-actions', label: 'Action items', accelerator: 'CmdOrCtrl+2', menu: 'view', keywords: 'open view todo' },
  { id: 'show-deck', label: 'Retrospective deck', accelerator: 'CmdOrCtrl+3', menu: 'view', keywords: 'open view slides' },
  { id: 'show-insight', label: 'Insight', accelerator: 'CmdOrCtrl+4', menu: 'view', keywords: 'open view charts rounds' },
  { id: 'go-to-card', label: 'Go to card…', accelerator: 'CmdOrCtrl+P', menu: 'go', keywords: 'open engagement project jump' },
  { id: 'move-card', label: 'Move card to…', accelerator: 'CmdOrCtrl+Shift+M', menu: 'go', keywords: 'phase column' },
  { id: 'switch-round', label: 'Switch round…', accelerator: 'CmdOrCtrl+Alt+R', menu: 'go', keywords: 'show round' },
] as const satisfies readonly AppCommandSpec[];

/** A command's id (also the `menu` event's `command`). */
export type AppCommandId = (typeof APP_COMMANDS)[number]['id'];

/** The ids, in menu order. */
export const APP_COMMAND_IDS: readonly AppCommandId[] = APP_COMMANDS.map((c) => c.id);

/** One command by id. */
export function appCommand(id: AppCommandId): AppCommandSpec {
  return APP_COMMANDS.find((c) => c.id === id)!;
}

/** A key press, as the page's keydown event describes it. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  /** The physical key (`KeyN`): with Alt on macOS, `key` is another character. */
  readonly code?: string;
}

/** Whether a key press is this accelerator (CmdOrCtrl: Ctrl or ⌘, whichever the keyboard has). */
export function matchesAccelerator(accelerator: string, press: KeyPress): boolean {
  const parts = accelerator.split('+');
  const key = parts.at(-1)!.toLowerCase();
  const mods = new Set(parts.slice(0, -1));
  if ((press.ctrlKey || press.metaKey) !== mods.has('CmdOrCtrl')) return false;
  if (press.altKey !== mods.has('Alt') || press.shiftKey !== mods.has('Shift')) return false;
  if (press.key.toLowerCase() === key) return true;
  // Alt (and Shift) change the character a letter or digit key types; the physical key still says which.
  return /^[a-z0-9]$/.test(key) && (press.code === `Key${key.toUpperCase()}` || press.code === `Digit${key}`);
}

/** The shortcut as people write it on this platform: `Ctrl+Shift+E`, or `⇧⌘E` on macOS. */
export function shortcutLabel(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+');
  const key = parts.at(-1)!;
  const mods = parts.slice(0, -1);
  if (mac) {
    const symbols: Record<string, string> = { Alt: '⌥', Shift: '⇧', CmdOrCtrl: '⌘' };
    const order = ['Alt', 'Shift', 'CmdOrCtrl'];
    return `${order
      .filter((m) => mods.includes(m))
      .map((m) => symbols[m])
      .join('')}${key.toUpperCase()}`;
  }
  const names: Record<string, string> = { CmdOrCtrl: 'Ctrl', Alt: 'Alt', Shift: 'Shift' };
  return [...['CmdOrCtrl', 'Alt', 'Shift'].filter((m) => mods.includes(m)).map((m) => names[m]), key.toUpperCase()].join('+');
}

/** The aria-keyshortcuts value (both the Ctrl and the ⌘ form). */
export function ariaShortcut(accelerator: string): string {
  const parts = accelerator.split('+');
  const key = parts.at(-1)!.toUpperCase();
  const mods = parts.slice(0, -1).filter((m) => m !== 'CmdOrCtrl');
  return ['Control', 'Meta'].map((cmd) => [cmd, ...mods, key].join('+')).join(' ');
}
