/** What one board run measured, and the small derivations the table and the notes share. */
import type { DragSample } from './board-drag.js';
import type { WireFigures } from './board-load.js';
import type { LoadSnapshot, LongFrame, LongTask } from './board-probe.js';

/** One 60 Hz frame. */
export const FRAME_MS = 16.7;
/** Frame intervals within this much above FRAME_MS count as on time (vsync jitter). */
export const JITTER_MS = 1;

/** Everything one run (a cold load, then a drag) measured. */
export interface BoardRun {
  readonly load: LoadSnapshot;
  readonly wire: WireFigures;
  readonly heapUsedBytes: number;
  readonly heapAfterGcBytes: number;
  readonly drag: DragSample;
  /** A separate in-page fetch of getBoard after the run: network and JSON.parse time. */
  readonly parse: { readonly fetchMs: number; readonly parseMs: number };
}

/** Long tasks of the load: those that began before the board was painted. */
export function loadTasks(run: BoardRun): LongTask[] {
  return run.load.longTasks.filter((t) => t.start < run.load.painted);
}

/** Long animation frames of the load. */
export function loadFrames(run: BoardRun): LongFrame[] {
  return run.load.longFrames.filter((f) => f.start < run.load.painted);
}

/** Script time and the browser's own rendering time (style, layout, paint) in long animation frames. */
export function frameWork(frames: readonly LongFrame[]): { scriptMs: number; renderMs: number } {
  return {
    scriptMs: frames.reduce((n, f) => n + f.scriptMs, 0),
    renderMs: frames.reduce((n, f) => n + (f.styleAndLayoutStart > 0 ? f.start + f.duration - f.styleAndLayoutStart : 0), 0),
  };
}

/** Total blocking time: the part of each long task beyond 50 ms. */
export function blockingMs(tasks: readonly LongTask[]): number {
  return tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
}

/** The longest task, 0 without any. */
export function longestMs(tasks: readonly LongTask[]): number {
  return Math.max(0, ...tasks.map((t) => t.duration));
}

/** How many intervals exceed `ms`. */
export function countOver(intervals: readonly number[], ms: number): number {
  return intervals.filter((i) => i > ms).length;
}
