/**
 * The pal registry from the page (the Pals dialog): each action awaits the core, then the board's
 * settings (where the registry lives) follow through the change feed like any other change.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiFailure, PalChange, PalsApi } from '../../../shared/api.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** What the Pals dialog may ask; each answers the change, or the core's refusal. */
export interface PalsSlice {
  readonly addPal: (input: {
    name: string;
    login?: string | null;
    limit?: number | null;
    email?: string | null;
  }) => Promise<PalChange | ApiFailure>;
  readonly editPal: (input: {
    pal: string;
    name?: string;
    login?: string | null;
    limit?: number | null;
    email?: string | null;
  }) => Promise<PalChange | ApiFailure>;
  readonly mergePals: (from: string, into: string) => Promise<PalChange | ApiFailure>;
}

/** True when an answer is the core's refusal. */
export function isFailure(answer: PalChange | ApiFailure): answer is ApiFailure {
  return 'message' in answer;
}

/** Builds the pals slice over an API. */
export function createPalsSlice(api: PalsApi): StateCreator<Store, [], [], PalsSlice> {
  return (_set, get) => {
    const run = async (call: () => ReturnType<PalsApi['addPal']>, said: (c: PalChange) => string) => {
      const res = await safeCall(call);
      if (!res.ok) return res.error;
      get().announce(said(res.value));
      return res.value;
    };
    return {
      addPal: (input) =>
        run(
          () => api.addPal(input),
          (c) => `${c.pal.name} added to the pals.`,
        ),
      editPal: (input) =>
        run(
          () => api.editPal(input),
          (c) => `${c.pal.name} saved.`,
        ),
      mergePals: (from, into) =>
        run(
          () => api.mergePals({ from, into }),
          (c) => `${from} merged into ${c.pal.name}.`,
        ),
    };
  };
}
