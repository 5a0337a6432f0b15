import { PalsError } from './errors.js';
import { migrate, type Migration, MIGRATIONS } from './migrations.js';
import { describeIssues, SCHEMA_VERSION, StoreDocSchema, type StoreDoc } from './schema.js';

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
    throw new PalsError('store-corrupt', `the file is not valid JSON (${(error as Error).message})`);
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
  if (!result.success) throw new PalsError('store-corrupt', describeIssues(result.error));
  return { doc: result.data, fromVersion };
}
