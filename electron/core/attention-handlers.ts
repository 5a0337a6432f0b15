/**
 * The coordinator's week: the "Needs attention" digest, the board's remembered and saved views,
 * and the notification switch. Pure operations in shared/attention.ts and shared/views.ts.
 */
import { needsAttention } from '../../shared/attention.js';
import { deleteNamedView, saveNamedView, saveViewState } from '../../shared/views.js';
import type { CoreContext, Handlers } from './context.js';

type WeekCall = 'needsAttention' | 'saveViewState' | 'saveNamedView' | 'deleteNamedView' | 'setNotifications';

/** Builds the handlers of the week's calls over one store. */
export function createAttentionHandlers(ctx: CoreContext): Pick<Handlers, WeekCall> {
  return {
    needsAttention: ({ within }) => {
      const doc = ctx.store.doc;
      const today = ctx.today();
      const days = within ?? doc.settings.dueSoonDays;
      return Promise.resolve({ today, within: days, items: needsAttention(doc, today, days) });
    },
    saveViewState: ({ view }) => ctx.store.update((doc) => saveViewState(doc, view)),
    saveNamedView: ({ name, view }) => ctx.store.update((doc) => saveNamedView(doc, name, view)),
    deleteNamedView: ({ name }) => ctx.store.update((doc) => deleteNamedView(doc, name)),
    setNotifications: ({ on }) =>
      ctx.store.update((doc) =>
        doc.settings.notifications === on
          ? { doc, value: { notifications: on } }
          : { doc: { ...doc, settings: { ...doc.settings, notifications: on } }, value: { notifications: on } },
      ),
  };
}
