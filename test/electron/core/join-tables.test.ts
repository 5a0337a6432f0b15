/**
 * The core's call tables are joined by joinTables, so a call name defined in two tables stops the
 * core from opening (naming the call and both tables) instead of answering with whichever table
 * came last. The wiring is proven by giving one real table a duplicate through a module mock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as HostHandlers from '../../../electron/core/host-handlers.js';
import type * as PalHandlers from '../../../electron/core/pal-handlers.js';
import { joinTables } from '../../../electron/core/join-tables.js';
import { createCore } from '../../../electron/core/open-core.js';
import { PalsStore } from '../../../electron/core/store/store.js';
import { tempDir } from '../../helpers.js';

/** Which real table also defines `getBoard` (the engagements table in handlers.ts defines it). */
const duplicate = vi.hoisted(() => ({ in: null as 'pal' | 'host' | null }));
const impostor = () => Promise.resolve('answered by the wrong table');

vi.mock('../../../electron/core/pal-handlers.js', async (importOriginal) => {
  const real = await importOriginal<typeof PalHandlers>();
  return {
    ...real,
    createPalHandlers: (ctx: Parameters<typeof real.createPalHandlers>[0]) => ({
      ...real.createPalHandlers(ctx),
      ...(duplicate.in === 'pal' ? { getBoard: impostor } : {}),
    }),
  };
});

vi.mock('../../../electron/core/host-handlers.js', async (importOriginal) => {
  const real = await importOriginal<typeof HostHandlers>();
  return {
    ...real,
    createHostHandlers: (ctx: Parameters<typeof real.createHostHandlers>[0]) => ({
      ...real.createHostHandlers(ctx),
      ...(duplicate.in === 'host' ? { getBoard: impostor } : {}),
    }),
  };
});

afterEach(() => {
  duplicate.in = null;
});

async function openStore(): Promise<PalsStore> {
  const { store } = await PalsStore.open(await tempDir());
  return store;
}

describe('joinTables', () => {
  it('joins tables with distinct call names, keeping each value', () => {
    const a = () => 1;
    const b = () => 2;
    const joined = joinTables({ first: { a }, second: { b } });
    expect(joined).toEqual({ a, b });
    expect(joined.a()).toBe(1);
    expect(joined.b()).toBe(2);
  });

  it('throws on a call name in two tables, naming the call and both tables', () => {
    expect(() => joinTables({ first: { a: 1, b: 2 }, second: { c: 3 }, third: { b: 4 } })).toThrow(
      'the call "b" is defined twice: in the first table and in the third table',
    );
  });
});

describe('the core refuses to open with a call defined twice', () => {
  it('a domain table that also defines a call of the engagements table', async () => {
    const store = await openStore();
    duplicate.in = 'pal';
    try {
      expect(() => createCore(store, { today: () => '2026-11-27' })).toThrow(
        'the call "getBoard" is defined twice: in the pal-handlers.ts table and in the handlers.ts table',
      );
    } finally {
      await store.close();
    }
  });

  it('the host table defining a call of the UI contract', async () => {
    const store = await openStore();
    duplicate.in = 'host';
    try {
      expect(() => createCore(store, { today: () => '2026-11-27' })).toThrow(
        'the call "getBoard" is defined twice: in the handlers.ts table and in the host-handlers.ts table',
      );
    } finally {
      await store.close();
    }
  });

  it('opens, and answers from the right table, when no call is defined twice', async () => {
    const store = await openStore();
    const core = createCore(store, { today: () => '2026-11-27' });
    try {
      const board = await core.call('getBoard', {});
      expect(board).toMatchObject({ ok: true, value: { today: '2026-11-27', engagements: [] } });
    } finally {
      await core.close();
    }
  });
});
