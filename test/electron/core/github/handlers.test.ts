/** The GitHub calls of the API contract, through the core's entrance (and over `pals serve`'s HTTP + SSE). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../../electron/core/events.js';
import { createCore } from '../../../../electron/core/open-core.js';
import { envTokenSource, type TokenSource, type TokenStatus } from '../../../../electron/core/lib/token-source.js';
import { startServer } from '../../../../electron/serve/server.js';
import type { PalsStore } from '../../../../electron/core/store/store.js';
import { tempDir } from '../../../helpers.js';
import type { FakeGithub } from '../../../support/github/fake-github.js';
import { readUntil } from '../../../support/read-until.js';
import { fakeGithub, linked, openStore, TOKEN } from './setup.js';

/** An in-memory token source like the app's vault. */
function memorySource(initial: string | null): TokenSource & { saved: string | null } {
  const state = { saved: initial, login: null as string | null, scopes: [] as readonly string[] };
  const status = (): Promise<TokenStatus> =>
    Promise.resolve({ set: state.saved !== null, login: state.login, scopes: state.scopes, insecure: false });
  return Object.assign(state, {
    token: () => Promise.resolve(state.saved),
    status,
    save: (token: string, identity: { login: string | null; scopes: readonly string[] }) => {
      Object.assign(state, { saved: token, ...identity });
      return status();
    },
    clear: () => {
      state.saved = null;
      return status();
    },
  });
}

function core(store: PalsStore, fake: FakeGithub, tokenSource: TokenSource, seen?: CoreEvent[]) {
  const opened = createCore(store, {
    today: () => '2026-11-27',
    github: { tokenSource, apiUrl: fake.url, client: { waitUnitMs: 5 } },
    log: () => undefined,
  });
  if (seen) opened.on((e) => seen.push(e));
  return (call: string, args: unknown = {}) => opened.dispatch(call, args);
}

describe('GitHub API calls', () => {
  it('syncs now with progress events, one sync at a time, and reports the status', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    for (let n = 1; n <= 3; n++) {
      fake.add({ owner: 'o', repo: 'r', number: n, labels: ['pals/draft'] });
      await linked(store, `P${n}`, `o/r#${n}`);
    }
    const seen: CoreEvent[] = [];
    const call = core(store, fake, memorySource(TOKEN), seen);
    const [a, b] = await Promise.all([call('syncNow'), call('syncNow')]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ ok: true, value: { checked: 3, updated: 3, failed: [], error: null } });
    expect(fake.count('GET', /^\/repos\/o\/r\/issues\/\d$/)).toBe(3);
    expect(seen.flatMap((e) => (e.event === 'syncProgress' ? [e.payload.done] : []))).toEqual([0, 1, 2, 3]);
    // One sync, one end: every window hears its report (moves included), not only the one that asked.
    expect(seen.filter((e) => e.event === 'syncDone').map((e) => e.payload)).toEqual([(a as { value: unknown }).value]);
    expect(await call('githubStatus')).toMatchObject({
      ok: true,
      value: { tokenSet: true, insecure: false, lastSync: { checked: 3, updated: 3, failed: 0, error: null } },
    });
    expect(JSON.stringify(await call('githubStatus'))).not.toContain(TOKEN);
  });

  it('says how to set a token when there is none, and that GITHUB_TOKEN is read-only under serve', async () => {
    const fake = await fakeGithub();
    const call = core(await openStore(), fake, envTokenSource({}));
    expect(await call('syncNow')).toMatchObject({
      ok: false,
      error: { code: 'github', message: expect.stringMatching(/^no GitHub token is set/) },
    });
    expect(await call('setGithubToken', { token: TOKEN })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/GITHUB_TOKEN/) },
    });
  });

  it('checks a token with GitHub before keeping it, and never repeats it', async () => {
    const fake = await fakeGithub();
    const source = memorySource(null);
    const call = core(await openStore(), fake, source);
    expect(await call('setGithubToken', { token: 'has space' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'token' },
    });
    expect(JSON.stringify(await call('setGithubToken', { token: 'has space' }))).not.toContain('has space');
    expect(await call('setGithubToken', { token: TOKEN })).toEqual({
      ok: true,
      value: { tokenSet: true, login: 'pal-coordinator', scopes: ['repo', 'read:org'], insecure: false, lastSync: null },
    });
    expect(source.saved).toBe(TOKEN);
    fake.refuseToken = true;
    fake.echoAuth = true;
    const refused = await call('setGithubToken', { token: `${TOKEN}x` });
    expect(refused).toMatchObject({ ok: false, error: { code: 'github', message: expect.stringMatching(/^GitHub refused the token/) } });
    expect(JSON.stringify(refused)).not.toContain(TOKEN);
    expect(source.saved).toBe(TOKEN);
    expect(await call('clearGithubToken')).toMatchObject({ ok: true, value: { tokenSet: false } });
  });

  it('discovers issues and adds the chosen ones as Intake cards', async () => {
    const fake = await fakeGithub();
    fake.add({ owner: 'cncf', repo: 'tag-security', number: 7, labels: ['need-self-assessment'], title: 'Security Pals for OpenFGA' });
    const call = core(await openStore(), fake, memorySource(TOKEN));
    expect(await call('discoverIssues', { repo: 'cncf' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'repo' } });
    const found = await call('discoverIssues', { repo: 'https://github.com/cncf/tag-security', label: 'need-self-assessment' });
    expect(found).toMatchObject({ ok: true, value: [{ issue: 'cncf/tag-security#7', suggestedName: 'OpenFGA', known: null }] });
    const added = await call('addDiscovered', {
      issues: [{ issue: 'cncf/tag-security#7', name: 'OpenFGA', title: 'Security Pals for OpenFGA' }],
    });
    expect(added).toMatchObject({
      ok: true,
      value: {
        added: [{ name: 'OpenFGA', phase: 'intake', due: { state: 'none' }, github: { issue: 'cncf/tag-security#7' } }],
        skipped: [],
      },
    });
    const again = await call('discoverIssues', { repo: 'cncf/tag-security', label: 'need-self-assessment' });
    const card = (added as { value: { added: { id: string }[] } }).value.added[0]!.id;
    expect(again).toMatchObject({ ok: true, value: [{ issue: 'cncf/tag-security#7', known: card }] });
    const missing = await call('discoverIssues', { repo: 'cncf/nothing', label: 'x' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'github', message: 'there is no repository cncf/nothing, or the token may not read it' },
    });
  });

  it('resolves conflicts, queuing the local phase for write-back when kept', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['pals/intake'] });
    const id = await linked(store, 'Kyverno', 'o/r#1');
    const call = core(store, fake, memorySource(TOKEN));
    expect(await call('setGithubSettings', { writeBack: true })).toMatchObject({ ok: true, value: { rounds: [{ writeBack: true }] } });
    await call('syncNow');
    fake.edit('o/r#1', { labels: ['pals/review'] });
    await call('moveEngagement', { id, phase: 'draft' });
    await call('syncNow');
    expect(store.doc.engagements[0]!.github!.conflict).toMatchObject({ local: 'draft', remote: 'review' });
    expect(await call('resolveConflict', { id, keep: 'local' })).toMatchObject({
      ok: true,
      value: { phase: 'draft', github: { conflict: null } },
    });
    expect(store.doc.outbox).toMatchObject([{ engagementId: id, phase: 'draft' }]);
    await call('syncNow');
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['pals/draft']);
    expect(store.doc.outbox).toEqual([]);
    expect(await call('resolveConflict', { id, keep: 'maybe' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('pushes sync progress to pages over pals serve’s event stream', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1 });
    await linked(store, 'Kyverno', 'o/r#1');
    const ui = join(await tempDir(), 'ui');
    await mkdir(ui);
    await writeFile(join(ui, 'index.html'), '<!doctype html><title>ui</title>');
    const opened = createCore(store, {
      today: () => '2026-11-27',
      github: { tokenSource: envTokenSource({ GITHUB_TOKEN: TOKEN }), apiUrl: fake.url },
    });
    const server = await startServer({ core: opened, staticDir: ui });
    try {
      const auth = { 'x-pals-token': server.token };
      const controller = new AbortController();
      const stream = await fetch(`http://127.0.0.1:${server.port}/api/events`, { headers: auth, signal: controller.signal });
      const reader = stream.body!.getReader();
      const sync = await fetch(`http://127.0.0.1:${server.port}/api/syncNow`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(await sync.json()).toMatchObject({ ok: true, value: { checked: 1, updated: 1 } });
      const text = await readUntil(reader, (t) => t.includes('"done":1'), 'syncProgress event with done 1');
      expect(text).toMatch(/event: syncProgress\ndata: \{"done":0,"total":1\}/);
      controller.abort();
    } finally {
      await server.close();
    }
  });
});
