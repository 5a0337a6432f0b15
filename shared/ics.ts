/**
 * The calendar export (`pals export ics`, "Export calendar…"): an iCalendar file (RFC 5545) with
 * an all-day event for each remaining phase-window end of the engagements in progress and for
 * each open action item with a due date. UIDs come from the stored ids, so importing the file
 * again (or a newer export) updates the events instead of adding copies; a deadline that no
 * longer holds stays in the file as CANCELLED, so calendars that imported it drop it.
 */
import { addDays, isIsoDate, type IsoDate } from './dates.js';
import { windowEnd } from './due.js';
import { nameKey } from './engagements.js';
import { PalsError } from './errors.js';
import { openActions } from './notes.js';
import { PHASES, PHASE_TITLES, type Phase, type TimedPhase } from './phases.js';
import type { Engagement, StoreDoc } from './schema.js';
import { windowsFor } from './view.js';

/** One all-day event. */
export interface CalendarEvent {
  readonly uid: string;
  readonly date: IsoDate;
  readonly summary: string;
  readonly description: string;
  readonly kind: 'phase' | 'action';
  readonly engagementId: string;
  /**
   * 'cancelled': a deadline an earlier export may have carried that no longer holds (the engagement
   * is done, on hold or past that phase; the action item is done). It keeps its UID so a calendar
   * that imported it drops it instead of keeping a stale deadline.
   */
  readonly status: 'confirmed' | 'cancelled';
  /** RFC 5545 SEQUENCE: grows with the engagement's last change, so a re-import always wins over an older copy. */
  readonly sequence: number;
}

export interface IcsOptions {
  /** Only this pal's: the engagements they are on, and action items there or owned by them. */
  readonly pal?: string | null;
  /** The export's time (DTSTAMP), an ISO timestamp; default midnight UTC of `today`. */
  readonly now?: string;
}

/** Names the events' UIDs as ours; ids are unique in the store, so UIDs are unique in the world. */
const UID_DOMAIN = 'security-pals-desk';
const PRODID = '-//CNCF TAG Security//Security Pals Desk//EN';
const TIMED: readonly TimedPhase[] = PHASES.filter((p): p is TimedPhase => p !== 'done');

/** The phases still ahead of an engagement: its current one and every later one with a window. */
function remainingPhases(phase: Phase): readonly TimedPhase[] {
  const at = TIMED.indexOf(phase as TimedPhase);
  return at < 0 ? [] : TIMED.slice(at);
}

/**
 * Whose windows count: a card with a kickoff (the clock starts there), neither done nor on hold
 * (a paused engagement's deadlines are not real until it resumes). Intake counts: its window
 * closes on the kickoff day, which a pal wants in the calendar too.
 */
function hasDeadlines(e: Engagement): boolean {
  return e.kickoff !== null && e.phase !== 'done' && !e.onHold;
}

const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

/** Minutes from 2020 to the engagement's last change: a SEQUENCE that only grows as the record changes. */
function sequenceOf(e: Engagement): number {
  const t = Date.parse(e.updatedAt);
  return Number.isFinite(t) ? Math.max(0, Math.floor((t - SEQUENCE_EPOCH) / 60_000)) : 0;
}

/** The first line of a text, for a summary (the whole text goes to the description). */
function firstLine(text: string): string {
  const line = text
    .trim()
    .split(/\r\n|\r|\n/, 1)[0]!
    .trim();
  if (line.length <= 120) return line;
  // Cut by grapheme: never half an emoji or a letter and its accent.
  const graphemes = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(line), (g) => g.segment);
  return graphemes.length > 120 ? `${graphemes.slice(0, 119).join('')}…` : line;
}

/**
 * The events of the calendar, soonest first; refuses a pal no card and no action item names. A
 * deadline that no longer holds but is still ahead of `today` comes as a cancelled event (one
 * already past cannot nag anybody, so it is left out).
 */
export function calendarEvents(doc: StoreDoc, today: IsoDate, options: Pick<IcsOptions, 'pal'> = {}): CalendarEvent[] {
  const pal = options.pal?.trim() ? nameKey(options.pal) : null;
  const onCard = (e: Engagement) => pal === null || e.pals.some((p) => nameKey(p) === pal);
  if (pal !== null && !doc.engagements.some(onCard) && !openActions(doc).some((a) => nameKey(a.action.owner ?? '') === pal)) {
    throw new PalsError('not-found', `no pal or action item owner is called "${options.pal!.trim()}"; \`pals load\` lists the pals`, 'pal');
  }
  const events: CalendarEvent[] = [];
  for (const e of doc.engagements) {
    if (e.kickoff === null || !onCard(e)) continue;
    const windows = windowsFor(doc, e);
    const live = new Set(hasDeadlines(e) ? remainingPhases(e.phase) : []);
    for (const phase of TIMED) {
      const date = windowEnd(e.kickoff, phase, windows);
      if (!live.has(phase) && date < today) continue;
      const title = PHASE_TITLES[phase];
      const pals = e.pals.length > 0 ? `Pals: ${e.pals.join(', ')}.` : 'No pal yet.';
      events.push({
        uid: `phase-${e.id}-${phase}@${UID_DOMAIN}`,
        date,
        summary: `${e.name}: ${title} window ends`,
        description: `The ${title} window of ${e.name} closes (week ${windows[phase].end} after the kickoff on ${e.kickoff}). ${pals}`,
        kind: 'phase',
        engagementId: e.id,
        status: live.has(phase) ? 'confirmed' : 'cancelled',
        sequence: sequenceOf(e),
      });
    }
  }
  const byId = new Map(doc.engagements.map((e) => [e.id, e]));
  for (const item of openActions(doc, { includeDone: true })) {
    const { action } = item;
    if (action.due === null || (action.done && action.due < today)) continue;
    const engagement = byId.get(item.engagementId)!;
    if (pal !== null && nameKey(action.owner ?? '') !== pal && !onCard(engagement)) continue;
    const owner = action.owner?.trim() ? `Owner: ${action.owner.trim()}` : 'No owner';
    events.push({
      uid: `action-${action.id}@${UID_DOMAIN}`,
      date: action.due,
      summary: `${item.engagementName}: ${firstLine(action.text) || 'action item'}`,
      description: `${action.text}\n\n${owner}\nEngagement: ${item.engagementName}\nFrom the note of ${item.noteDate}`,
      kind: 'action',
      engagementId: item.engagementId,
      status: action.done ? 'cancelled' : 'confirmed',
      sequence: sequenceOf(engagement),
    });
  }
  // Plain code-unit order (ISO dates and ASCII UIDs sort right that way), without localeCompare's cost.
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return events.sort((a, b) => order(a.date, b.date) || order(a.uid, b.uid));
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
export function escapeText(text: string): string {
  return (
    text
      // The controls TEXT may not carry (TAB is allowed).
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
  );
}

/**
 * The UTF-16 units and UTF-8 octets of the code point at `i` (a surrogate pair is one code point
 * of four octets; a lone surrogate is written as U+FFFD, three octets).
 */
function codePointAt(text: string, i: number): { readonly units: 1 | 2; readonly octets: number } {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ONE;
  if (c < 0x800) return TWO;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return PAIR;
  }
  return THREE;
}
const ONE = { units: 1, octets: 1 } as const;
const TWO = { units: 1, octets: 2 } as const;
const THREE = { units: 1, octets: 3 } as const;
const PAIR = { units: 2, octets: 4 } as const;

/** Octets of a string in UTF-8. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length;) {
    const cp = codePointAt(text, i);
    n += cp.octets;
    i += cp.units;
  }
  return n;
}

/**
 * Folds a content line at 75 octets (§3.1): each continuation starts with one space, which
 * counts. Cuts fall between code points only, so a multi-byte character (an emoji, an accent)
 * is never split.
 */
export function foldLine(line: string): string {
  // Most lines are short: no line is longer in octets than three times its UTF-16 length.
  if (line.length <= 25 || utf8Length(line) <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length;) {
    const cp = codePointAt(line, i);
    const room = parts.length === 0 ? 75 : 74;
    if (octets + cp.octets > room) {
      parts.push(line.slice(start, i));
      [start, octets] = [i, 0];
    }
    octets += cp.octets;
    i += cp.units;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

/** 2026-03-01 → 20260301. */
const icsDate = (date: IsoDate) => date.replace(/-/g, '');

/**
 * A UID as written: the stored ids make it, and a stored value is escaped where it is written
 * out whatever the schema promised. Every character but letters, digits and `@._-` is
 * percent-encoded, so a CR or LF in an id can never start a line (a new property, a new event)
 * while a real id (lowercase letters, digits, dashes) reads unchanged, export after export.
 */
export function uidText(uid: string): string {
  return uid.replace(/[^A-Za-z0-9@._-]/gu, (c) => {
    if (c.length === 1 && c.charCodeAt(0) < 0x80) return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
    try {
      return encodeURIComponent(c);
    } catch {
      return '%EF%BF%BD'; // a lone surrogate: U+FFFD, as UTF-8 writes it
    }
  });
}

/** An ISO timestamp → 20260301T093000Z (UTC). */
function icsStamp(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The calendar file for `events`: CRLF line ends, every line folded, names escaped. */
export function icsText(events: readonly CalendarEvent[], options: { readonly name: string; readonly stamp: string }): string {
  const stamp = icsStamp(options.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(options.name)}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  for (const event of events) {
    // A date that is not one (a hand-edited or copied-in store) cannot place an event: it is left out.
    if (!isIsoDate(event.date)) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      `CATEGORIES:Security Pals,${event.kind === 'phase' ? 'Phase window' : 'Action item'}`,
      'TRANSP:TRANSPARENT',
      `SEQUENCE:${Number.isSafeInteger(event.sequence) && event.sequence >= 0 ? event.sequence : 0}`,
      `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** How many events still stand (cancelled ones only withdraw earlier copies). */
export function liveEventCount(events: readonly CalendarEvent[]): number {
  return events.filter((e) => e.status === 'confirmed').length;
}

/** The calendar's title: "Security Pals", or "Security Pals: NAME" for one pal's. */
export function calendarName(pal?: string | null): string {
  return pal?.trim() ? `Security Pals: ${pal.trim()}` : 'Security Pals';
}

/** The whole export: the events of `doc` as of `today` (one pal's, if asked) as an .ics text. */
export function buildIcs(doc: StoreDoc, today: IsoDate, options: IcsOptions = {}): string {
  return buildCalendar(doc, today, options).text;
}

/** The export with how many events still stand (what the app and `pals export ics` report). */
export function buildCalendar(
  doc: StoreDoc,
  today: IsoDate,
  options: IcsOptions = {},
): { readonly text: string; readonly eventCount: number } {
  const events = calendarEvents(doc, today, options);
  const text = icsText(events, { name: calendarName(options.pal), stamp: options.now ?? `${today}T00:00:00Z` });
  return { text, eventCount: liveEventCount(events) };
}
