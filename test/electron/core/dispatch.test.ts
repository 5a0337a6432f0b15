import { describe, expect, it } from 'vitest';
import { dispatch, type CallTable } from '../../../electron/core/dispatch.js';
import { createCore } from '../../../electron/core/open-core.js';
import { PalsStore } from '../../../electron/core/store/store.js';
import { API } from '../../../shared/api.js';
import { tempDir } from '../../helpers.js';

describe('the core entrance', () => {
  it('validates arguments before a handler runs', async () => {
    const { store } = await PalsStore.open(await tempDir());
    const core = createCore(store, { today: () => '2026-11-27' });
    expect(await core.call('addEngagement', { name: 42 as unknown as string })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'name' },
    });
    expect(await core.dispatch('addEngagement', { name: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(store.doc.engagements).toEqual([]);
  });

  it('reports unexpected failures without their arguments', async () => {
    const logged: string[] = [];
    const table: CallTable = { declared: API, handlers: { getBoard: () => Promise.reject(new Error('boom')) } };
    const result = await dispatch(table, 'getBoard', {}, (call, error) => logged.push(`${call}: ${(error as Error).message}`));
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'something went wrong in the core; the change was not made' },
    });
    expect(logged).toEqual(['getBoard: boom']);
    expect(await dispatch(table, 'search', { query: 'x' })).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('gives transports the UI contract only: a host call (a file path) is unknown to them', async () => {
    const dir = await tempDir();
    const { store } = await PalsStore.open(dir);
    const core = createCore(store, { today: () => '2026-11-27' });
    await core.call('addEngagement', { name: 'Kyverno' });
    for (const name of ['backupTo', 'restoreFrom', 'exportDeckTo', 'exportAssessmentTo', 'listEngagements', 'resolveRef']) {
      expect(await core.dispatch(name, { out: `${dir}/stolen.json`, file: '/etc/passwd', ref: 'Kyverno' })).toMatchObject({
        ok: false,
        error: { code: 'unknown-call' },
      });
    }
    expect(await core.call('resolveRef', { ref: 'kyverno' })).toMatchObject({ ok: true, value: { name: 'Kyverno' } });
    await core.close();
  });
});
