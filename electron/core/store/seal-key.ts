/**
 * The secret that keys `pals.seal` (seal.ts): 32 random bytes in a per-user file OUTSIDE every
 * data folder, so a folder copied in from elsewhere (a shared drive, a colleague's backup, an
 * attacker's archive) cannot bring a seal that vouches for it: only this user's own writes can.
 *
 * Where: `$PALS_CONFIG_DIR/seal.key` when set (tests, unusual setups), else the user's config
 * folder: `$XDG_CONFIG_HOME` (or `~/.config`)`/security-pals-desk/seal.key` on Linux,
 * `~/Library/Application Support/security-pals-desk/seal.key` on macOS,
 * `%APPDATA%\security-pals-desk\seal.key` on Windows. Created on first use (folder 0700, file
 * 0600). A key that cannot be read or made, or that others can read, is no key: seals are then
 * neither written nor trusted, and every load is validated in full (slower, never wrong).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appDataDir } from '../paths.js';
import { errnoCode } from '../lib/fs.js';

const KEY_BYTES = 32;

/** The folder of this user's own settings for the desk (not a data folder). */
export function configDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return env.PALS_CONFIG_DIR || join(appDataDir(env, platform), 'security-pals-desk');
}

/** Where the seal key lives for this user. */
export function sealKeyPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return join(configDir(env, platform), 'seal.key');
}

async function readKey(path: string): Promise<Buffer | null> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    // Readable by others (POSIX modes): anyone could forge seals with it.
    if (!stats.isFile() || (process.platform !== 'win32' && (stats.mode & 0o077) !== 0)) return null;
    const key = await handle.readFile();
    return key.length === KEY_BYTES ? key : null;
  } finally {
    await handle.close();
  }
}

async function loadOrCreate(path: string, dir: string): Promise<Buffer | null> {
  try {
    return await readKey(path);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') return null;
  }
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const key = randomBytes(KEY_BYTES);
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(key);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return key;
  } catch (error) {
    // Another process made it first: use theirs.
    if (errnoCode(error) === 'EEXIST')
      return await readFile(path).then(
        (key) => (key.length === KEY_BYTES ? key : null),
        () => null,
      );
    return null;
  }
}

const loaded = new Map<string, Promise<Buffer | null>>();

/** This user's seal key (made on first use), or null when there is none to be had; read once per process. */
export function sealKey(env: NodeJS.ProcessEnv = process.env): Promise<Buffer | null> {
  const path = sealKeyPath(env);
  let key = loaded.get(path);
  if (!key) {
    key = loadOrCreate(path, configDir(env));
    loaded.set(path, key);
  }
  return key;
}
