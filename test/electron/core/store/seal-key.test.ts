/**
 * `pals.seal` is keyed with a per-user secret kept outside the data folder: a folder copied in
 * with a seal that matches its bytes (made by anyone without this user's key, or by the unkeyed
 * format 2) is validated in full, so values no schema allows never reach the board or an export.
 */
import { createHash, createHmac } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDir, sealKey, sealKeyPath } from '../../../../electron/core/store/seal-key.js';
import { SEAL_FORMAT } from '../../../../electron/core/store/seal.js';
import { PalsStore } from '../../../../electron/core/store/store.js';
import { addEngagement } from '../../../../shared/engagements.js';
import { emptyDoc, SCHEMA_VERSION } from '../../../../shared/schema.js';
import { tempDir } from '../../../helpers.js';

const at = '2026-11-27T10:00:00.000Z';

/** A pals.json whose engagement id carries a CRLF and a calendar line: no schema allows it. */
function hostileText(): string {
  const doc = addEngagement(emptyDoc(), { name: 'Argo' }, { id: 'argo-id', at }).doc;
  const engagement = { ...doc.engagements[0]!, id: 'argo\r\nBEGIN:VEVENT' };
  return JSON.stringify({ ...doc, engagements: [engagement] });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('where the seal key lives', () => {
  it('is PALS_CONFIG_DIR when set, else the OS config folder, never a data folder', () => {
    expect(sealKeyPath({ PALS_CONFIG_DIR: '/t/cfg' }, 'linux')).toBe('/t/cfg/seal.key');
    expect(sealKeyPath({ XDG_CONFIG_HOME: '/home/u/.cfg' }, 'linux')).toBe('/home/u/.cfg/security-pals-desk/seal.key');
    expect(sealKeyPath({}, 'linux')).toMatch(/\/\.config\/security-pals-desk\/seal\.key$/);
    expect(sealKeyPath({}, 'darwin')).toMatch(/\/Library\/Application Support\/security-pals-desk\/seal\.key$/);
    expect(sealKeyPath({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toContain('security-pals-desk');
    // Beside the default data folder ("Security Pals Desk"), not inside it.
    expect(configDir({ XDG_CONFIG_HOME: '/c' }, 'linux')).toBe('/c/security-pals-desk');
  });

  it.skipIf(process.platform === 'win32')('is made on first use, 32 random bytes, mode 0600 in a 0700 folder, and kept', async () => {
    const dir = join(await tempDir(), 'config');
    const env = { PALS_CONFIG_DIR: dir };
    const key = await sealKey(env);
    expect(key).toHaveLength(32);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'seal.key'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, 'seal.key'))).toEqual(key);
  });

  it.skipIf(process.platform === 'win32')('is not used when others can read it (seals are then neither trusted nor written)', async () => {
    const dir = join(await tempDir(), 'config');
    await mkdir(dir, { mode: 0o700 });
    await writeFile(join(dir, 'seal.key'), Buffer.alloc(32, 7), { mode: 0o644 });
    await chmod(join(dir, 'seal.key'), 0o644);
    expect(await sealKey({ PALS_CONFIG_DIR: dir })).toBeNull();
  });
});

describe('a seal made without this user’s key', () => {
  it.each([
    [
      'an unkeyed seal (format 2)',
      (text: string) => ({ seal: 2, size: Buffer.byteLength(text), sha256: sha256(text), schemaVersion: SCHEMA_VERSION }),
    ],
    [
      'a keyed seal under another key',
      (text: string) => {
        const seal = { size: Buffer.byteLength(text), sha256: sha256(text), schemaVersion: SCHEMA_VERSION };
        const mac = createHmac('sha256', Buffer.alloc(32, 1))
          .update(`pals.seal/3\n${String(seal.schemaVersion)}\n${String(seal.size)}\n${seal.sha256}`)
          .digest('hex');
        return { seal: 3, ...seal, mac };
      },
    ],
    [
      'a keyed seal with its mac removed',
      (text: string) => ({ seal: 3, size: Buffer.byteLength(text), sha256: sha256(text), schemaVersion: SCHEMA_VERSION }),
    ],
  ])('does not vouch for a copied-in pals.json: %s → validated in full, the bad file set aside', async (_what, forge) => {
    const dir = await tempDir();
    const text = hostileText();
    await writeFile(join(dir, 'pals.json'), text);
    await writeFile(join(dir, 'pals.seal'), JSON.stringify(forge(text)));
    const { store, recovery } = await PalsStore.open(dir);
    expect(store.stats.sealedLoads).toBe(0);
    expect(recovery?.reason).toMatch(/damaged: engagements\[0\]\.id: must be a lowercase id/);
    expect(store.doc.engagements.map((e) => e.id)).not.toContain('argo\r\nBEGIN:VEVENT');
    expect(await readFile(recovery!.movedAside!, 'utf8')).toBe(text);
    await store.close();
  });

  it('while a seal this user’s program wrote still skips the validation', async () => {
    const dir = await tempDir();
    const first = await PalsStore.open(dir);
    await first.store.update((doc) => addEngagement(doc, { name: 'Argo' }, { id: 'argo-id', at }));
    await first.store.close();
    expect(JSON.parse(await readFile(join(dir, 'pals.seal'), 'utf8'))).toMatchObject({
      seal: SEAL_FORMAT,
      mac: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const { store } = await PalsStore.open(dir);
    expect(store.stats.sealedLoads).toBe(1);
    await store.close();
  });
});
