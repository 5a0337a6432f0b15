/** The menu template per platform: the board's shortcuts everywhere, developer items only in development. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_CHANNEL, MENU_COMMANDS, menuTemplate, type MenuCommand } from '../../../electron/shell/menu.js';
import { APP_COMMANDS } from '../../../shared/app-commands.js';

const items = (template: MenuItemConstructorOptions[]) => template.flatMap((top) => (Array.isArray(top.submenu) ? top.submenu : []));
const roles = (template: MenuItemConstructorOptions[]) => [...template, ...items(template)].map((i) => i.role).filter(Boolean);

describe('menuTemplate', () => {
  it('sends each board command from its shortcut', () => {
    const sent: MenuCommand[] = [];
    const template = menuTemplate({ platform: 'linux', appName: 'Security Pals Desk', developer: false, send: (c) => sent.push(c) });
    const shortcuts = items(template).filter((i) => i.accelerator !== undefined);
    // The same commands and shortcuts as the command palette: one list (shared/app-commands.ts).
    expect(shortcuts.map((i) => [i.label, i.accelerator])).toEqual(APP_COMMANDS.map((c) => [c.label, c.accelerator]));
    expect(shortcuts.map((i) => i.accelerator)).toEqual(
      expect.arrayContaining(['CmdOrCtrl+K', 'CmdOrCtrl+1', 'CmdOrCtrl+2', 'CmdOrCtrl+F', 'CmdOrCtrl+N']),
    );
    expect(new Set(shortcuts.map((i) => i.accelerator)).size).toBe(shortcuts.length);
    for (const item of shortcuts) (item.click as () => void)();
    expect(sent.sort()).toEqual([...MENU_COMMANDS].sort());
    expect(MENU_CHANNEL).toBe('pals:menu');
  });

  it('has Quit in File on Linux and Windows, the app menu on macOS', () => {
    const send = vi.fn();
    const linux = menuTemplate({ platform: 'linux', appName: 'Security Pals Desk', developer: false, send });
    const mac = menuTemplate({ platform: 'darwin', appName: 'Security Pals Desk', developer: false, send });
    expect(roles(linux)).toEqual(expect.arrayContaining(['quit', 'editMenu', 'windowMenu']));
    expect(roles(linux)).not.toContain('appMenu');
    expect(roles(mac)).toEqual(expect.arrayContaining(['appMenu', 'close', 'editMenu', 'windowMenu']));
  });

  it('offers reload and developer tools only while developing', () => {
    const send = vi.fn();
    expect(roles(menuTemplate({ platform: 'linux', appName: 'x', developer: false, send }))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ platform: 'linux', appName: 'x', developer: true, send }))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });
});
