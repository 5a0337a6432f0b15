/**
 * The sandboxed preload: exposes `window.pals`, one method per API call plus `on` for events,
 * built from the contract's name list. The page never sees `ipcRenderer`, an IPC event object,
 * or a channel it could choose. Bundled by vite into one CommonJS file (dist/electron/preload.cjs)
 * because a sandboxed preload cannot load ES modules; only types come from shared/api.ts, so zod
 * stays out of the bundle.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { makeClient } from '../shared/api-client.js';
import { API_EVENT_NAMES, channelOf } from '../shared/api-names.js';
import type { ApiEvent, ApiEvents, ApiResponse, PalsApi } from '../shared/api.js';

const EVENTS: readonly string[] = API_EVENT_NAMES;

/** Subscribes to one contract event; the listener gets the payload only. Returns the unsubscribe. */
function on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
  if (!EVENTS.includes(event) || typeof listener !== 'function') throw new TypeError(`there is no event named "${event}"`);
  const channel = channelOf(event);
  const relay = (_event: IpcRendererEvent, payload: ApiEvents[E]) => {
    listener(payload);
  };
  ipcRenderer.on(channel, relay);
  return () => {
    ipcRenderer.removeListener(channel, relay);
  };
}

const api = makeClient((name, args) => ipcRenderer.invoke(channelOf(name), args) as Promise<ApiResponse<unknown>>, on) satisfies PalsApi;

contextBridge.exposeInMainWorld('pals', api);
