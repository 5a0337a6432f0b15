import { z } from 'zod';
import { PalsError } from './errors.js';
import { migrate, type Migration, MIGRATIONS, NEWER_ADVICE, versionOf } from './migrations.js';
import { describeIssues, pathText, SCHEMA_VERSION, StoreDocSchema, type StoreDoc } from './schema.js';

/** Where a parsed document came from, for deciding whether to back it up before migrating. */
export interface ParsedDoc {
  readonly doc: StoreDoc;
  readonly fromVersion: number;
}

/**
 * Text of a store file (or a backup, or a hand-edited restore) → a valid document of the
 * current version. Throws `store-corrupt` with the first problems found, or `store-newer`.
 */
export function parseDocText(text: string, migrations: readonly Migration[] = MIGRATIONS): ParsedDoc {
  return parseDocValue(parseDocJson(text), migrations);
}

/** The JSON value of a store file's text, not yet validated; throws `store-corrupt` like `parseDocText`. */
export function parseDocJson(text: string): Record<string, unknown> {
  if (text.trim() === '') throw new PalsError('store-corrupt', 'the file is empty');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the text ("Unexpected token 'a', "ab…" is not valid JSON"): keep only where.
    const at = /at position (\d+)/.exec((error as Error).message)?.[1];
    throw new PalsError('store-corrupt', `the file is not valid JSON${at === undefined ? '' : ` (at character ${at})`}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PalsError('store-corrupt', 'the file does not hold a JSON object');
  }
  return raw as Record<string, unknown>;
}

/** Like `parseDocText` for an already parsed value. */
export function parseDocValue(raw: unknown, migrations: readonly Migration[] = MIGRATIONS): ParsedDoc {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PalsError('store-corrupt', 'the file does not hold a JSON object');
  }
  const migrated = migrate(raw as Record<string, unknown>, migrations, SCHEMA_VERSION);
  const fromVersion = (raw as { schemaVersion: number }).schemaVersion;
  const result = StoreDocSchema.safeParse(migrated);
  if (!result.success) throw refusal(result.error);
  return { doc: result.data, fromVersion };
}

/** `schema`, except that a value in `trusted` (by identity) is taken as it is. */
function orTrusted<S extends z.ZodType>(schema: S, trusted: ReadonlySet<unknown>) {
  return z.custom<z.input<S>>().transform((value, ctx): z.output<S> => {
    if (trusted.has(value)) return value as z.output<S>;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    // The issues keep their paths below this value, as if `schema` had been used directly.
    ctx.issues.push(...(result.error.issues as typeof ctx.issues));
    return z.NEVER;
  });
}

/**
 * Like `parseDocValue` for a document made of values this program already validated (a sealed
 * `pals.json`, the store's own document) with changes on top (journal records): values in
 * `trusted` — engagements and top-level values, by identity — are taken as they are and keep
 * their identity; every other value, and the checks across the whole document (unique ids, rounds
 * that exist), is validated exactly as `parseDocValue` does, with the same messages. A document of
 * an older format is migrated and validated in full (a migration may rely on the schema's defaults).
 */
export function parseDocOnTrusted(raw: unknown, trusted: ReadonlySet<unknown>, migrations: readonly Migration[] = MIGRATIONS): ParsedDoc {
  if (versionOf(raw) !== SCHEMA_VERSION) return parseDocValue(raw, migrations);
  const shape = StoreDocSchema.shape;
  const schema = StoreDocSchema.safeExtend({
    settings: orTrusted(shape.settings, trusted),
    rounds: orTrusted(shape.rounds, trusted),
    engagements: z.array(orTrusted(shape.engagements.element, trusted)),
    outbox: orTrusted(shape.outbox, trusted),
  });
  const result = schema.safeParse(raw);
  if (!result.success) throw refusal(result.error);
  return { doc: result.data, fromVersion: SCHEMA_VERSION };
}

/** The fields a document has that this version's schema does not know (`engagements[0].checks`). */
export function unknownFields(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => pathText([...issue.path, key])) : [],
  );
}

/**
 * Why a document is refused. A field this version does not know is the mark of a newer version
 * (every field ever stored is known to the version that stored it, and every later one):
 * `store-newer`, so the file is left exactly as it is. Anything else is a wrong value: `store-corrupt`.
 */
function refusal(error: z.ZodError): PalsError {
  const unknown = unknownFields(error);
  if (unknown.length === 0) return new PalsError('store-corrupt', describeIssues(error));
  const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : '';
  const others = error.issues.filter((issue) => issue.code !== 'unrecognized_keys');
  const also = others.length > 0 ? `; it also has values this version does not accept: ${describeIssues({ issues: others })}` : '';
  return new PalsError(
    'store-newer',
    `it has fields this version does not know (${unknown.slice(0, 5).join(', ')}${more}): ${NEWER_ADVICE}${also}`,
  );
}
