/**
 * The hardened settings every app window gets. Kept apart from the window factory so a test
 * can read them without Electron, and so no window is ever made with anything weaker.
 */
import type { WebPreferences } from 'electron';

export interface WebPreferencesOptions {
  /** Absolute path of the bundled CommonJS preload (dist/electron/preload.cjs). */
  readonly preload: string;
  /** Developer tools: on while developing, off in a packaged build. */
  readonly devTools: boolean;
  /** The OS (`process.platform`): it decides whether spell checking can stay on this machine. */
  readonly platform: NodeJS.Platform;
}

/**
 * Spell checking without the network: macOS checks with the system's own dictionaries; on Linux
 * and Windows Chromium would download Hunspell dictionaries from Google's CDN, which breaks
 * "nothing leaves this machine except GitHub", so it is off there.
 */
export function spellcheckStaysLocal(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

/** Sandboxed, context-isolated, no Node in the page or its workers, no webview, web security on. */
export function hardenedWebPreferences(options: WebPreferencesOptions): WebPreferences {
  if (!options.preload.endsWith('.cjs')) throw new Error(`the sandboxed preload must be a CommonJS bundle (.cjs), got ${options.preload}`);
  return {
    preload: options.preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: spellcheckStaysLocal(options.platform),
    devTools: options.devTools,
  };
}
