/**
 * `syncAll`: brings every linked engagement up to date with GitHub, a few requests at a time,
 * saving the results in chunks as they arrive (what succeeded is saved whatever happens later;
 * sync-saves.ts). Stops the whole sync on a refused token, a used-up rate limit, no
 * connection, or a stalled server. A pass that learns nothing new writes nothing.
 */
import type { RateLimit, SyncFailure, SyncMove, SyncProgress, SyncReport } from '../../../shared/github/report.js';
import { heldMoves } from '../../../shared/github/held.js';
import { reconcileOutbox } from '../../../shared/github/outbox.js';
import { applySyncResult, recordSync } from '../../../shared/github/sync.js';
import type { PalsStore } from '../store/store.js';
import type { GithubClient } from './client.js';
import { classify, TransportError } from './errors.js';
import { redact } from '../lib/redact.js';
import { syncOne, type OneContext, type SyncTarget } from './sync-one.js';
import { syncPull, type PullTarget } from './sync-pr.js';
import { SAVE_CHUNK, SyncSaves, type SaveChunk } from './sync-saves.js';
import { abortReason, Watchdog, type StartTimer } from './watchdog.js';

/**
 * Limits: 8 requests at once; stop when GitHub says nothing for 15 s (the CLI contract allows 20).
 * Why 8: GitHub allows at most 100 concurrent requests per user (a secondary limit shared by
 * every client of the token: the app, `pals sync`, the periodic sync) and recommends few. A
 * re-sync is mostly conditional GETs answered 304, which cost no primary points, so the time
 * goes to round trips: 8 hide most of that latency while staying far below GitHub's ceiling.
 */
export const SYNC_LIMITS = { concurrency: 8, stallMs: 15_000, maxMs: 10 * 60_000 } as const;

export interface SyncOptions {
  readonly client: GithubClient;
  /** Only to keep it out of every message. */
  readonly token?: string | null;
  readonly now?: () => Date;
  readonly onProgress?: (progress: SyncProgress) => void;
  readonly concurrency?: number;
  /** Stop when no answer came for this long (tests use ~2 s). */
  readonly deadlineMs?: number;
  /** Stop a sync that still runs after this long, answers or not. */
  readonly maxDurationMs?: number;
  /** The watchdog's timers (tests move a manual clock); default Node's. */
  readonly startTimer?: StartTimer;
  /** How results are grouped into store updates (default SAVE_CHUNK). */
  readonly saveChunk?: SaveChunk;
}

/** The later of two rate-limit readings (a later reset, else fewer remaining). */
function latest(a: RateLimit | null, b: RateLimit | null): RateLimit | null {
  if (!a || !b) return a ?? b;
  if (a.reset !== b.reset) return b.reset > a.reset ? b : a;
  return b.remaining < a.remaining ? b : a;
}

/**
 * Runs `run` over `items`, `size` at a time. The first item runs alone: if GitHub refuses the
 * token, is out of reach or has no rate limit left, one request finds out, not `size`.
 */
async function pool<T>(items: readonly T[], size: number, run: (item: T, index: number) => Promise<void>): Promise<void> {
  if (items.length === 0) return;
  await run(items[0]!, 0);
  let next = 1;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await run(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length - 1)) }, worker));
}

/** Syncs every linked engagement in the store; never throws for GitHub's sake. */
export async function syncAll(store: PalsStore, options: SyncOptions): Promise<SyncReport> {
  const at = () => (options.now?.() ?? new Date()).toISOString();
  const hide = (text: string) => redact(text, options.token);
  // Only write when there is something to drop. Nothing is queued here: a move made while
  // write-back was off stays held until the coordinator pushes it (shared/github/held.ts).
  if (reconcileOutbox(store.doc).doc !== store.doc) await store.update((doc) => reconcileOutbox(doc));

  const targets: SyncTarget[] = store.doc.engagements.flatMap((e) => (e.github ? [{ id: e.id, issue: e.github.issue }] : []));
  const pulls: PullTarget[] = store.doc.engagements.flatMap((e) => (e.pr ? [{ id: e.id, pr: e.pr.pr }] : []));
  const total = targets.length + pulls.length;
  const watchdog = new Watchdog(options.deadlineMs ?? SYNC_LIMITS.stallMs, options.maxDurationMs ?? SYNC_LIMITS.maxMs, options.startTimer);
  const saves = new SyncSaves(store, options.saveChunk ?? SAVE_CHUNK);
  // By target, so the report lists failures in the board's order, not in the order answers came.
  const failures: (SyncFailure | undefined)[] = [];
  // The linked issues GitHub had news for (a 200); with the cards the pass moved, the updated ones.
  const fetched = new Set<string>();
  let done = 0;
  let rateLimit: RateLimit | null = null;
  const ctx: OneContext = {
    store,
    client: options.client,
    signal: watchdog.signal,
    seeRate: (rate) => {
      rateLimit = latest(rateLimit, rate);
    },
    at,
    save: (change) => {
      saves.add(change);
    },
    saveMoving: (change) => {
      saves.addMoving(change);
    },
    hide,
  };

  options.onProgress?.({ done: 0, total });
  try {
    await pool(targets, options.concurrency ?? SYNC_LIMITS.concurrency, async (target, index) => {
      try {
        if (watchdog.signal.aborted) throw new TransportError('stopped', abortReason(watchdog.signal));
        const one = await syncOne(ctx, target);
        if (one.error) failures[index] = { ref: target.issue, error: hide(one.error) };
        else if (one.changed) fetched.add(target.id);
      } catch (error) {
        const problem = classify(error);
        if (problem.kind === 'fatal') watchdog.abort(problem.message);
        const message = hide(problem.kind === 'fatal' ? abortReason(watchdog.signal) : problem.message);
        if (problem.kind !== 'fatal') {
          const when = at();
          saves.add((doc) => applySyncResult(doc, target.id, target.issue, { kind: 'failed', error: message }, when).doc);
        }
        failures[index] = { ref: target.issue, error: message };
      } finally {
        options.onProgress?.({ done: ++done, total });
      }
    });
    // Then the self-assessment PRs' progress: its problems are shown on the card (`pr.error`),
    // not counted among the linked issues; only what stops the whole sync stops it here too.
    await pool(pulls, options.concurrency ?? SYNC_LIMITS.concurrency, async (target) => {
      try {
        if (watchdog.signal.aborted) return;
        await syncPull(ctx, target);
      } catch (error) {
        const problem = classify(error);
        if (problem.kind === 'fatal') watchdog.abort(problem.message);
      } finally {
        options.onProgress?.({ done: ++done, total });
      }
    });
  } finally {
    watchdog.stop();
  }

  const failed = failures.filter((f): f is SyncFailure => f !== undefined);
  const stopped = watchdog.signal.aborted ? hide(abortReason(watchdog.signal)) : null;
  const finished = at();
  const counts = (moves: readonly SyncMove[]) => tally(targets, failures, fetched, moves);
  // The record rides with the last chunk. A pass with no news still records itself (one small
  // write: the coordinator must see that the sync ran), but no link is rewritten for a 304.
  const saveError = await saves.settle(
    (moves) => (doc) =>
      recordSync(doc, {
        at: finished,
        checked: targets.length,
        ...counts(moves),
        failed: failed.length,
        error: stopped?.slice(0, 500) ?? null,
        rateLimit,
      }).doc,
  );
  const moved = inBoardOrder(targets, saves.moves);
  const held = heldMoves(store.doc);
  return { checked: targets.length, ...counts(moved), failed, rateLimit, moved, error: stopped ?? saveError, held };
}

/**
 * Each linked issue counted once: failed; else updated when GitHub had news for it or the pass
 * moved its card (a changed label rule moves cards on 304s); else unchanged.
 */
function tally(
  targets: readonly SyncTarget[],
  failures: readonly (SyncFailure | undefined)[],
  fetched: ReadonlySet<string>,
  moves: readonly SyncMove[],
): { updated: number; unchanged: number } {
  const movedIds = new Set(moves.map((m) => m.ref));
  let updated = 0;
  let unchanged = 0;
  targets.forEach((t, i) => {
    if (failures[i] !== undefined) return;
    if (fetched.has(t.id) || movedIds.has(t.id)) updated++;
    else unchanged++;
  });
  return { updated, unchanged };
}

/** The moves in the board's order (they are made in the order answers came). */
function inBoardOrder(targets: readonly SyncTarget[], moves: readonly SyncMove[]): SyncMove[] {
  const order = new Map(targets.map((t, i) => [t.id, i]));
  return [...moves].sort((a, b) => (order.get(a.ref) ?? Infinity) - (order.get(b.ref) ?? Infinity));
}
