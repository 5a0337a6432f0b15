/**
 * The open action items across all engagements (the "Action items" view): a mirror of
 * `openActions`, refetched while the view is shown whenever the core's change feed moves.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { PalsApi } from '../../../shared/api.js';
import type { OpenActionView } from '../../../shared/view.js';
import type { ActionsSlice } from './actions-state.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

const ownersOf = (items: readonly OpenActionView[]) =>
  [...new Set(items.map((i) => i.action.owner?.trim() ?? '').filter(Boolean))].sort((a, b) => a.localeCompare(b));

/** Builds the actions slice over an API. */
export function createActionsSlice(api: PalsApi): StateCreator<Store, [], [], ActionsSlice> {
  return (set, get) => {
    let seq = 0;
    return {
      openActions: null,
      actionOwners: [],
      actionsOwner: '',
      actionsShowDone: false,
      actionsError: null,
      loadActions: async () => {
        const mine = ++seq;
        const { actionsOwner: owner, actionsShowDone: includeDone } = get();
        const [all, filtered] = await Promise.all([
          safeCall(() => api.openActions({ includeDone })),
          owner ? safeCall(() => api.openActions({ owner, includeDone })) : null,
        ]);
        if (mine !== seq) return; // a newer load (or filter) decides
        const shown = filtered ?? all;
        if (!all.ok || !shown.ok) {
          const why = !all.ok ? all.error.message : !shown.ok ? shown.error.message : '';
          set({ actionsError: `Could not load the action items: ${why}` });
          return;
        }
        set({ openActions: shown.value, actionOwners: ownersOf(all.value), actionsError: null });
      },
      connectActions: () => {
        void get().loadActions();
        return api.on('boardChanged', () => void get().loadActions());
      },
      setActionsOwner: (actionsOwner) => {
        set({ actionsOwner });
        void get().loadActions();
      },
      setActionsShowDone: (actionsShowDone) => {
        set({ actionsShowDone });
        void get().loadActions();
      },
      exportCalendar: (pal) => safeCall(() => api.exportCalendar(pal ? { pal } : {})),
      setActionDone: async (ref, done) => {
        const res = await safeCall(() => api.setActionDone({ id: ref.engagementId, noteId: ref.noteId, actionId: ref.actionId, done }));
        if (!res.ok) {
          get().pushToast('error', `Could not update the action item: ${res.error.message}`);
          return false;
        }
        // The card's change reaches the board through the change feed; only this list is asked again.
        await get().loadActions();
        return true;
      },
    };
  };
}
