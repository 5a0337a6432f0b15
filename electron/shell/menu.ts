/**
 * The application menu: the usual roles (Edit, View, Window) plus the board's own commands with
 * their shortcuts. A command reaches the focused window as the contract's `menu` event.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { channelOf, MENU_COMMANDS, type MenuCommand } from '../../shared/api-names.js';

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

/** The menu template for `Menu.buildFromTemplate`. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const item = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => {
      options.send(command);
    },
  });
  const developer: MenuItemConstructorOptions[] = options.developer
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return [
    ...(mac ? [{ label: options.appName, role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        item('New Engagement…', 'CmdOrCtrl+N', 'new-engagement'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        item('Search…', 'CmdOrCtrl+F', 'search'),
        { type: 'separator' },
        item('Board', 'CmdOrCtrl+1', 'show-board'),
        item('Action Items', 'CmdOrCtrl+2', 'show-actions'),
        { type: 'separator' },
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
