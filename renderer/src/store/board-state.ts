/** The board slice's shape: the mirrored cards, moves in flight, and the actions on engagements. */
import type { ApiArgs, ApiResponse, BoardSnapshot } from '../../../shared/api.js';
import type { Phase } from '../../../shared/phases.js';
import type { EngagementView } from '../../../shared/view.js';

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
