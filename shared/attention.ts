/**
 * What needs a coordinator's attention this week: phase windows that close soon or have closed,
 * and open action items due soon or overdue. One pure function feeds the board's "Needs
 * attention" region, `pals due`, and the desktop app's daily notification, so all three agree.
 */
import { actionDueState } from './actions.js';
import type { IsoDate } from './dates.js';
import { dueState } from './due.js';
import { PHASE_TITLES } from './phases.js';
import type { StoreDoc } from './schema.js';
import { windowsFor } from './view.js';

/** How pressing an item is: past its day, or within the window asked for. */
export type AttentionState = 'overdue' | 'due-soon';

/** One thing to look at. `engagement` is the project's name (`id` its engagement's id). */
export interface AttentionItem {
  readonly kind: 'phase' | 'action';
  readonly engagement: string;
  /** The phase window that closes ("Meet & greet window closes"), or the action item's text. */
  readonly what: string;
  readonly due: IsoDate;
  readonly state: AttentionState;
  /** The engagement's id (the board opens its card with it). */
  readonly id: string;
  /** Action items only: where the item lives, and who owns it. */
  readonly noteId?: string;
  readonly actionId?: string;
  readonly owner?: string | null;
}

/** The digest: as of which day, how many days ahead counts as soon, and the items. */
export interface Attention {
  readonly today: IsoDate;
  readonly within: number;
  readonly items: readonly AttentionItem[];
}

/** Overdue first (the oldest first), then the soonest; a phase before an action item on one day, then by name. */
function byUrgency(a: AttentionItem, b: AttentionItem): number {
  if (a.state !== b.state) return a.state === 'overdue' ? -1 : 1;
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === 'phase' ? -1 : 1;
  return a.engagement.localeCompare(b.engagement) || a.what.localeCompare(b.what);
}

/**
 * Everything due within `withinDays` of `today` (that last day included) or already overdue,
 * sorted overdue first. A phase window counts for an engagement with a kickoff that is neither
 * done nor on hold; an action item counts while it is open and has a due date.
 */
export function needsAttention(doc: StoreDoc, today: IsoDate, withinDays: number): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const e of doc.engagements) {
    // The card's own due state (shared/due.ts: none once done or without a kickoff), with the digest's horizon.
    const phase = e.onHold ? null : dueState(e, windowsFor(doc, e), today, withinDays);
    if (phase && (phase.state === 'overdue' || phase.state === 'due-soon')) {
      const what = `${PHASE_TITLES[e.phase]} window closes`;
      items.push({ kind: 'phase', engagement: e.name, what, due: phase.windowEnd!, state: phase.state, id: e.id });
    }
    for (const n of e.notes) {
      for (const a of n.actions) {
        const state = actionDueState(a, today, withinDays);
        if (state !== 'overdue' && state !== 'due-soon') continue;
        items.push({
          kind: 'action',
          engagement: e.name,
          what: a.text,
          due: a.due!,
          state,
          id: e.id,
          noteId: n.id,
          actionId: a.id,
          owner: a.owner,
        });
      }
    }
  }
  return items.sort(byUrgency);
}

/** A notification's worth of the digest: a title that counts, and the first few items as lines. */
export function digestText(items: readonly AttentionItem[], max = 4): { readonly title: string; readonly body: string } | null {
  if (items.length === 0) return null;
  const overdue = items.filter((i) => i.state === 'overdue').length;
  const soon = items.length - overdue;
  const parts = [overdue ? `${overdue} overdue` : '', soon ? `${soon} due soon` : ''].filter(Boolean);
  const title = `Needs attention: ${parts.join(', ')}`;
  const lines = items
    .slice(0, max)
    .map((i) => `${oneLine(i.engagement)}: ${oneLine(i.what)} (${i.state === 'overdue' ? 'overdue' : 'due'} ${i.due})`);
  if (items.length > max) lines.push(`and ${items.length - max} more`);
  return { title, body: lines.join('\n') };
}

/** Names and action texts are anyone's text: one line each, cut short, in a notification. */
function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
