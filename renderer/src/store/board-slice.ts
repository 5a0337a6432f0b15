/**
 * The board slice: a mirror of what the core saved. Every action awaits the API and then sets
 * what came back; only a move is optimistic, and it is rolled back if the core refuses it.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiArgs, ApiResponse, BoardSnapshot, PalsApi } from '../../../shared/api.js';
import { PHASE_TITLES, type Phase } from '../../../shared/phases.js';
import type { EngagementView } from '../../../shared/view.js';
import { withEngagement, withoutEngagement, withPendingMoves, withPhase } from './board-updates.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** A move sent to the core and not answered yet; `seq` tells a stale answer from the latest. */
export interface PendingMove {
  readonly phase: Phase;
  readonly seq: number;
}

/** The board state and the actions that change engagements. */
export interface BoardSlice {
  /** The last snapshot from the core; null until the first load. */
  readonly board: BoardSnapshot | null;
  /** Why the last load failed, or null. */
  readonly loadError: string | null;
  /** Moves in flight, laid over every refetch until the core answers. */
  readonly pendingMoves: Readonly<Record<string, PendingMove>>;
  readonly load: () => Promise<void>;
  /** Loads now and refetches whenever the core says the store changed; returns the unsubscribe. */
  readonly connect: () => () => void;
  /** Optimistic move; resolves false (after rolling back and telling the user) on failure. */
  readonly move: (id: string, phase: Phase) => Promise<boolean>;
  readonly add: (input: ApiArgs<'addEngagement'>) => Promise<ApiResponse<EngagementView>>;
  readonly edit: (id: string, patch: ApiArgs<'editEngagement'>['patch']) => Promise<ApiResponse<EngagementView>>;
  readonly remove: (id: string) => Promise<ApiResponse<{ readonly id: string }>>;
  readonly loadExample: () => Promise<boolean>;
  readonly removeExample: () => Promise<boolean>;
}

const phasesOf = (pending: Readonly<Record<string, PendingMove>>) =>
  Object.fromEntries(Object.entries(pending).map(([id, p]) => [id, p.phase]));

/** Builds the board slice over an API (the real transport, or a fake in tests). */
export function createBoardSlice(api: PalsApi): StateCreator<Store, [], [], BoardSlice> {
  return (set, get) => {
    let inFlight: Promise<void> | null = null;
    let again = false;
    let moveSeq = 0;

    const fetchOnce = async () => {
      const res = await safeCall(() => api.getBoard({}));
      if (res.ok) set({ board: withPendingMoves(res.value, phasesOf(get().pendingMoves)), loadError: null });
      else set({ loadError: res.error.message });
    };

    const patchBoard = (update: (board: BoardSnapshot) => BoardSnapshot) => {
      set((s) => (s.board ? { board: update(s.board) } : {}));
    };

    const withoutPending = (id: string) => Object.fromEntries(Object.entries(get().pendingMoves).filter(([key]) => key !== id));

    const bulk = async (run: () => Promise<ApiResponse<unknown>>, done: string, failed: string) => {
      const res = await safeCall(run);
      if (!res.ok) {
        get().pushToast('error', `${failed}: ${res.error.message}`);
        return false;
      }
      await get().load();
      get().announce(done);
      return true;
    };

    return {
      board: null,
      loadError: null,
      pendingMoves: {},
      load: () => {
        if (inFlight) {
          again = true;
          return inFlight;
        }
        inFlight = (async () => {
          do {
            again = false;
            await fetchOnce();
          } while (again);
          inFlight = null;
        })();
        return inFlight;
      },
      connect: () => {
        void get().load();
        return api.on('storeChanged', () => void get().load());
      },
      move: async (id, phase) => {
        const before = get().board?.engagements.find((e) => e.id === id);
        if (!before || before.phase === phase) return true;
        const seq = ++moveSeq;
        set((s) => ({
          board: s.board && withPhase(s.board, id, phase),
          pendingMoves: { ...s.pendingMoves, [id]: { phase, seq } },
        }));
        const res = await safeCall(() => api.moveEngagement({ id, phase }));
        if (get().pendingMoves[id]?.seq !== seq) return res.ok; // a later move of this card decides
        if (res.ok) {
          set((s) => ({ pendingMoves: withoutPending(id), board: s.board && withEngagement(s.board, res.value) }));
          return true;
        }
        set((s) => {
          const stillThere = s.board?.engagements.some((e) => e.id === id);
          return { pendingMoves: withoutPending(id), board: s.board && stillThere ? withEngagement(s.board, before) : s.board };
        });
        get().pushToast('error', `Could not move ${before.name} to ${PHASE_TITLES[phase]}: ${res.error.message}`);
        return false;
      },
      add: async (input) => {
        const res = await safeCall(() => api.addEngagement(input));
        if (res.ok) patchBoard((b) => withEngagement(b, res.value));
        return res;
      },
      edit: async (id, patch) => {
        const res = await safeCall(() => api.editEngagement({ id, patch }));
        if (res.ok) patchBoard((b) => withEngagement(b, res.value));
        return res;
      },
      remove: async (id) => {
        const res = await safeCall(() => api.removeEngagement({ id }));
        if (res.ok) patchBoard((b) => withoutEngagement(b, id));
        return res;
      },
      loadExample: () => bulk(() => api.loadExampleRound({}), 'The example round is on the board', 'Could not load the example round'),
      removeExample: () => bulk(() => api.removeExampleRound({}), 'The example round was removed', 'Could not remove the example round'),
    };
  };
}
