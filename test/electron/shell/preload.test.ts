/**
 * The real preload (electron/preload.ts) against a stand-in `contextBridge` and `ipcRenderer`:
 * it exposes exactly one method per call plus `on`, invokes each call's own channel, and hands
 * listeners the payload only, never Electron's event object.
 */
import type { IpcRenderer } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CALL_NAMES, channelOf } from '../../../shared/api-names.js';
import type { PalsApi } from '../../../shared/api.js';

const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    invoke: [] as { channel: string; args: unknown[] }[],
  };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipc = new Emitter();
  const ipcRenderer = Object.assign(ipc, {
    invoke: (channel: string, ...args: unknown[]) => {
      fake.invoke.push({ channel, args });
      return Promise.resolve({ ok: true, value: channel });
    },
  });
  return { contextBridge: fake.contextBridge, ipcRenderer };
});

let api: PalsApi;
let ipcRenderer: IpcRenderer;

beforeAll(async () => {
  await import('../../../electron/preload.js');
  api = fake.exposed.get('pals') as PalsApi;
  ipcRenderer = (await import('electron')).ipcRenderer;
});

describe('preload', () => {
  it('exposes only window.pals: one method per API call, plus on', () => {
    expect([...fake.exposed.keys()]).toEqual(['pals']);
    expect(Object.keys(api).sort()).toEqual([...API_CALL_NAMES, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it("invokes each call's own channel with its one argument", async () => {
    expect(await api.getBoard({})).toEqual({ ok: true, value: 'pals:getBoard' });
    await api.moveEngagement({ id: 'x', phase: 'done' });
    expect(fake.invoke).toEqual([
      { channel: 'pals:getBoard', args: [{}] },
      { channel: 'pals:moveEngagement', args: [{ id: 'x', phase: 'done' }] },
    ]);
  });

  it('gives event listeners the payload only, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = api.on('syncProgress', (...args: unknown[]) => seen.push(args));
    ipcRenderer.emit(channelOf('syncProgress'), { sender: 'the IpcRendererEvent' }, { done: 1, total: 2 });
    expect(seen).toEqual([[{ done: 1, total: 2 }]]);
    off();
    ipcRenderer.emit(channelOf('syncProgress'), {}, { done: 2, total: 2 });
    expect(seen).toHaveLength(1);
    expect(ipcRenderer.listenerCount(channelOf('syncProgress'))).toBe(0);
  });

  it('refuses to subscribe to a channel that is not a contract event', () => {
    const on = api.on as (event: string, listener: () => void) => () => void;
    for (const name of ['getBoard', 'storeChanged', 'pals:boardChanged', '__proto__', 'ELECTRON_BROWSER_REQUIRE'])
      expect(() => on(name, () => undefined)).toThrow(TypeError);
    expect(ipcRenderer.eventNames()).toEqual([]);
  });
});
