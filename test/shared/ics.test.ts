import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { addAction, setActionDoneById } from '../../shared/actions.js';
import { addEngagement, editEngagement } from '../../shared/engagements.js';
import { buildIcs, calendarEvents, escapeText, foldLine, utf8Length } from '../../shared/ics.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';

const at = '2026-11-27T10:00:00.000Z';
const today = '2026-11-27';
/** A name a calendar could choke on: a list separator, a parameter separator, a line break, emoji, an attempt to end the calendar. */
const NASTY = 'Kyverno, Inc.; "policy"\nEND:VCALENDAR\\n 👩🏽‍💻 ünïcödé';

function seeded(): StoreDoc {
  let doc = emptyDoc();
  doc = addEngagement(doc, { name: NASTY, pals: ['Ana, the; pal 🦊'], phase: 'draft', kickoff: '2026-11-02' }, { id: 'kyv', at }).doc;
  doc = addEngagement(doc, { name: 'Argo', pals: ['Ben'], phase: 'meet-greet', kickoff: '2026-11-23' }, { id: 'arg', at }).doc;
  doc = addEngagement(doc, { name: 'Done one', pals: ['Ana, the; pal 🦊'], phase: 'done', kickoff: '2026-01-05' }, { id: 'don', at }).doc;
  doc = addEngagement(doc, { name: 'Paused', pals: ['Ben'], phase: 'draft', kickoff: '2026-11-02', onHold: true }, { id: 'hol', at }).doc;
  doc = addEngagement(doc, { name: 'No kickoff', pals: ['Ben'], phase: 'follow-up' }, { id: 'nok', at }).doc;
  const stamp = (id: string) => ({ actionId: id, noteId: `note-${id}`, at, today });
  const longText = `Send the SBOM, the threat model; and the "self-assessment" — ${'très long '.repeat(12)}🎉\nsecond line, with a comma`;
  doc = addAction(doc, 'kyv', { text: longText, owner: 'Priya', due: '2026-12-04' }, stamp('act-long')).doc;
  doc = addAction(doc, 'arg', { text: 'Book the follow-up', owner: 'Ana, the; pal 🦊', due: '2026-12-01' }, stamp('act-ana')).doc;
  doc = addAction(doc, 'arg', { text: 'No date', owner: 'Ben' }, stamp('act-nodate')).doc;
  doc = addAction(doc, 'arg', { text: 'Finished', due: '2026-11-30' }, stamp('act-done')).doc;
  return setActionDoneById(doc, 'act-done', true, at).doc;
}

// ical.js knows RFC 5545 only: teach it RFC 7986's NAME (TEXT) and X-WR-CALNAME, which calendar
// apps read as TEXT too, so their escapes are undone as a calendar app would.
const properties = ICAL.design.icalendar.property as Record<string, { defaultType: string }>;
properties.name = { defaultType: 'text' };
properties['x-wr-calname'] = { defaultType: 'text' };

interface Parsed {
  readonly name: string;
  readonly events: {
    uid: string;
    summary: string;
    description: string;
    start: string;
    end: string;
    allDay: boolean;
    stamp: string;
    status: string;
    sequence: number;
  }[];
}

/** Reads a calendar back with ical.js, a full RFC 5545 parser. */
function parse(text: string): Parsed {
  const calendar = ICAL.Component.fromString(text);
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      stamp: String(v.getFirstPropertyValue('dtstamp')),
      status: String(v.getFirstPropertyValue('status')),
      sequence: event.sequence,
    };
  });
  const name = String(calendar.getFirstPropertyValue('name'));
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(name);
  return { name, events };
}

/** The events that still stand (cancelled ones only withdraw earlier copies). */
const standing = <T extends { status: string }>(events: readonly T[]) => events.filter((e) => e.status.toUpperCase() === 'CONFIRMED');

describe('the calendar export', () => {
  it('round-trips through a real RFC 5545 parser: names with commas, semicolons, newlines and emoji stay exact', () => {
    const text = buildIcs(seeded(), today, { now: '2026-11-27T09:30:00.000Z' });
    const events = standing(parse(text).events);
    const kyverno = events.filter((e) => e.uid.includes('-kyv-'));
    expect(kyverno.map((e) => e.summary)).toEqual([`${NASTY}: Self-assessment draft window ends`, `${NASTY}: In review window ends`]);
    const long = events.find((e) => e.uid.startsWith('action-act-long@'))!;
    expect(long.summary.startsWith(`${NASTY}: Send the SBOM, the threat model; and the "self-assessment"`)).toBe(true);
    expect(long.description.split('\n\n')[0]).toBe(
      `Send the SBOM, the threat model; and the "self-assessment" — ${'très long '.repeat(12)}🎉\nsecond line, with a comma`,
    );
    expect(long.description).toContain(`\nEngagement: ${NASTY}\n`);
    // The name that tries to end the calendar is text: one calendar, every event inside it.
    expect(text.match(/^END:VCALENDAR\r$/gm)).toHaveLength(1);
    expect(parse(buildIcs(seeded(), today, { pal: 'Ana, the; pal 🦊' })).name).toBe('Security Pals: Ana, the; pal 🦊');
  });

  it('has an all-day event per remaining phase window end of active engagements and per open dated action item', () => {
    const { events: all, name } = parse(buildIcs(seeded(), today, { now: '2026-11-27T09:30:00.000Z' }));
    const events = standing(all);
    expect(name).toBe('Security Pals');
    expect(events.map((e) => [e.uid, e.start, e.end])).toEqual([
      // Argo is in meet & greet (kickoff 2026-11-23): its window and every later one.
      ['phase-arg-meet-greet@security-pals-desk', '2026-11-30', '2026-12-01'],
      ['action-act-ana@security-pals-desk', '2026-12-01', '2026-12-02'],
      ['action-act-long@security-pals-desk', '2026-12-04', '2026-12-05'],
      ['phase-arg-follow-up@security-pals-desk', '2026-12-21', '2026-12-22'],
      ['phase-kyv-draft@security-pals-desk', '2026-12-28', '2026-12-29'],
      ['phase-arg-draft@security-pals-desk', '2027-01-18', '2027-01-19'],
      ['phase-kyv-review@security-pals-desk', '2027-02-22', '2027-02-23'],
      ['phase-arg-review@security-pals-desk', '2027-03-15', '2027-03-16'],
    ]);
    // Not there: the done engagement, the one on hold, the one without a kickoff, the undated and the done items.
    expect(events.every((e) => e.allDay)).toBe(true);
    expect(events.every((e) => e.stamp === '2026-11-27T09:30:00Z')).toBe(true);
  });

  it('withdraws a deadline that no longer holds under its UID (CANCELLED, a higher SEQUENCE) instead of dropping it', () => {
    const doc = seeded();
    const before = parse(buildIcs(doc, today)).events;
    const argReview = before.find((e) => e.uid === 'phase-arg-review@security-pals-desk')!;
    expect(argReview.status).toBe('CONFIRMED');
    // Argo goes on hold a day later; its action item is done too.
    const later = '2026-11-28T10:00:00.000Z';
    let changed = editEngagement(doc, 'arg', { onHold: true }, later).doc;
    changed = setActionDoneById(changed, 'act-ana', true, later).doc;
    const after = parse(buildIcs(changed, '2026-11-28')).events;
    for (const uid of ['phase-arg-meet-greet', 'phase-arg-follow-up', 'phase-arg-draft', 'phase-arg-review', 'action-act-ana']) {
      const event = after.find((e) => e.uid === `${uid}@security-pals-desk`);
      const earlier = before.find((e) => e.uid === `${uid}@security-pals-desk`)!;
      expect(event, uid).toMatchObject({ status: 'CANCELLED', start: earlier.start });
      expect(event!.sequence, uid).toBeGreaterThan(earlier.sequence);
    }
    // The done item, the paused engagement's and Kyverno's past-phase deadlines still ahead are withdrawn too; past ones are left out.
    expect(before.filter((e) => e.status === 'CANCELLED').map((e) => [e.uid.split('@')[0], e.start])).toEqual([
      ['action-act-done', '2026-11-30'],
      ['phase-hol-follow-up', '2026-11-30'],
      ['phase-kyv-follow-up', '2026-11-30'],
      ['phase-hol-draft', '2026-12-28'],
      ['phase-hol-review', '2027-02-22'],
    ]);
    // Back from hold: the same UIDs stand again, with a SEQUENCE above the cancelled copies'.
    const resumed = parse(buildIcs(editEngagement(changed, 'arg', { onHold: false }, '2026-11-29T10:00:00.000Z').doc, '2026-11-29')).events;
    const review = resumed.find((e) => e.uid === 'phase-arg-review@security-pals-desk')!;
    expect(review.status).toBe('CONFIRMED');
    expect(review.sequence).toBeGreaterThan(after.find((e) => e.uid === review.uid)!.sequence);
  });

  it('keeps UIDs stable across exports, so importing again updates instead of duplicating', () => {
    const doc = seeded();
    const first = buildIcs(doc, today, { now: '2026-11-27T09:30:00.000Z' });
    expect(buildIcs(doc, today, { now: '2026-11-27T09:30:00.000Z' })).toBe(first); // same input, same file
    const later = parse(buildIcs(doc, '2026-11-28', { now: '2026-11-28T08:00:00.000Z' }));
    expect(later.events.map((e) => e.uid)).toEqual(parse(first).events.map((e) => e.uid));
    expect(later.events.map((e) => e.sequence)).toEqual(parse(first).events.map((e) => e.sequence));
    // A new kickoff moves the events, under the same UIDs.
    const moved = parse(buildIcs(editEngagement(doc, 'arg', { kickoff: '2026-11-30' }, at).doc, today));
    const meet = moved.events.find((e) => e.uid === 'phase-arg-meet-greet@security-pals-desk')!;
    expect(meet.start).toBe('2026-12-07');
    expect(new Set(standing(moved.events).map((e) => e.uid))).toEqual(new Set(standing(parse(first).events).map((e) => e.uid)));
  });

  it('writes CRLF line ends and folds every line at 75 octets without splitting a character', () => {
    const text = buildIcs(seeded(), today);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare CR or LF anywhere
    const bytes = Buffer.from(text, 'utf8');
    const lines = bytes.toString('latin1').split('\r\n').slice(0, -1);
    expect(lines.length).toBeGreaterThan(50);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let folded = 0;
    for (const line of lines) {
      const raw = Buffer.from(line, 'latin1');
      expect(raw.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(raw)).not.toThrow(); // each physical line is whole UTF-8 on its own
      if (line.startsWith(' ')) folded++;
    }
    expect(folded).toBeGreaterThan(3);
  });

  it('escapes TEXT and folds at code points', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg\u0007h\ti')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h\ti');
    const emoji = `X:${'🦊'.repeat(40)}`; // 2 + 160 octets
    const folded = foldLine(emoji);
    const parts = folded.split('\r\n');
    expect(parts.map(utf8Length)).toEqual([74, 73, 17]); // 2+18×4, then " "+18×4, then " "+4×4
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(emoji);
    expect(foldLine('short')).toBe('short');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76)).split('\r\n').map(utf8Length)).toEqual([75, 2]);
  });

  it("makes one pal's calendar: their engagements, and the items there or owned by them", () => {
    const doc = seeded();
    const ana = standing(calendarEvents(doc, today, { pal: ' ana, THE; pal 🦊 ' })).map((e) => e.uid.split('@')[0]);
    expect(ana).toEqual(['action-act-ana', 'action-act-long', 'phase-kyv-draft', 'phase-kyv-review']);
    const ben = standing(calendarEvents(doc, today, { pal: 'Ben' })).map((e) => e.uid.split('@')[0]);
    expect(ben).toEqual([
      'phase-arg-meet-greet',
      'action-act-ana', // on Ben's engagement, owned by another pal
      'phase-arg-follow-up',
      'phase-arg-draft',
      'phase-arg-review',
    ]);
    // Someone who owns an item but is on no card gets that item.
    expect(standing(calendarEvents(doc, today, { pal: 'Priya' })).map((e) => e.uid.split('@')[0])).toEqual(['action-act-long']);
    expect(() => calendarEvents(doc, today, { pal: 'Nobody' })).toThrow(/no pal or action item owner is called "Nobody"/);
  });

  it('shortens a long summary by whole characters, keeping the whole text in the description', () => {
    const long = '👩🏽‍💻'.repeat(130);
    const doc = addAction(seeded(), 'arg', { text: long, due: '2026-12-24' }, { actionId: 'act-emoji', noteId: 'n-e', at, today }).doc;
    const event = parse(buildIcs(doc, today)).events.find((e) => e.uid.startsWith('action-act-emoji@'))!;
    expect(event.summary).toBe(`Argo: ${'👩🏽‍💻'.repeat(119)}…`);
    expect(event.description.startsWith(`${long}\n\n`)).toBe(true);
  });

  it('is a valid empty calendar when nothing is scheduled', () => {
    const text = buildIcs(emptyDoc(), today);
    expect(parse(text).events).toEqual([]);
    expect(text).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//CNCF TAG Security//Security Pals Desk//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'NAME:Security Pals',
        'X-WR-CALNAME:Security Pals',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });
});
