/**
 * The held-move calls (`pals settings --writeback on`, `pals sync --push-held`, Settings →
 * GitHub): listing the moves write-back holds and queueing them when the coordinator asks.
 * No GitHub request here; a queued move is sent by the next sync, like any other.
 */
import { heldMoves, pushHeldMoves } from '../../../shared/github/held.js';
import type { CoreContext, Handlers } from '../context.js';
import { newId } from '../ids.js';

/** Builds the held-move handlers over a core context. */
export function createHeldHandlers(ctx: CoreContext): Pick<Handlers, 'heldMoves' | 'pushHeldMoves'> {
  return {
    heldMoves: ({ roundId }) => Promise.resolve(heldMoves(ctx.store.doc, roundId)),
    pushHeldMoves: async ({ ids }) => {
      const at = (ctx.now?.() ?? new Date()).toISOString();
      const entryIds = Object.fromEntries(ctx.store.doc.engagements.map((e) => [e.id, newId()]));
      return ctx.store.update((doc) => pushHeldMoves(doc, ids ?? null, entryIds, at));
    },
  };
}
