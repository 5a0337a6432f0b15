import { dueState, type DueState } from './due.js';
import type { IsoDate } from './dates.js';
import { DEFAULT_WINDOWS } from './phases.js';
import type { Engagement, StoreDoc, Windows } from './schema.js';

/** An engagement as `list --json`, `show --json` and the board see it: stored fields plus due. */
export type EngagementView = Engagement & { readonly due: DueState };

/** The timebox that applies to an engagement (its round's, else the default). */
export function windowsFor(doc: StoreDoc, engagement: Engagement): Windows {
  return doc.rounds.find((r) => r.id === engagement.round)?.windows ?? DEFAULT_WINDOWS;
}

/** Adds the due state as of `today`. */
export function viewEngagement(doc: StoreDoc, engagement: Engagement, today: IsoDate): EngagementView {
  return { ...engagement, due: dueState(engagement, windowsFor(doc, engagement), today, doc.settings.dueSoonDays) };
}
