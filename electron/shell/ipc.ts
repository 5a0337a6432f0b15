/**
 * The API over IPC: one `ipcMain.handle` per call in the contract, and nothing else. Each
 * handler first checks who is asking (the top frame of one of our windows, on the app origin),
 * then hands the raw arguments to the core's `dispatch`, which validates them with the contract's
 * schema and reaches the UI contract's calls only.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_CALL_NAMES, channelOf } from '../../shared/api-names.js';
import type { ApiResponse } from '../../shared/api.js';
import type { Core } from '../core/open-core.js';
import { isAppUrl } from './app-url.js';

/** The answer to a sender that is not ours: no detail, and the call never runs. */
export const FORBIDDEN: ApiResponse<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'this page may not use the Security Pals Desk API' },
};

/** True when the call comes from the main frame of a trusted window showing the app origin. */
export function isTrustedSender(event: IpcMainInvokeEvent, isTrustedContents: (id: number) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  if (!isTrustedContents(event.sender.id)) return false;
  return isAppUrl(frame.url);
}

/** Registers the handler of every API call; returns a function that removes them again. */
export function registerApiHandlers(ipcMain: IpcMain, dispatch: Core['dispatch'], isTrustedContents: (id: number) => boolean): () => void {
  const channels = API_CALL_NAMES.map((name) => {
    const channel = channelOf(name);
    ipcMain.handle(channel, (event, args: unknown) =>
      isTrustedSender(event, isTrustedContents) ? dispatch(name, args) : Promise.resolve(FORBIDDEN),
    );
    return channel;
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
