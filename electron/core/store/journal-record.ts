/**
 * One line of the change journal: what a group of operations changed, as whole values.
 *
 * Operations replace only the engagements and top-level values they change (the rest stay the
 * same objects), so comparing identities finds the change in O(engagements) pointer checks.
 * A record holds the new engagements (`e`), the full id order when membership or order changed
 * (`o`), and changed or removed top-level values (`k`, `kd`). Applying every record of a journal,
 * in order, to any document the journal has already partly reached gives the same result: a
 * record says "this is now the value", never "add one to it".
 */
import type { StoreDoc } from '../../../shared/schema.js';

export interface JournalRecord {
  /** Engagements that are new or changed, whole. */
  readonly e?: readonly unknown[];
  /** Every engagement id in order, present only when that list changed. */
  readonly o?: readonly string[];
  /** Top-level values (other than `engagements`) that changed. */
  readonly k?: Readonly<Record<string, unknown>>;
  /** Top-level keys that were removed. */
  readonly kd?: readonly string[];
}

/** What changed from `prev` to `next`, or null when nothing did. */
export function diffDocs(prev: StoreDoc, next: StoreDoc): JournalRecord | null {
  const record: { e?: unknown[]; o?: string[]; k?: Record<string, unknown>; kd?: string[] } = {};
  const before = prev as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'engagements' || before[key] === after[key]) continue;
    if (after[key] === undefined) (record.kd ??= []).push(key);
    else (record.k ??= {})[key] = after[key];
  }
  if (prev.engagements !== next.engagements) {
    const old = new Map(prev.engagements.map((e) => [e.id, e]));
    const changed = next.engagements.filter((e) => old.get(e.id) !== e);
    if (changed.length > 0) record.e = changed;
    const sameOrder =
      prev.engagements.length === next.engagements.length && prev.engagements.every((e, i) => next.engagements[i]!.id === e.id);
    if (!sameOrder) record.o = next.engagements.map((e) => e.id);
  }
  return Object.keys(record).length === 0 ? null : record;
}

/** Why a record cannot be applied (the journal is damaged). */
export class JournalRecordError extends Error {}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Applies a parsed record to a parsed (not yet validated) document, returning the new value.
 * Validation happens once on the whole result, exactly as for a plain `pals.json`.
 */
export function applyRecord(doc: Record<string, unknown>, raw: unknown): Record<string, unknown> {
  if (!isRecordObject(raw)) throw new JournalRecordError('a record is not an object');
  const { e, o, k, kd } = raw;
  if (k !== undefined && (!isRecordObject(k) || 'engagements' in k)) throw new JournalRecordError('a record has bad values');
  if (kd !== undefined && !Array.isArray(kd)) throw new JournalRecordError('a record has bad removed keys');
  const removed = new Set((kd ?? []) as unknown[]);
  const next = Object.fromEntries(Object.entries({ ...doc, ...k }).filter(([key]) => !removed.has(key)));
  if (e === undefined && o === undefined) return next;
  const current = Array.isArray(doc.engagements) ? (doc.engagements as unknown[]) : [];
  const idOf = (value: unknown): string => {
    if (!isRecordObject(value) || typeof value.id !== 'string') throw new JournalRecordError('an engagement in a record has no id');
    return value.id;
  };
  const upserts = e === undefined ? [] : e;
  if (!Array.isArray(upserts)) throw new JournalRecordError('a record has bad engagements');
  if (o === undefined) {
    const position = new Map(current.map((value, i) => [idOf(value), i]));
    const list = [...current];
    for (const value of upserts) {
      const at = position.get(idOf(value));
      if (at === undefined) {
        position.set(idOf(value), list.length);
        list.push(value);
      } else list[at] = value;
    }
    next.engagements = list;
    return next;
  }
  if (!Array.isArray(o)) throw new JournalRecordError('a record has a bad order');
  const byId = new Map(current.map((value) => [idOf(value), value]));
  for (const value of upserts) byId.set(idOf(value), value);
  next.engagements = o.map((id) => {
    const value = byId.get(String(id));
    if (value === undefined) throw new JournalRecordError(`a record orders an engagement it does not hold (${String(id)})`);
    return value;
  });
  return next;
}
