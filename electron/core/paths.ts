/**
 * Where data lives. The CLI and the desktop app must agree without talking to each other,
 * so the default mirrors Electron's `app.getPath('userData')` for our product name.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PRODUCT_NAME = 'Security Pals Desk';

/** Electron's `appData` folder for this platform. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

/** `--data`, else `$PALS_DATA_DIR`, else the app's user-data folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.PALS_DATA_DIR) return resolve(env.PALS_DATA_DIR);
  return join(appDataDir(env), PRODUCT_NAME);
}

/** The files inside a data folder. */
export function storePaths(dir: string) {
  return {
    dir,
    file: join(dir, 'pals.json'),
    journal: join(dir, 'pals.journal'),
    lock: join(dir, 'pals.lock'),
    backups: join(dir, 'backups'),
  } as const;
}
