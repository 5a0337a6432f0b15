/**
 * The core's implementation of the UI contract's calls, over one open store. Hosts and transports
 * never call these directly: everything goes through the core's `call` (open-core.ts), which
 * validates arguments first.
 */
import type { BoardSnapshot } from '../../shared/api.js';
import { addEngagement, addNote, editEngagement, removeEngagement } from '../../shared/engagements.js';
import { addExampleRound, EXAMPLE_COUNT, removeExampleRound } from '../../shared/example-round.js';
import { openActions, removeNote, setActionDone, updateNote } from '../../shared/notes.js';
import { search } from '../../shared/search.js';
import { PalsError } from '../../shared/errors.js';
import { cardView, openActionViews, searchHitViews, viewEngagement } from '../../shared/view.js';
import type { StoreDoc } from '../../shared/schema.js';
import { moveCard } from '../../shared/move.js';
import { withoutImageBytes } from '../../shared/deck/round-deck.js';
import type { CoreContext, Handlers } from './context.js';
import { createActionHandlers } from './action-handlers.js';
import { createBackupHandlers } from './backup-handlers.js';
import { createAttentionHandlers } from './attention-handlers.js';
import { createDeckHandlers } from './deck-handlers.js';
import { createGithubHandlers } from './github/handlers.js';
import { createHeldHandlers } from './github/held-handlers.js';
import { createIntakeHandlers } from './intake/handlers.js';
import { createSettingsHandlers } from './settings-handlers.js';
import { createPalHandlers } from './pal-handlers.js';
import { newId } from './ids.js';
import { joinTables } from './join-tables.js';
import { createRoundHandlers } from './round-handlers.js';

/** What a caller is told when the engagement it names was deleted meanwhile (another window, the CLI). */
const GONE = 'this engagement no longer exists; it was deleted, perhaps in another window';

/** The calls about files (exports), built apart in export-handlers.ts. */
type ExportCall = 'deckPreview' | 'exportDeck' | 'exportAssessment';

/** Builds the UI contract's handlers over one store, except the exports (see createCore). */
export function createHandlers(ctx: CoreContext): Omit<Handlers, ExportCall> {
  const at = () => (ctx.now?.() ?? new Date()).toISOString();
  const view = (doc: StoreDoc, id: string) => {
    const e = doc.engagements.find((x) => x.id === id);
    if (!e) throw new PalsError('not-found', GONE);
    return viewEngagement(doc, e, ctx.today());
  };
  const engagements = {
    getBoard: () => {
      const doc = ctx.store.doc;
      const today = ctx.today();
      const snapshot: BoardSnapshot = {
        today,
        engagements: doc.engagements.map((e) => cardView(doc, e, today)),
        rounds: doc.rounds.map(withoutImageBytes),
        settings: doc.settings,
        seq: ctx.boardSeq?.() ?? 0,
      };
      return Promise.resolve(snapshot);
    },
    getEngagement: ({ id }) => {
      const doc = ctx.store.doc;
      if (!doc.engagements.some((e) => e.id === id)) {
        throw new PalsError('not-found', GONE);
      }
      return Promise.resolve(view(doc, id));
    },
    addEngagement: async (input) => {
      const created = await ctx.store.update((doc) => addEngagement(doc, input, { id: newId(), at: at() }));
      return view(ctx.store.doc, created.id);
    },
    editEngagement: async ({ id, patch }) => {
      await ctx.store.update((doc) => editEngagement(doc, id, patch, at()));
      return view(ctx.store.doc, id);
    },
    moveEngagement: async ({ id, phase, on, via }) => {
      const [when, entryId] = [at(), newId()];
      const backdate = on === undefined ? undefined : { on, today: ctx.today() };
      const reason = backdate ? 'backdated' : (via ?? 'board');
      // The one move (shared/move.ts): with write-back on, it also queues the label change.
      await ctx.store.update((doc) => moveCard(doc, { ref: id, to: phase, reason, at: when, backdate, entryId }));
      return view(ctx.store.doc, id);
    },
    removeEngagement: async ({ id }) => {
      await ctx.store.update((doc) => removeEngagement(doc, id));
      return { id };
    },
    addNote: async ({ id, note, actions }) => {
      const [noteId, when] = [newId(), at()];
      const actionIds = (actions ?? []).map(() => newId());
      // A note and the action items it starts with are one write: both are saved, or neither.
      return ctx.store.update((doc) => {
        const added = addNote(doc, id, note, { id: noteId, at: when });
        return actions ? updateNote(added.doc, id, noteId, { actions }, when, actionIds) : added;
      });
    },
    updateNote: async ({ id, noteId, patch }) => {
      const ids = Array.from({ length: patch.actions?.filter((a) => !a.id).length ?? 0 }, newId);
      return ctx.store.update((doc) => updateNote(doc, id, noteId, patch, at(), ids));
    },
    removeNote: async ({ id, noteId }) => {
      await ctx.store.update((doc) => removeNote(doc, id, noteId, at()));
      return { id: noteId };
    },
    setActionDone: ({ id, noteId, actionId, done }) => ctx.store.update((doc) => setActionDone(doc, id, noteId, actionId, done, at())),
    openActions: ({ owner, includeDone }) => {
      const doc = ctx.store.doc;
      return Promise.resolve(openActionViews(doc, openActions(doc, { owner, includeDone }), ctx.today()));
    },
    search: ({ query, limit }) => {
      const doc = ctx.store.doc;
      return Promise.resolve(searchHitViews(doc, search(doc, query, limit)));
    },
    loadExampleRound: async () => {
      const ids = Array.from({ length: EXAMPLE_COUNT }, newId);
      const added = await ctx.store.update((doc) => addExampleRound(doc, ctx.today(), at(), ids));
      const doc = ctx.store.doc;
      const today = ctx.today();
      return { added, cards: doc.engagements.filter((e) => ids.includes(e.id)).map((e) => cardView(doc, e, today)) };
    },
    removeExampleRound: async () => {
      const before = ctx.store.doc.engagements.filter((e) => e.example).map((e) => e.id);
      const removed = await ctx.store.update((doc) => removeExampleRound(doc));
      const left = new Set(ctx.store.doc.engagements.map((e) => e.id));
      return { removed, ids: before.filter((id) => !left.has(id)) };
    },
  } satisfies Partial<Handlers>;
  return joinTables({
    'github/handlers.ts': createGithubHandlers(ctx),
    'github/held-handlers.ts': createHeldHandlers(ctx),
    'intake/handlers.ts': createIntakeHandlers(ctx),
    'backup-handlers.ts': createBackupHandlers(ctx),
    'deck-handlers.ts': createDeckHandlers(ctx),
    'settings-handlers.ts': createSettingsHandlers(ctx),
    'action-handlers.ts': createActionHandlers(ctx),
    'pal-handlers.ts': createPalHandlers(ctx),
    'attention-handlers.ts': createAttentionHandlers(ctx),
    'round-handlers.ts': createRoundHandlers(ctx),
    'handlers.ts': engagements,
  });
}
