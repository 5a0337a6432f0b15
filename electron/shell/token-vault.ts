/**
 * The desktop app's GitHub token, encrypted with Electron's safeStorage (the async API; the
 * sync one is deprecated in Electron 45) in `DATA/github-token.enc`, a file of its own written
 * atomically with mode 0600. Where Linux has no secret store (`basic_text`) the token is only
 * obfuscated: the vault says `insecure` and refuses to save until the user accepts that.
 * The renderer only ever sees the status (set, login, scopes, insecure).
 */
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { PalsError } from '../../shared/errors.js';
import type { TokenIdentity, TokenSource, TokenStatus } from '../core/lib/token-source.js';
import { writeFileDurable } from '../core/lib/durable-write.js';
import { errnoCode } from '../core/lib/fs.js';

/** The parts of Electron's safeStorage the vault uses (tests pass a fake). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ readonly shouldReEncrypt: boolean; readonly result: string }>;
  getSelectedStorageBackend?(): string;
}

type Assert<T extends true> = T;
/** Fails to compile if Electron's safeStorage stops fitting the interface. */
export type SafeStorageFits = Assert<SafeStorage extends SafeStorageLike ? true : false>;

/** The token's file in a data folder (never inside pals.json, which backups copy around). */
export function tokenFile(dataDir: string): string {
  return join(dataDir, 'github-token.enc');
}

interface Saved extends TokenIdentity {
  readonly version: 1;
  readonly insecure: boolean;
  readonly data: string;
}

const UNREADABLE = "the saved GitHub token cannot be read (the system's keyring changed?); set the token again";

/** A TokenSource over an encrypted file. */
export function createTokenVault(file: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): TokenSource {
  const insecureBackend = () => platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text';

  const load = async (): Promise<Saved | null> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw error;
    }
    try {
      const saved = JSON.parse(text) as Partial<Saved>;
      if (saved.version !== 1 || typeof saved.data !== 'string') return null;
      const scopes = Array.isArray(saved.scopes) ? saved.scopes.filter((s): s is string => typeof s === 'string') : [];
      const login = typeof saved.login === 'string' ? saved.login : null;
      return { version: 1, data: saved.data, login, scopes, insecure: saved.insecure === true };
    } catch {
      return null;
    }
  };

  const write = async (token: string, identity: TokenIdentity, insecure: boolean): Promise<void> => {
    const data = (await safeStorage.encryptStringAsync(token)).toString('base64');
    const saved: Saved = { version: 1, login: identity.login, scopes: [...identity.scopes], insecure, data };
    await writeFileDurable(file, `${JSON.stringify(saved)}\n`, { mode: 0o600 });
  };

  const status = async (): Promise<TokenStatus> => {
    const saved = await load();
    if (!saved) return { set: false, login: null, scopes: [], insecure: insecureBackend() };
    return { set: true, login: saved.login, scopes: saved.scopes, insecure: saved.insecure || insecureBackend() };
  };

  return {
    status,
    token: async () => {
      const saved = await load();
      if (!saved) return null;
      let decrypted: { readonly shouldReEncrypt: boolean; readonly result: string };
      try {
        decrypted = await safeStorage.decryptStringAsync(Buffer.from(saved.data, 'base64'));
      } catch {
        throw new PalsError('github', UNREADABLE);
      }
      // The key was rotated: store it again under the new key (best effort; the token is valid).
      if (decrypted.shouldReEncrypt) await write(decrypted.result, saved, saved.insecure).catch(() => undefined);
      return decrypted.result;
    },
    save: async (token, identity, { allowInsecure }) => {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) {
        throw new PalsError('github', 'this system offers no way to encrypt the token; use GITHUB_TOKEN with `pals sync` instead');
      }
      const insecure = insecureBackend();
      if (insecure && !allowInsecure) {
        throw new PalsError(
          'github',
          'this system has no secret store (keyring), so the token would only be obfuscated on disk; confirm to save it anyway',
          'allowInsecure',
        );
      }
      await write(token, identity, insecure);
      return status();
    },
    clear: async () => {
      await unlink(file).catch((error: unknown) => {
        if (errnoCode(error) !== 'ENOENT') throw error;
      });
      return status();
    },
  };
}
