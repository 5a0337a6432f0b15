/**
 * The calls about rounds (issue 13): start, edit, use and remove a round, rewrite a card's phase
 * history, and the insight figures. Each is a pure operation from shared/ run through the store.
 */
import { PalsError } from '../../shared/errors.js';
import { enqueueWriteBack } from '../../shared/github/outbox.js';
import { editHistory } from '../../shared/history.js';
import { insight } from '../../shared/insight.js';
import { withoutImageBytes } from '../../shared/deck/round-deck.js';
import { addRound, editRound, findRound, removeRound, useRound } from '../../shared/rounds.js';
import { viewEngagement } from '../../shared/view.js';
import type { CoreContext, Handlers } from './context.js';
import { newId } from './ids.js';

type RoundCall = 'addRound' | 'editRound' | 'useRound' | 'removeRound' | 'editHistory' | 'getInsight';

export function createRoundHandlers(ctx: CoreContext): Pick<Handlers, RoundCall> {
  const at = () => (ctx.now?.() ?? new Date()).toISOString();
  return {
    addRound: async (input) => {
      const when = at();
      return withoutImageBytes(await ctx.store.update((doc) => addRound(doc, input, when)));
    },
    // A round's answer leaves out its image slides' bytes (up to 10 MB each), as getBoard does.
    editRound: async ({ id, ...patch }) => withoutImageBytes(await ctx.store.update((doc) => editRound(doc, id, patch))),
    useRound: async ({ id }) => {
      await ctx.store.update((doc) => useRound(doc, id));
      return { settings: ctx.store.doc.settings };
    },
    removeRound: async ({ id, moveTo }) => {
      const when = at();
      const removed = await ctx.store.update((doc) => removeRound(doc, id, moveTo, when));
      return { id: removed.id };
    },
    editHistory: async ({ id, history }) => {
      const [when, entryId, today] = [at(), newId(), ctx.today()];
      await ctx.store.update((doc) => {
        const before = doc.engagements.find((e) => e.id === id)?.phase;
        const edited = editHistory(doc, id, history, today, when);
        // A changed phase in a round with write-back queues the label change, as a move does.
        if (edited.value.phase === before) return edited;
        return { doc: enqueueWriteBack(edited.doc, id, entryId, when).doc, value: edited.value };
      });
      const e = ctx.store.doc.engagements.find((x) => x.id === id);
      if (!e) throw new PalsError('not-found', 'this engagement no longer exists; it was deleted, perhaps in another window');
      return viewEngagement(ctx.store.doc, e, ctx.today());
    },
    getInsight: ({ round }) => {
      const doc = ctx.store.doc;
      return Promise.resolve(insight(doc, ctx.today(), round === undefined ? undefined : findRound(doc, round).id));
    },
  };
}
