/**
 * Where the GitHub token goes is not a page's to decide. A page (or script injected into one) that
 * could change the API address could send the token to any https host on the next sync; so could
 * a backup file that carried its own address. The command line (`pals settings --api-url`) still
 * sets it; the desktop app asks in a native dialog no page can answer; `pals serve` refuses; a
 * restore keeps this machine's address.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportPlatform } from '../../../electron/core/context.js';
import { envTokenSource } from '../../../electron/core/lib/token-source.js';
import { createCore } from '../../../electron/core/open-core.js';
import type { PalsStore } from '../../../electron/core/store/store.js';
import { emptyDoc } from '../../../shared/schema.js';
import { tempDir } from '../../helpers.js';
import { fakeGithub, linked, openStore, TOKEN } from './github/setup.js';

type Confirm = (url: string) => Promise<boolean>;

function open(store: PalsStore, confirmApiUrl?: Confirm, exportPlatform?: ExportPlatform) {
  return createCore(store, {
    today: () => '2026-11-27',
    github: {
      tokenSource: envTokenSource({ GITHUB_TOKEN: TOKEN }),
      client: { waitUnitMs: 5 },
      ...(confirmApiUrl ? { confirmApiUrl } : {}),
    },
    ...(exportPlatform ? { exportPlatform } : {}),
    log: () => undefined,
  });
}

/** A backup file whose settings name `apiUrl` (a hostile or a foreign one). */
async function backupNaming(apiUrl: string): Promise<string> {
  const file = join(await tempDir(), 'backup.json');
  const doc = emptyDoc();
  await writeFile(file, JSON.stringify({ ...doc, settings: { ...doc.settings, apiUrl } }));
  return file;
}

describe('the GitHub API address and the token', () => {
  it('under pals serve, a page cannot point the token at another host; the command line can', async () => {
    const github = await fakeGithub();
    const attacker = await fakeGithub();
    github.add({ owner: 'o', repo: 'r', number: 1 });
    const store = await openStore();
    await linked(store, 'Falco', 'o/r#1');
    const core = open(store);
    // The coordinator's own choice, as `pals settings --api-url` makes it (a host call).
    expect(await core.call('updateSettings', { apiUrl: github.url })).toMatchObject({ ok: true });

    const page = await core.dispatch('updateSettings', { apiUrl: attacker.url });
    expect(page).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'apiUrl', message: expect.stringMatching(/pals settings --api-url/) },
    });
    expect(store.doc.settings.apiUrl).toBe(github.url);
    expect(await core.dispatch('syncNow', {})).toMatchObject({ ok: true, value: { checked: 1, updated: 1 } });
    expect(attacker.requests).toEqual([]);
    expect(github.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);

    // What a page may still do: other settings, or the same address.
    expect(await core.dispatch('updateSettings', { apiUrl: github.url, dueSoonDays: 5 })).toMatchObject({
      ok: true,
      value: { dueSoonDays: 5 },
    });
    // Back to api.github.com is a new address too: an Enterprise server's token would go to github.com.
    for (const apiUrl of [null, '', ' https://api.github.com/ ']) {
      expect(await core.dispatch('updateSettings', { apiUrl })).toMatchObject({
        ok: false,
        error: {
          code: 'invalid-input',
          field: 'apiUrl',
          message: expect.stringMatching(/pals settings --api-url https:\/\/api\.github\.com/),
        },
      });
    }
    expect(store.doc.settings.apiUrl).toBe(github.url);
    expect(await core.call('updateSettings', { apiUrl: null })).toMatchObject({ ok: true, value: { apiUrl: 'https://api.github.com' } });
    expect(store.doc.settings.apiUrl).toBeNull();
    // Already api.github.com: nothing changes, nothing to refuse.
    expect(await core.dispatch('updateSettings', { apiUrl: null, palLimit: 4 })).toMatchObject({ ok: true, value: { palLimit: 4 } });
  });

  it('in the desktop app, a page changes it only when the user confirms outside the page', async () => {
    const store = await openStore();
    const asked: string[] = [];
    let answer = false;
    const core = open(store, (url) => {
      asked.push(url);
      return Promise.resolve(answer);
    });
    const ghe = 'https://ghe.example.com/api/v3';
    expect(await core.dispatch('updateSettings', { apiUrl: `${ghe}/` })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'apiUrl', message: expect.stringMatching(/not changed/) },
    });
    expect(store.doc.settings.apiUrl).toBeNull();
    answer = true;
    expect(await core.dispatch('updateSettings', { apiUrl: ghe })).toMatchObject({ ok: true, value: { apiUrl: ghe } });
    expect(asked).toEqual([ghe, ghe]);
    // Unchanged: nothing to confirm.
    await core.dispatch('updateSettings', { apiUrl: ghe, palLimit: 3 });
    expect(asked).toHaveLength(2);
    // Back to api.github.com: asked like any other address, and Cancel keeps the Enterprise one.
    answer = false;
    for (const apiUrl of [null, '']) {
      expect(await core.dispatch('updateSettings', { apiUrl })).toMatchObject({ ok: false, error: { field: 'apiUrl' } });
    }
    expect(store.doc.settings.apiUrl).toBe(ghe);
    answer = true;
    expect(await core.dispatch('updateSettings', { apiUrl: null })).toMatchObject({
      ok: true,
      value: { apiUrl: 'https://api.github.com' },
    });
    expect(asked).toEqual([ghe, ghe, 'https://api.github.com', 'https://api.github.com', 'https://api.github.com']);
    expect(store.doc.settings.apiUrl).toBeNull();
  });

  it('a restored backup keeps this machine’s API address, from the command line and from the app', async () => {
    const store = await openStore();
    const core = open(store);
    const evil = await backupNaming('https://evil.example/api');
    expect(await core.call('restoreFrom', { file: evil })).toMatchObject({ ok: true });
    expect(store.doc.settings.apiUrl).toBeNull();

    const ghe = 'https://ghe.example.com/api/v3';
    await core.call('updateSettings', { apiUrl: ghe });
    const platform: ExportPlatform = {
      saveFile: () => Promise.resolve(null),
      printToPdf: () => Promise.reject(new Error('unused')),
      openFile: () => Promise.resolve(evil),
    };
    const app = open(store, () => Promise.resolve(false), platform);
    const chosen = await app.dispatch('chooseBackup', {});
    expect(chosen).toMatchObject({ ok: true, value: { kind: 'chosen' } });
    const { choice } = (chosen as { value: { choice: string } }).value;
    expect(await app.dispatch('restoreBackup', { choice })).toMatchObject({ ok: true });
    expect(store.doc.settings.apiUrl).toBe(ghe);
  });
});
