/**
 * How a sync pass saves what it learnt: results are gathered and saved through the store a
 * chunk at a time, one store update per chunk instead of one per issue (every update is a
 * write of the store, and the app re-renders on each), and whatever is gathered is saved when
 * the pass ends, however it ends. A chunk also goes out after a short wait, so a long sync
 * shows its progress and a crash loses only the last few seconds' results.
 *
 * It also keeps the moves the pass made, as they were made where it counts: in the store update
 * that went to disk (an update replayed on top of another writer's changes reports its replay's
 * moves; a chunk whose write failed moved nothing).
 */
import type { Applied } from '../../../shared/engagements.js';
import type { SyncMove } from '../../../shared/github/report.js';
import type { StoreDoc } from '../../../shared/schema.js';
import type { PalsStore } from '../store/store.js';

/** What one result does to the document (the document part of a pure store operation). */
export type SyncChange = (doc: StoreDoc) => StoreDoc;

/** A change that may move a card: the document, and the move it made (null when none). */
export type MovingChange = (doc: StoreDoc) => Applied<SyncMove | null>;

/** How results are grouped into store updates. */
export interface SaveChunk {
  /** Results per store update. */
  readonly results: number;
  /** The longest a gathered result waits before its chunk is saved anyway. */
  readonly waitMs: number;
}

/** Defaults: 200 results, or 2 s, per store update. */
export const SAVE_CHUNK: SaveChunk = { results: 200, waitMs: 2_000 };

/**
 * Applies changes in order, adding each move made to `moves`. A change that throws is left out
 * and the others still apply, so one odd card (edited into another shape meanwhile) cannot cost
 * the rest of the chunk.
 */
export function applyChanges(doc: StoreDoc, changes: readonly MovingChange[], moves: SyncMove[] = []): StoreDoc {
  let next = doc;
  for (const change of changes) {
    try {
      const applied = change(next);
      next = applied.doc;
      if (applied.value) moves.push(applied.value);
    } catch {
      // Left out on purpose: see the doc comment.
    }
  }
  return next;
}

/** Gathers a pass's changes and saves them in chunks; see the file comment. */
export class SyncSaves {
  private queued: MovingChange[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly writes: Promise<unknown>[] = [];
  /** The moves of each chunk (by its write's index), as its latest application made them. */
  private readonly chunkMoves: SyncMove[][] = [];
  private gathered = 0;

  constructor(
    private readonly store: PalsStore,
    private readonly chunk: SaveChunk = SAVE_CHUNK,
  ) {}

  /** Changes gathered so far in this pass (saved or still waiting). */
  get count(): number {
    return this.gathered;
  }

  /** Every move made so far, chunk by chunk (within a chunk, in the order its changes applied). */
  get moves(): readonly SyncMove[] {
    return this.chunkMoves.flat();
  }

  /** Gathers one result's change; saves the chunk once it is full. */
  add(change: SyncChange): void {
    this.addMoving((doc) => ({ doc: change(doc), value: null }));
  }

  /** Gathers a change that may move a card (a sync result); its move is kept for the report. */
  addMoving(change: MovingChange): void {
    this.queued.push(change);
    this.gathered++;
    if (this.queued.length >= Math.max(1, this.chunk.results)) this.saveNow();
    else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.saveNow();
      }, this.chunk.waitMs);
      this.timer.unref();
    }
  }

  /** Saves everything gathered so far as one store update (nothing when nothing is waiting). */
  saveNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.queued.length === 0) return;
    const changes = this.queued;
    this.queued = [];
    const slot = this.chunkMoves.length;
    this.chunkMoves.push([]);
    this.writes.push(
      this.store.update((doc) => {
        // A fresh list on every application: a replay reports what the replay did.
        const moves: SyncMove[] = [];
        this.chunkMoves[slot] = moves;
        return { doc: applyChanges(doc, changes, moves), value: changes.length };
      }),
    );
  }

  /**
   * Saves what is left and waits for every save; the first failure's message, or null when all
   * are on disk. `last` builds the pass's final change (its record) from every move the pass
   * made; it rides with the last chunk, so the record and the moves it counts are one write.
   * Moves of a chunk whose write failed are dropped from `moves`: they are not on disk.
   */
  async settle(last?: (moves: readonly SyncMove[]) => SyncChange): Promise<string | null> {
    if (last) this.add((doc) => last(this.moves)(doc));
    this.saveNow();
    const results = await Promise.allSettled(this.writes);
    results.forEach((r, slot) => {
      if (r.status === 'rejected') this.chunkMoves[slot] = [];
    });
    const failure = results.find((r) => r.status === 'rejected');
    if (!failure) return null;
    const why: unknown = failure.reason;
    return why instanceof Error ? why.message : 'not saved';
  }
}
