/** The window factory's preferences: every hardening switch, and only a CommonJS preload. */
import { describe, expect, it } from 'vitest';
import { hardenedWebPreferences } from '../../../electron/shell/web-preferences.js';

describe('hardenedWebPreferences', () => {
  it('sandboxes and isolates the page, with no Node anywhere in it', () => {
    const prefs = hardenedWebPreferences({ preload: '/app/dist/electron/preload.cjs', devTools: false, platform: 'darwin' });
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

  it('turns spell checking off where Chromium would download dictionaries (Linux, Windows)', () => {
    for (const platform of ['linux', 'win32', 'freebsd'] as const)
      expect(hardenedWebPreferences({ preload: '/app/p.cjs', devTools: false, platform }).spellcheck, platform).toBe(false);
  });

  it('refuses an ES module preload, which a sandboxed renderer cannot load', () => {
    expect(() => hardenedWebPreferences({ preload: '/app/dist/electron/preload.js', devTools: true, platform: 'linux' })).toThrow(
      /CommonJS/,
    );
  });
});
