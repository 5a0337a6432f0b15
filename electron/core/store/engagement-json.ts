/**
 * One engagement's JSON, exactly `JSON.stringify(engagement)`, and where its `notes` value lies
 * in it, in bytes. The writer records these places in the seal (notes-layout.ts), so a later load
 * of the same bytes can leave every engagement's notes unparsed until they are read.
 *
 * Operations replace only the engagements they change, so an untouched engagement is the same
 * object as before and its JSON comes from a cache. An engagement loaded with deferred notes
 * (deferred-notes.ts) is served from the very bytes it was loaded from, so writing the store
 * again never parses notes nobody read.
 */

/** An engagement's JSON and the byte range of its `notes` value. */
export interface EngagementJson {
  readonly json: string;
  /** UTF-8 bytes of `json`. */
  readonly bytes: number;
  /** `[from, to)` of the `notes` value in `json`'s bytes; null when it has no `notes` array. */
  readonly notes: readonly [number, number] | null;
  /** How many notes it holds (0 without a `notes` array). */
  readonly count: number;
}

/** Where an engagement loaded with deferred notes lies in the bytes it was loaded from. */
export interface RawEngagement {
  readonly data: Buffer;
  readonly start: number;
  readonly end: number;
  readonly notesFrom: number;
  readonly notesTo: number;
  readonly count: number;
}

const cache = new WeakMap<object, EngagementJson>();
const raws = new WeakMap<object, RawEngagement>();

/** Records that `engagement` is exactly the JSON at `raw` (engagements are never changed in place, only replaced). */
export function rememberRaw(engagement: object, raw: RawEngagement): void {
  raws.set(engagement, raw);
}

/** Forgets the bytes of `engagement` (its notes were replaced in place), and its JSON. */
export function forgetRaw(engagement: object): void {
  raws.delete(engagement);
  cache.delete(engagement);
}

/** The JSON of `engagement` (identical to `JSON.stringify(engagement)`) and where its notes are. */
export function engagementJson(engagement: object): EngagementJson {
  let found = cache.get(engagement);
  if (found === undefined) {
    const raw = raws.get(engagement);
    found = raw ? fromRaw(raw) : build(engagement as Record<string, unknown>);
    cache.set(engagement, found);
  }
  return found;
}

/** `engagementJson` without keeping what it built (a one-off comparison must not hold a copy of the store). */
export function engagementJsonOnce(engagement: object): EngagementJson {
  const raw = raws.get(engagement);
  return cache.get(engagement) ?? (raw ? fromRaw(raw) : build(engagement as Record<string, unknown>));
}

/** The JSON of an engagement loaded with deferred notes: its very bytes, decoded. */
function fromRaw(raw: RawEngagement): EngagementJson {
  return {
    json: raw.data.toString('utf8', raw.start, raw.end),
    bytes: raw.end - raw.start,
    notes: [raw.notesFrom - raw.start, raw.notesTo - raw.start],
    count: raw.count,
  };
}

/** `JSON.stringify` of a plain object, key by key (same order, same skipped values), measuring `notes` on the way. */
function build(engagement: Record<string, unknown>): EngagementJson {
  const parts: string[] = [];
  let bytes = 1;
  let notes: [number, number] | null = null;
  let count = 0;
  for (const key of Object.keys(engagement)) {
    const value = engagement[key];
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) continue;
    const head = `${parts.length > 0 ? ',' : ''}${JSON.stringify(key)}:`;
    bytes += Buffer.byteLength(head);
    const size = Buffer.byteLength(text);
    if (key === 'notes' && Array.isArray(value)) {
      notes = [bytes, bytes + size];
      count = value.length;
    }
    bytes += size;
    parts.push(head, text);
  }
  return { json: `{${parts.join('')}}`, bytes: bytes + 1, notes, count };
}
