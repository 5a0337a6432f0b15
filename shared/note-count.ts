/**
 * How many notes an engagement holds, without reading them: the store may load an engagement
 * whose notes are parsed only when first read (electron/core/store/deferred-notes.ts), and tells
 * the count it knows here, so the board's cards never parse every note of a large store.
 */
import type { Engagement } from './schema.js';

const known = new WeakMap<object, number>();

/** Records that `engagement` (never changed in place, only replaced) holds `count` notes. */
export function knowNoteCount(engagement: object, count: number): void {
  known.set(engagement, count);
}

/** The number of notes of `engagement`, from what the store told when it knows it. */
export function noteCount(engagement: Engagement): number {
  return known.get(engagement) ?? engagement.notes.length;
}
