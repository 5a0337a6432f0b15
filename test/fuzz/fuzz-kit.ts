/**
 * Shared pieces of the fuzz suites: run counts (scaled by PALS_FUZZ_SCALE for a longer local
 * soak), hostile strings, a generic mutator of valid JSON arguments, and byte snapshots of a file.
 */
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';

/** Multiplies every run count: `PALS_FUZZ_SCALE=20 npx vitest run test/fuzz` for a soak. */
export const SCALE = Math.max(1, Number(process.env.PALS_FUZZ_SCALE ?? '1') || 1);

/** Runs for one property, scaled. */
export function runs(base: number): number {
  return Math.round(base * SCALE);
}

/** Counts how often each property body ran, so a suite can print and assert its run counts. */
export class RunCounter {
  private readonly counts = new Map<string, number>();
  /** Records one run of `name`. */
  hit(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
  /** Runs recorded for `name`. */
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  /** One line per property: `name: N runs`. */
  report(title: string): string {
    const lines = [...this.counts].map(([name, n]) => `  ${name}: ${n} runs`);
    return `${title}\n${lines.join('\n')}`;
  }
}

/** Text that breaks naive code: markup, control characters, bidi overrides, emoji, lone surrogates. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202eevil',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    '../../etc/passwd',
    '1e309',
    '-1',
    'NaN',
    '\ud800',
    '👩🏽‍💻',
    'x'.repeat(201),
    'y'.repeat(50_001),
  ),
);

/** A JSON value that a zod schema may meet on the wire (including prototype-looking keys). */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -0, 1e308, -1, 1.5, [], {}) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { constructor: { prototype: { polluted: true } } },
      { toString: 'x', valueOf: 1 },
    ),
  },
);

type Json = unknown;

/** One edit of a JSON value at a random path: replace, delete, add a key, or wrap. */
export type Mutation =
  | { readonly kind: 'replace'; readonly path: number; readonly value: Json }
  | { readonly kind: 'delete'; readonly path: number }
  | { readonly kind: 'add-key'; readonly path: number; readonly key: string; readonly value: Json }
  | { readonly kind: 'wrap'; readonly path: number };

/** Arbitrary mutations (the path is an index into the value's nodes, taken modulo their count). */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), path: fc.nat(), value: hostileJson }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.nat() }),
  fc.record({
    kind: fc.constant('add-key' as const),
    path: fc.nat(),
    key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', 'extra')),
    value: hostileJson,
  }),
  fc.record({ kind: fc.constant('wrap' as const), path: fc.nat() }),
);

interface Slot {
  readonly parent: Record<string, Json> | Json[] | null;
  readonly key: string | number;
}

function slots(value: Json, parent: Slot['parent'] = null, key: string | number = '', out: Slot[] = []): Slot[] {
  out.push({ parent, key });
  if (Array.isArray(value)) value.forEach((v, i) => slots(v, value, i, out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value as Record<string, Json>)) slots(v, value as Record<string, Json>, k, out);
  return out;
}

function define(target: Record<string, Json> | Json[], key: string | number, value: Json): void {
  // defineProperty, so a "__proto__" key becomes an own property, as JSON.parse makes it.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies mutations to a deep copy of `valid` (which must be plain JSON). */
export function mutate(valid: Json, edits: readonly Mutation[]): Json {
  let root: Json = structuredClone(valid);
  for (const edit of edits) {
    const all = slots(root);
    const slot = all[edit.path % all.length]!;
    const current = slot.parent === null ? root : (slot.parent as Record<string, Json>)[slot.key as string];
    const set = (value: Json) => {
      if (slot.parent === null) root = value;
      else define(slot.parent, slot.key, value);
    };
    if (edit.kind === 'replace') set(structuredClone(edit.value));
    else if (edit.kind === 'wrap') set([current]);
    else if (edit.kind === 'delete') {
      if (slot.parent === null) root = undefined;
      else if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else Reflect.deleteProperty(slot.parent, slot.key);
    } else if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
      define(current as Record<string, Json>, edit.key, structuredClone(edit.value));
    } else set({ [edit.key]: current });
  }
  return root;
}

/** The exact bytes of a file, or null when it does not exist. */
export async function bytesOf(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** True when nothing polluted Object.prototype during a run. */
export function prototypeIsClean(): boolean {
  return !('polluted' in {}) && Object.getOwnPropertyNames(Object.prototype).every((n) => n !== 'polluted');
}
