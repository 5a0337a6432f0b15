/**
 * How a sync pass saves what it learnt: results are gathered and saved through the store a
 * chunk at a time, one store update per chunk instead of one per issue (every update is a
 * write of the store, and the app re-renders on each), and whatever is gathered is saved when
 * the pass ends, however it ends. A chunk also goes out after a short wait, so a long sync
 * shows its progress and a crash loses only the last few seconds' results.
 */
import type { StoreDoc } from '../../../shared/schema.js';
import type { PalsStore } from '../store/store.js';

/** What one result does to the document (the document part of a pure store operation). */
export type SyncChange = (doc: StoreDoc) => StoreDoc;

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
 * Applies changes in order. A change that throws is left out and the others still apply, so
 * one odd card (edited into another shape meanwhile) cannot cost the rest of the chunk.
 */
export function applyChanges(doc: StoreDoc, changes: readonly SyncChange[]): StoreDoc {
  let next = doc;
  for (const change of changes) {
    try {
      next = change(next);
    } catch {
      // Left out on purpose: see the doc comment.
    }
  }
  return next;
}

/** Gathers a pass's changes and saves them in chunks; see the file comment. */
export class SyncSaves {
  private queued: SyncChange[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly writes: Promise<unknown>[] = [];
  private gathered = 0;

  constructor(
    private readonly store: PalsStore,
    private readonly chunk: SaveChunk = SAVE_CHUNK,
  ) {}

  /** Changes gathered so far in this pass (saved or still waiting). */
  get count(): number {
    return this.gathered;
  }

  /** Gathers one result's change; saves the chunk once it is full. */
  add(change: SyncChange): void {
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
    this.writes.push(this.store.update((doc) => ({ doc: applyChanges(doc, changes), value: changes.length })));
  }

  /** Saves what is left and waits for every save; the first failure's message, or null when all are on disk. */
  async settle(): Promise<string | null> {
    this.saveNow();
    const failure = (await Promise.allSettled(this.writes)).find((r) => r.status === 'rejected');
    if (!failure) return null;
    const why: unknown = failure.reason;
    return why instanceof Error ? why.message : 'not saved';
  }
}
