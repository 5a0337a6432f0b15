/**
 * The pal registry, core side (`pals pal …`, the Pals dialog): pals listed once however they are
 * spelled, registered, changed and merged through the pure operations in shared/pals.ts.
 */
import { addPal, editPal, lookAlikes, mergePals, palDirectory } from '../../shared/pals.js';
import type { CoreContext, Handlers } from './context.js';

type PalCall = 'listPals' | 'addPal' | 'editPal' | 'mergePals';

/** Builds the handlers of the calls above over one store. */
export function createPalHandlers(ctx: CoreContext): Pick<Handlers, PalCall> {
  const at = () => (ctx.now?.() ?? new Date()).toISOString();
  return {
    listPals: () => Promise.resolve(palDirectory(ctx.store.doc)),
    addPal: async ({ name, ...fields }) => {
      // Look-alikes are found before the new pal joins (it would be its own look-alike after).
      const similar = lookAlikes(
        palDirectory(ctx.store.doc).map((p) => p.name),
        name,
      );
      const pal = await ctx.store.update((doc) => addPal(doc, name, fields, at()));
      return { pal, lookAlikes: similar };
    },
    editPal: async ({ pal: ref, ...patch }) => {
      const pal = await ctx.store.update((doc) => editPal(doc, ref, patch, at()));
      return { pal, lookAlikes: [] };
    },
    mergePals: async ({ from, into }) => {
      const pal = await ctx.store.update((doc) => mergePals(doc, from, into, at()));
      return { pal, lookAlikes: [] };
    },
  };
}
