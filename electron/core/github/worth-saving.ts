/**
 * Which sync results are worth a store write. A 304 (the issue is unchanged) would only move the
 * link's `syncedAt`; saving that for every linked card made an unchanged re-sync rewrite the
 * whole store. The time is kept only where it decides something later: `syncedAt` is the line
 * between "moved here before the last sync" and "moved here since", so it moves when the card
 * was moved locally since the last sync, and otherwise waits for a result with news.
 */
import { applySyncResult, movedLocallySince, type SyncResult } from '../../../shared/github/sync.js';
import type { Engagement, StoreDoc } from '../../../shared/schema.js';

/** Deep equality of plain JSON values (the document holds nothing else). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
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
  const before = doc.engagements.find((e) => e.id === id);
  const link = before?.github;
  if (!before || !link || link.issue !== asked) return false;
  if (link.syncedAt === null || movedLocallySince(before, link.syncedAt)) return true;
  const after = applySyncResult(doc, id, asked, result, at).doc.engagements.find((e) => e.id === id);
  return !after || !sameJson(withoutSyncTime(after), withoutSyncTime(before));
}
