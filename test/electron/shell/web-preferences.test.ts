/** The window factory's preferences: every hardening switch, and only a CommonJS preload. */
import { describe, expect, it } from 'vitest';
import { hardenedWebPreferences } from '../../../electron/shell/web-preferences.js';

describe('hardenedWebPreferences', () => {
  it('sandboxes and isolates the page, with no Node anywhere in it', () => {
    const prefs = hardenedWebPreferences({ preload: '/app/dist/electron/preload.cjs', devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('partition');
    expect(prefs).not.toHaveProperty('session');
  });

  it('refuses an ES module preload, which a sandboxed renderer cannot load', () => {
    expect(() => hardenedWebPreferences({ preload: '/app/dist/electron/preload.js', devTools: true })).toThrow(/CommonJS/);
  });
});
