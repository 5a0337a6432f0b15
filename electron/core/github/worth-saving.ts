/**
 * Which sync results are worth a store write. A 304 (the issue is unchanged) would only move the
 * link's `syncedAt`; saving that for every linked card made an unchanged re-sync rewrite the
 * whole store. The time is kept only where it decides something later: `syncedAt` is the line
 * between "moved here before the last sync" and "moved here since", so it moves when the card
 * was moved locally since the last sync, and otherwise waits for a result with news.
 */
import { applySyncResult, type SyncResult } from '../../../shared/github/sync.js';
import { movedLocallySince } from '../../../shared/history.js';
import type { Engagement, StoreDoc } from '../../../shared/schema.js';

const indexes = new WeakMap<readonly Engagement[], ReadonlyMap<string, Engagement>>();

/**
 * The engagement with `id` (the first, as `find` would), through an index built once per
 * version of the list: a sync looks up every linked card, and a linear search each time made
 * a pass over thousands of cards quadratic. The list changes only when a chunk is saved.
 */
export function engagementById(doc: StoreDoc, id: string): Engagement | undefined {
  let index = indexes.get(doc.engagements);
  if (!index) {
    const built = new Map<string, Engagement>();
    for (const e of doc.engagements) if (!built.has(e.id)) built.set(e.id, e);
    indexes.set(doc.engagements, built);
    index = built;
  }
  return index.get(id);
}

/** Deep equality of plain JSON values (the document holds nothing else). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  // A loop, not `every`: this runs for every unchanged issue of a re-sync.
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** The card with its link's sync time left out, to compare everything else. */
function withoutSyncTime(e: Engagement): Engagement {
  return e.github ? { ...e, github: { ...e.github, syncedAt: null } } : e;
}

/**
 * True unless applying `result` to engagement `id` would change nothing but the link's sync
 * time, at a moment when that time decides nothing (see the file comment). Fetched and failed
 * results are always worth saving: they carry a new ETag, new data or an error to show.
 */
export function worthSaving(doc: StoreDoc, id: string, asked: string, result: SyncResult, at: string): boolean {
  if (result.kind !== 'unchanged') return true;
  const before = engagementById(doc, id);
  const link = before?.github;
  if (!before || !link || link.issue !== asked) return false;
  if (link.syncedAt === null || movedLocallySince(before, link.syncedAt)) return true;
  // Applied to this card alone (the result depends on nothing but the card, rounds and
  // settings): applying it to the whole document would copy the list for every 304.
  const alone: StoreDoc = { ...doc, engagements: [before] };
  const after = applySyncResult(alone, id, asked, result, at).doc.engagements[0];
  return !after || !sameJson(withoutSyncTime(after), withoutSyncTime(before));
}
