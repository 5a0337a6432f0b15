/**
 * Where each engagement's notes lie in `pals.json`, in bytes, as the writer serialized it. The
 * seal (seal.ts) carries it under its HMAC beside the hash of those very bytes, so a load of a
 * sealed file can parse everything but the notes and read each engagement's notes when they are
 * first asked for (deferred-notes.ts). Without it (an older seal, no seal) a load parses it all.
 */

/**
 * `first`: byte offset of the first engagement. `e`: four numbers per engagement, in order: its
 * bytes before the `notes` value, the value's bytes, its bytes after it, and how many notes it
 * holds. Engagements follow one another with one comma between them.
 */
export interface NotesLayout {
  readonly first: number;
  readonly e: readonly number[];
}

/** Collects the layout while the serializer writes; `result` is null when an engagement has no notes array. */
export class LayoutRecorder {
  private first = -1;
  private readonly e: number[] = [];
  private usable = true;

  /** Records one engagement starting at byte `start`, of `bytes` bytes, with its notes value at `[from, to)` within it. */
  add(start: number, bytes: number, notes: readonly [number, number] | null, count: number): void {
    if (this.first < 0) this.first = start;
    if (!notes) {
      this.usable = false;
      return;
    }
    this.e.push(notes[0], notes[1] - notes[0], bytes - notes[1], count);
  }

  /** The layout recorded, or null when it cannot be used (an engagement without notes, or none at all). */
  result(): NotesLayout | null {
    return this.usable && this.first >= 0 ? { first: this.first, e: this.e } : null;
  }
}

/** A layout read from a seal, checked for shape (null: not one). */
export function layoutOf(value: unknown): NotesLayout | null {
  if (typeof value !== 'object' || value === null) return null;
  const { first, e } = value as { first?: unknown; e?: unknown };
  if (typeof first !== 'number' || !Number.isSafeInteger(first) || first < 0) return null;
  if (!Array.isArray(e) || e.length % 4 !== 0) return null;
  for (const n of e) if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) return null;
  return { first, e: e as number[] };
}
