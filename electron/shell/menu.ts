/**
 * The application menu: the usual roles (Edit, View, Window) plus every command of the app with
 * its shortcut, from the same list the command palette shows (shared/app-commands.ts). A command
 * reaches the focused window as the contract's `menu` event.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { channelOf, MENU_COMMANDS, type MenuCommand } from '../../shared/api-names.js';
import { APP_COMMANDS, type MenuSection } from '../../shared/app-commands.js';

export { MENU_COMMANDS, type MenuCommand };

/** The channel the `menu` event travels on. */
export const MENU_CHANNEL = channelOf('menu');

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  /** Developer tools and reload items (not in a packaged build). */
  readonly developer: boolean;
  /** Delivers a command to the focused app window. */
  readonly send: (command: MenuCommand) => void;
}

/** The menu template for `Menu.buildFromTemplate`: every command of shared/app-commands.ts, with its shortcut. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const section = (menu: MenuSection): MenuItemConstructorOptions[] =>
    APP_COMMANDS.filter((c) => c.menu === menu).map((c) => ({
      label: c.label,
      accelerator: c.accelerator,
      // The page handles its own shortcuts (the same list, palette/use-app-commands.ts) and consumes
      // them; on Linux and Windows the menu only shows the key, so a key press never runs twice.
      registerAccelerator: false,
      click: () => {
        options.send(c.id);
      },
    }));
  const developer: MenuItemConstructorOptions[] = options.developer
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return [
    ...(mac ? [{ label: options.appName, role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: '&File', submenu: [...section('file'), { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...section('view'),
        { type: 'separator' },
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Go', submenu: section('go') },
    { role: 'windowMenu' },
  ];
}
