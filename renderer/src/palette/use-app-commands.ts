/**
 * Every command's shortcut on the page, and the desktop menu's commands: one path for both, so a
 * shortcut does in a browser tab what the same menu item does in the desktop app. A shortcut the
 * page handles is consumed (preventDefault), so the desktop menu never runs it a second time.
 * While a dialog is open only the commands meant for it run (the palette, a card's own commands);
 * while the palette is open, only its own shortcut (which starts it over).
 */
import { useEffect } from 'react';
import { matchesAccelerator } from '../../../shared/app-commands.js';
import { registerBackupCommands } from '../backup/backup-commands.js';
import { registerRoundCommands } from '../rounds/round-commands.js';
import { useStoreApi } from '../store/store-context.js';
import type { AppStore } from '../store/types.js';
import { registerBuiltinCommands } from './builtin-commands.js';
import { allCommands, commandById, type PaletteCommand } from './commands.js';

/**
 * Runs a command if it may run now; true when it ran. From the palette every listed command runs
 * (one not meant for a dialog closes the card's dialog first); a shortcut or the menu leaves an
 * open dialog alone unless the command is meant for it.
 */
export function runCommand(store: AppStore, command: PaletteCommand, fromPalette = false): boolean {
  const s = store.getState();
  if (s.palette && command.id !== 'command-palette') return false;
  if (s.dialog && !command.inDialog) {
    if (!fromPalette) return false;
    s.closeDialog();
  }
  if (!(command.available?.(s) ?? true)) return false;
  command.run(store);
  return true;
}

/** Follows the keyboard and the desktop menu while mounted. */
export function useAppCommands(): void {
  const store = useStoreApi();
  useEffect(() => {
    registerBuiltinCommands();
    registerRoundCommands();
    registerBackupCommands();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || !(event.ctrlKey || event.metaKey)) return;
      const command = allCommands().find((c) => c.accelerator !== undefined && matchesAccelerator(c.accelerator, event));
      if (command && runCommand(store, command)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    const offMenu = store.getState().onMenuCommand((id) => {
      const command = commandById(id);
      if (command) runCommand(store, command);
    });
    const offOpen = store.getState().onOpenCard((id) => {
      const s = store.getState();
      s.closePalette();
      s.setView('board');
      s.openCard(id);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      offMenu();
      offOpen();
    };
  }, [store]);
}
