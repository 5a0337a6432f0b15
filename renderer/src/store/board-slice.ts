/**
 * The board slice: a mirror of the core's cards. It loads the board once, then follows the core's
 * change feed (`boardChanged`), which lists the cards that changed, whoever changed them: nothing
 * is refetched after this page's own change. Actions await the API and set what came back unless
 * the feed already said something newer; a move is shown at once, laid over the mirror until the
 * core answers, so a refusal simply uncovers what the core holds.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiArgs, ApiResponse, BoardChange, BoardSnapshot, PalsApi } from '../../../shared/api.js';
import { type Phase, PHASE_TITLES } from '../../../shared/phases.js';
import { cardOf, type EngagementView } from '../../../shared/view.js';
import { withCard, withChange, withoutCards, withPendingMoves } from './board-updates.js';
import type { Freshness } from './freshness.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** A move sent to the core and not answered yet; `seq` tells a stale answer from the latest. */
export interface PendingMove {
  readonly phase: Phase;
  readonly seq: number;
}

/** The board state and the actions that change engagements. */
export interface BoardSlice {
  /** The core's cards with this page's moves in flight laid over them; null until the first load. */
  readonly board: BoardSnapshot | null;
  /** Why the last load failed, or null. */
  readonly loadError: string | null;
  /** Moves in flight, shown until the core answers. */
  readonly pendingMoves: Readonly<Record<string, PendingMove>>;
  /** Loads the whole board (first load, a reload the core asked for, or Try again). */
  readonly load: () => Promise<void>;
  /** Loads now and follows the core's change feed; returns the unsubscribe. */
  readonly connect: () => () => void;
  /** Optimistic move; resolves false (after telling the user) when the core refused it. */
  readonly move: (id: string, phase: Phase) => Promise<boolean>;
  /** A backdated move (`on`, a day): not optimistic; the caller shows the core's refusal beside its field. */
  readonly moveOn: (id: string, phase: Phase, on: string) => Promise<ApiResponse<EngagementView>>;
  readonly add: (input: ApiArgs<'addEngagement'>) => Promise<ApiResponse<EngagementView>>;
  readonly edit: (id: string, patch: ApiArgs<'editEngagement'>['patch']) => Promise<ApiResponse<EngagementView>>;
  readonly remove: (id: string) => Promise<ApiResponse<{ readonly id: string }>>;
  readonly loadExample: () => Promise<boolean>;
  readonly removeExample: () => Promise<boolean>;
  /** For the other slices: sets an engagement answer `call` carried (its card only when `fresh`, and the open record). */
  readonly takeEngagement: (view: EngagementView, fresh: boolean, call: string | undefined) => void;
  /** For the other slices: changes the mirrored cards after an answer of the core. */
  readonly patchCards: (update: (board: BoardSnapshot) => BoardSnapshot) => void;
}

const phasesOf = (pending: Readonly<Record<string, PendingMove>>) =>
  Object.fromEntries(Object.entries(pending).map(([id, p]) => [id, p.phase]));

/** Builds the board slice over an API (the real transport, or a fake in tests). */
export function createBoardSlice(api: PalsApi, freshness: Freshness): StateCreator<Store, [], [], BoardSlice> {
  return (set, get) => {
    /** What the core holds, as far as this page knows (no moves in flight laid over it). */
    let mirror: BoardSnapshot | null = null;
    let inFlight: Promise<void> | null = null;
    let again = false;
    let moveSeq = 0;
    /** The last change the mirror reflects. */
    let lastSeq = -1;
    /** Changes that arrived while a snapshot was on its way. */
    let queued: BoardChange[] = [];

    const publish = (pendingMoves = get().pendingMoves) => {
      set({ pendingMoves, board: mirror && withPendingMoves(mirror, phasesOf(pendingMoves)) });
    };

    const patchCards = (update: (board: BoardSnapshot) => BoardSnapshot) => {
      if (!mirror) return;
      mirror = update(mirror);
      publish();
    };

    const fetchOnce = async () => {
      const res = await safeCall(() => api.getBoard({}));
      if (!res.ok) {
        set({ loadError: res.error.message });
        return false;
      }
      mirror = res.value;
      lastSeq = res.value.seq;
      freshness.touchAll();
      set({ loadError: null });
      publish();
      return true;
    };

    const apply = (change: BoardChange) => {
      if (change.seq <= lastSeq || mirror === null) return; // the snapshot already has it
      if (change.kind === 'reload' || change.seq !== lastSeq + 1) {
        void get().load(); // from outside this process, too big to list, or one was missed
        get().recordChanged(change.kind === 'reload' ? change : null);
        return;
      }
      lastSeq = change.seq;
      freshness.touch([...change.cards.map((c) => c.id), ...change.removed]);
      patchCards((b) => withChange(b, change));
      get().recordChanged(change);
    };

    const takeEngagement = (view: EngagementView, fresh: boolean, call: string | undefined) => {
      if (fresh) patchCards((b) => withCard(b, cardOf(view)));
      get().takeRecord(view, call);
    };

    const onEngagement = (id: string, run: () => Promise<ApiResponse<EngagementView>>) =>
      freshness.call(
        id,
        () => safeCall(run),
        (res, fresh) => {
          if (res.ok) takeEngagement(res.value, fresh, res.call);
        },
      );

    const bulk = async <T>(run: () => Promise<ApiResponse<T>>, take: (value: T, mark: number) => void, done: string, failed: string) => {
      const mark = freshness.mark();
      const res = await safeCall(run);
      if (!res.ok) {
        get().pushToast('error', `${failed}: ${res.error.message}`);
        return false;
      }
      take(res.value, mark);
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
          let loaded = false;
          do {
            again = false;
            loaded = await fetchOnce();
          } while (again);
          inFlight = null;
          const waiting = queued;
          queued = [];
          if (loaded) waiting.forEach(apply);
        })();
        return inFlight;
      },
      connect: () => {
        void get().load();
        return api.on('boardChanged', (change) => {
          if (inFlight) queued.push(change);
          else apply(change);
        });
      },
      move: async (id, phase) => {
        const before = get().board?.engagements.find((e) => e.id === id);
        if (!before || before.phase === phase) return true;
        const seq = ++moveSeq;
        publish({ ...get().pendingMoves, [id]: { phase, seq } });
        let latest = true;
        const res = await freshness.call(
          id,
          () => safeCall(() => api.moveEngagement({ id, phase })),
          (answer, fresh) => {
            latest = get().pendingMoves[id]?.seq === seq;
            if (!latest) return; // a later move of this card decides
            if (answer.ok) takeEngagement(answer.value, fresh, answer.call);
            publish(Object.fromEntries(Object.entries(get().pendingMoves).filter(([key]) => key !== id)));
          },
        );
        if (!res.ok && latest) get().pushToast('error', `Could not move ${before.name} to ${PHASE_TITLES[phase]}: ${res.error.message}`);
        return res.ok;
      },
      add: async (input) => {
        const mark = freshness.mark();
        const res = await safeCall(() => api.addEngagement(input));
        if (res.ok && !freshness.changedSince(res.value.id, mark)) patchCards((b) => withCard(b, cardOf(res.value)));
        return res;
      },
      moveOn: (id, phase, on) => onEngagement(id, () => api.moveEngagement({ id, phase, on })),
      edit: (id, patch) => onEngagement(id, () => api.editEngagement({ id, patch })),
      remove: (id) =>
        freshness.call(
          id,
          () => safeCall(() => api.removeEngagement({ id })),
          (res, fresh) => {
            if (res.ok && fresh) patchCards((b) => withoutCards(b, [id]));
          },
        ),
      loadExample: () =>
        bulk(
          () => api.loadExampleRound({}),
          ({ cards }, mark) => {
            patchCards((b) => cards.filter((c) => !freshness.changedSince(c.id, mark)).reduce(withCard, b));
          },
          'The example round is on the board',
          'Could not load the example round',
        ),
      removeExample: () =>
        bulk(
          () => api.removeExampleRound({}),
          ({ ids }, mark) => {
            patchCards((b) =>
              withoutCards(
                b,
                ids.filter((id) => !freshness.changedSince(id, mark)),
              ),
            );
          },
          'The example round was removed',
          'Could not remove the example round',
        ),
      takeEngagement,
      patchCards,
    };
  };
}
