/** The app's token vault with a stand-in for Electron's safeStorage: encrypted, 0600, honest about basic_text. */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTokenVault, tokenFile, type SafeStorageLike } from '../../../electron/shell/token-vault.js';
import { tempDir } from '../../helpers.js';
import { TOKEN } from '../core/github/setup.js';

/** XOR "encryption" under a key that can be rotated, like a keyring would. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true) {
  const state = { key: 7, rotated: false, backend, available };
  const xor = (b: Buffer, key: number) => Buffer.from(b.map((x) => x ^ key));
  const storage: SafeStorageLike = {
    isAsyncEncryptionAvailable: () => Promise.resolve(state.available),
    encryptStringAsync: (text) => Promise.resolve(Buffer.concat([Buffer.from([state.key]), xor(Buffer.from(text), state.key)])),
    decryptStringAsync: (data) => {
      if (data[0] !== 7 && data[0] !== 9) return Promise.reject(new Error('bad key'));
      return Promise.resolve({ result: xor(data.subarray(1), data[0]).toString(), shouldReEncrypt: data[0] !== state.key });
    },
    getSelectedStorageBackend: () => state.backend,
  };
  return { storage, state };
}

const identity = { login: 'pal-coordinator', scopes: ['repo'] };

describe('token vault', () => {
  it('keeps the token encrypted in a 0600 file of its own; the status never holds it', async () => {
    const dir = await tempDir();
    const { storage } = fakeSafeStorage();
    const vault = createTokenVault(tokenFile(dir), storage, 'linux');
    expect(await vault.status()).toEqual({ set: false, login: null, scopes: [], insecure: false });
    expect(await vault.token()).toBeNull();
    expect(await vault.save!(TOKEN, identity, { allowInsecure: false })).toEqual({
      set: true,
      login: 'pal-coordinator',
      scopes: ['repo'],
      insecure: false,
    });
    const file = tokenFile(dir);
    expect(file).toBe(join(dir, 'github-token.enc'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).not.toContain(TOKEN);
    expect(await readdir(dir)).toEqual(['github-token.enc']);
    expect(await vault.token()).toBe(TOKEN);
    expect(JSON.stringify(await vault.status())).not.toContain(TOKEN);
    expect(await vault.clear!()).toMatchObject({ set: false });
    expect(await vault.token()).toBeNull();
    expect(await vault.clear!()).toMatchObject({ set: false });
  });

  it('says insecure on Linux basic_text and saves only when the user accepts it', async () => {
    const dir = await tempDir();
    const { storage } = fakeSafeStorage('basic_text');
    const vault = createTokenVault(tokenFile(dir), storage, 'linux');
    expect(await vault.status()).toMatchObject({ set: false, insecure: true });
    await expect(vault.save!(TOKEN, identity, { allowInsecure: false })).rejects.toThrow(/no secret store/);
    expect(await readdir(dir)).toEqual([]);
    expect(await vault.save!(TOKEN, identity, { allowInsecure: true })).toMatchObject({ set: true, insecure: true });
    expect(await createTokenVault(join(dir, 'other.enc'), storage, 'darwin').status()).toMatchObject({ insecure: false });
  });

  it('refuses to save without encryption, re-encrypts after a key rotation, and reports an unreadable file', async () => {
    const dir = await tempDir();
    const none = fakeSafeStorage('gnome_libsecret', false);
    await expect(createTokenVault(tokenFile(dir), none.storage, 'linux').save!(TOKEN, identity, { allowInsecure: true })).rejects.toThrow(
      /no way to encrypt/,
    );
    const { storage, state } = fakeSafeStorage();
    const vault = createTokenVault(tokenFile(dir), storage, 'linux');
    await vault.save!(TOKEN, identity, { allowInsecure: false });
    state.key = 9;
    expect(await vault.token()).toBe(TOKEN);
    const saved = JSON.parse(await readFile(tokenFile(dir), 'utf8')) as { data: string };
    expect(Buffer.from(saved.data, 'base64')[0]).toBe(9);
    await writeFile(tokenFile(dir), JSON.stringify({ ...saved, data: Buffer.from([1, 2, 3]).toString('base64') }));
    await expect(vault.token()).rejects.toThrow(/cannot be read.*set the token again/);
    await writeFile(tokenFile(dir), 'garbage');
    expect(await vault.status()).toMatchObject({ set: false });
  });
});
