/**
 * The open record: the whole engagement (notes, retrospective, history) the card dialog shows,
 * fetched with `getEngagement` when the dialog opens. This page's own answers keep it current;
 * it is fetched again only when the change feed carries a change to it that none of those answers
 * explains (another window, the CLI, a sync). Each event names the calls it carries and each
 * answer names its call, and the decision waits until this page's calls on the record have settled.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { BoardChange, PalsApi } from '../../../shared/api.js';
import type { EngagementView } from '../../../shared/view.js';
import type { Freshness } from './freshness.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** The record the dialog shows: null `view` while the first answer is on its way (or failed: `error`). */
export interface OpenRecord {
  readonly id: string;
  readonly view: EngagementView | null;
  readonly error: string | null;
}

/** The open record and how it is kept current. */
export interface RecordSlice {
  readonly record: OpenRecord | null;
  /** Fetches engagement `id`'s record for the dialog (again, to retry after a failure). */
  readonly openRecord: (id: string) => Promise<void>;
  /** Forgets the record when its dialog closes. */
  readonly closeRecord: (id: string) => void;
  /** For the other slices: answer `call` carried this whole engagement (ignored unless it is the open one and not older). */
  readonly takeRecord: (view: EngagementView, call: string | undefined) => void;
  /** For the other slices: answer `call` changes the open record (ignored unless `id` is open). */
  readonly patchRecord: (id: string, update: (view: EngagementView) => EngagementView, call: string | undefined) => void;
  /** For the board slice: a change event arrived (null: reload everything), perhaps touching the record. */
  readonly recordChanged: (change: BoardChange | null) => void;
}

/** True when a change is one this page's answers already put in the record. */
const explained = (change: BoardChange | null, shown: ReadonlySet<string>) =>
  change !== null && change.kind === 'cards' && !change.unattributed && change.calls.every((c) => shown.has(c));

/** Builds the record slice over an API. */
export function createRecordSlice(api: PalsApi, freshness: Freshness): StateCreator<Store, [], [], RecordSlice> {
  return (set, get) => {
    let loadSeq = 0;
    let loading = false;
    /** Calls whose answers the open record shows. */
    let shown = new Set<string>();
    /** Changes to the open record not judged yet (waiting for a load, or for this page's calls). */
    let unjudged: (BoardChange | null)[] = [];

    const touches = (change: BoardChange | null, id: string) =>
      change === null || change.kind === 'reload' || change.cards.some((c) => c.id === id) || change.removed.includes(id);

    const load = async (id: string) => {
      const mine = ++loadSeq;
      loading = true;
      const res = await safeCall(() => api.getEngagement({ id }));
      if (mine !== loadSeq) return; // closed, reopened, or a newer load decides
      loading = false;
      const current = get().record;
      if (current?.id !== id) return;
      if (res.ok) set({ record: { id, view: res.value, error: null } });
      else if (!current.view) set({ record: { id, view: null, error: res.error.message } });
      judge(id);
    };

    /** Fetches the record again if a change left it stale; decided once nothing of this page's is on its way. */
    const judge = (id: string) => {
      if (get().record?.id !== id || unjudged.length === 0 || loading || freshness.busy(id)) return;
      const stale = unjudged.some((change) => !explained(change, shown));
      unjudged = [];
      if (stale && get().board?.engagements.some((e) => e.id === id)) void load(id);
    };

    freshness.onSettled((id) => {
      judge(id);
    });

    return {
      record: null,
      openRecord: (id) => {
        const kept = get().record?.id === id ? (get().record?.view ?? null) : null;
        if (!kept) {
          shown = new Set();
          unjudged = [];
        }
        set({ record: { id, view: kept, error: null } });
        return load(id);
      },
      closeRecord: (id) => {
        if (get().record?.id !== id) return;
        loadSeq += 1;
        loading = false;
        unjudged = [];
        set({ record: null });
      },
      takeRecord: (view, call) => {
        const record = get().record;
        if (record?.id !== view.id || !record.view || view.updatedAt < record.view.updatedAt) return;
        if (call) shown.add(call);
        set({ record: { ...record, view } });
      },
      patchRecord: (id, update, call) => {
        const record = get().record;
        if (record?.id !== id || !record.view) return;
        if (call) shown.add(call);
        set({ record: { ...record, view: update(record.view) } });
      },
      recordChanged: (change) => {
        const id = get().record?.id;
        if (id === undefined || !touches(change, id)) return;
        unjudged.push(change);
        judge(id);
      },
    };
  };
}
