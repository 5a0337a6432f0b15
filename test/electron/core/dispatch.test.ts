import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch.js';
import { createHandlers } from '../../../electron/core/handlers.js';
import { PalsStore } from '../../../electron/core/store/store.js';
import { tempDir } from '../../helpers.js';

describe('dispatch', () => {
  it('validates arguments before a handler runs, and reports unexpected failures without their arguments', async () => {
    const { store } = await PalsStore.open(await tempDir());
    const handlers = createHandlers({ store, today: () => '2026-11-27' });
    expect(await dispatch(handlers, 'addEngagement', { name: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'name' },
    });
    expect(store.doc.engagements).toEqual([]);
    const logged: string[] = [];
    const broken = { ...handlers, getBoard: () => Promise.reject(new Error('boom')) };
    const result = await dispatch(broken, 'getBoard', {}, (call, error) => logged.push(`${call}: ${(error as Error).message}`));
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'something went wrong in the core; the change was not made' },
    });
    expect(logged).toEqual(['getBoard: boom']);
  });
});
