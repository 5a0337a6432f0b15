/**
 * Pal load: how many engagements each pal carries against the soft limit in the settings, so a
 * coordinator sees who has too much before handing out the next one (`pals load`, the swimlanes).
 */
import type { IsoDate } from './dates.js';
import { nameKey } from './name-key.js';
import { palDirectory } from './pals.js';
import type { Engagement, StoreDoc } from './schema.js';
import { windowsFor } from './view.js';
import { dueState } from './due.js';

/** One pal's load. */
export interface PalLoad {
  /** The name as first written on a card (names differing only in case or spacing are one pal). */
  readonly pal: string;
  /** Engagements in progress: neither in intake nor done nor on hold. */
  readonly active: number;
  /** The pal's soft limit (their own, else the settings' palLimit). */
  readonly limit: number;
  /** More active engagements than the limit. */
  readonly over: boolean;
  /** Of the active ones, those past their phase window (a second reason to look). */
  readonly overdue: number;
}

/** An engagement that takes a pal's time now: not waiting in intake, not finished, not paused. */
export function isActive(engagement: Pick<Engagement, 'phase' | 'onHold'>): boolean {
  return engagement.phase !== 'intake' && engagement.phase !== 'done' && !engagement.onHold;
}

/**
 * Every pal named on any engagement (those with nothing active too, so a free pal shows as
 * such), most active first, then by name. An engagement with two pals counts for both.
 */
export function palLoad(doc: StoreDoc, today: IsoDate): PalLoad[] {
  const byKey = new Map<string, { pal: string; active: number; overdue: number }>();
  // Registered pals first: their spelling wins, and one with no engagement shows as free.
  for (const p of doc.settings.pals) byKey.set(nameKey(p.name), { pal: p.name, active: 0, overdue: 0 });
  for (const e of doc.engagements) {
    const active = isActive(e);
    const overdue = active && dueState(e, windowsFor(doc, e), today, doc.settings.dueSoonDays).state === 'overdue';
    // A pal listed twice on one card (hand-edited) still counts that card once.
    for (const key of new Set(e.pals.map(nameKey))) {
      const entry = byKey.get(key) ?? { pal: e.pals.find((p) => nameKey(p) === key)!.trim(), active: 0, overdue: 0 };
      if (active) entry.active++;
      if (overdue) entry.overdue++;
      byKey.set(key, entry);
    }
  }
  const limits = new Map(palDirectory(doc).map((p) => [nameKey(p.name), p.limit]));
  return [...byKey.entries()]
    .map(([key, { pal, active, overdue }]) => {
      const limit = limits.get(key) ?? doc.settings.palLimit;
      return { pal, active, limit, over: active > limit, overdue };
    })
    .sort((a, b) => b.active - a.active || a.pal.localeCompare(b.pal));
}
