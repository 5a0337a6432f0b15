/**
 * Loading a sealed `pals.json` without parsing its notes: the seal's layout (notes-layout.ts)
 * says where each engagement's `notes` value lies in the very bytes the seal's hash matched, so
 * the load parses the document with every notes value read as `[]` (a sixth of a seeded store's
 * bytes), and each engagement's `notes` becomes a property that parses its own bytes the first
 * time it is read, then holds the array. The bytes are the ones already read and hashed, kept in
 * memory: what is parsed later is exactly what the seal vouched for, whatever happens on disk.
 *
 * Any mismatch between the layout and the bytes (it is checked at every engagement) gives null:
 * the caller parses the whole file as before.
 */
import { knowNoteCount } from '../../../shared/note-count.js';
import { forgetRaw, rememberRaw } from './engagement-json.js';
import type { NotesLayout } from './notes-layout.js';

const NOTES_KEY = Buffer.from('"notes":');
const [OPEN, CLOSE, COMMA, BRACE, END_BRACE] = ['[', ']', ',', '{', '}'].map((c) => c.charCodeAt(0)) as [
  number,
  number,
  number,
  number,
  number,
];

/** One engagement's places in the file. */
interface Place {
  readonly start: number;
  readonly notesFrom: number;
  readonly notesTo: number;
  readonly end: number;
  readonly count: number;
}

/** The places the layout gives, each checked against the bytes; null at the first that does not fit. */
function placesOf(data: Buffer, layout: NotesLayout): Place[] | null {
  const places: Place[] = [];
  let start = layout.first;
  for (let i = 0; i < layout.e.length; i += 4) {
    const [before, notes, after, count] = [layout.e[i]!, layout.e[i + 1]!, layout.e[i + 2]!, layout.e[i + 3]!];
    const notesFrom = start + before;
    const notesTo = notesFrom + notes;
    const end = notesTo + after;
    const fits =
      end < data.length &&
      data[start] === BRACE &&
      data[end - 1] === END_BRACE &&
      data[notesFrom] === OPEN &&
      data[notesTo - 1] === CLOSE &&
      notes >= 2 &&
      data.compare(NOTES_KEY, 0, NOTES_KEY.length, notesFrom - NOTES_KEY.length, notesFrom) === 0 &&
      (i + 4 === layout.e.length || data[end] === COMMA);
    if (!fits) return null;
    places.push({ start, notesFrom, notesTo, end, count });
    start = end + 1;
  }
  return places;
}

/**
 * The parsed document of `data` (sealed bytes) with every engagement's notes deferred, or null
 * when the layout does not fit the bytes or the result is not what it should be.
 */
export function parseDeferred(data: Buffer, layout: NotesLayout): Record<string, unknown> | null {
  const places = placesOf(data, layout);
  if (!places) return null;
  const parts: string[] = [];
  let at = 0;
  for (const p of places) {
    parts.push(data.toString('utf8', at, p.notesFrom), '[]');
    at = p.notesTo;
  }
  parts.push(data.toString('utf8', at));
  let raw: unknown;
  try {
    raw = JSON.parse(parts.join(''));
  } catch {
    return null;
  }
  const engagements = (raw as { engagements?: unknown } | null)?.engagements;
  if (!Array.isArray(engagements) || engagements.length !== places.length) return null;
  for (const e of engagements as unknown[]) {
    const notes = (e as { notes?: unknown } | null)?.notes;
    if (!Array.isArray(notes) || notes.length !== 0) return null;
  }
  places.forEach((p, i) => {
    defer(engagements[i] as Record<string, unknown>, data, p);
  });
  return raw as Record<string, unknown>;
}

/** Makes `engagement.notes` parse its bytes when first read (and then hold them as a plain value). */
function defer(engagement: Record<string, unknown>, data: Buffer, p: Place): void {
  rememberRaw(engagement, { data, ...p });
  knowNoteCount(engagement, p.count);
  if (p.notesTo - p.notesFrom === 2) return;
  const settle = (value: unknown) => {
    Object.defineProperty(engagement, 'notes', { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(engagement, 'notes', {
    enumerable: true,
    configurable: true,
    get() {
      const value: unknown = JSON.parse(data.toString('utf8', p.notesFrom, p.notesTo));
      settle(value);
      return value;
    },
    set(value: unknown) {
      forgetRaw(engagement);
      settle(value);
    },
  });
}
