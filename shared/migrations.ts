/**
 * Forward migrations of the stored document. Each step takes the raw JSON of version `from`
 * and returns the raw JSON of version `from + 1`; the loader validates the final result.
 */
import { PalsError } from './errors.js';
import { SCHEMA_VERSION } from './schema.js';

export interface Migration {
  readonly from: number;
  readonly migrate: (raw: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * The real migrations, in order: one step from each older version (a test loads a store as each
 * older version wrote it, from test/fixtures/stores/).
 */
export const MIGRATIONS: readonly Migration[] = [
  // Version 1 gained fields over several releases (rounds' retrospectives, the deck, action items'
  // due dates, intake criteria, the PR link, views…), each optional or defaulted: a version-1 file
  // is a version-2 document with some fields left out, which the schema's defaults fill in.
  // Version 2 exists so that a version-1 build refuses today's files instead of moving them aside.
  // Version 2 also keeps each pal once, in a registry (settings.pals): format 1's pal → login map
  // (settings.palLogins) becomes the registry's first records.
  { from: 1, migrate: (raw) => withPalRegistry(raw) },
  // Version 3: a move's history entry says why (`reason`, `because`), and a queued write-back
  // holds its target phase (`phase`) instead of a label diff. All optional: a version-2 entry's
  // label diff is kept as read and never sent (its card's phase is, under the rules then in force).
  { from: 2, migrate: (raw) => ({ ...raw }) },
];

/** Format 1's `settings.palLogins` as registry records (`settings.pals`); the rest is left to the schema. */
function withPalRegistry(raw: Record<string, unknown>): Record<string, unknown> {
  const settings = raw.settings;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return { ...raw };
  const { palLogins, ...rest } = settings as Record<string, unknown>;
  const logins = typeof palLogins === 'object' && palLogins !== null ? Object.entries(palLogins as Record<string, unknown>) : [];
  const pals = logins.map(([name, login]) => ({ name, login, limit: null, email: null }));
  return { ...raw, settings: { ...rest, pals } };
}

/** What a store from a newer build is told, whichever sign gave it away. */
export const NEWER_ADVICE = 'it was written by a newer version of Security Pals Desk; update it';

/** Reads `schemaVersion`, refusing documents without one or from a newer build. */
export function versionOf(raw: unknown, target = SCHEMA_VERSION): number {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PalsError('store-corrupt', 'the file does not hold a JSON object');
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new PalsError('store-corrupt', 'schemaVersion is missing or not a whole number');
  }
  if (version > target) {
    throw new PalsError('store-newer', `${NEWER_ADVICE} (it is format ${version}; this version reads up to format ${target})`);
  }
  return version;
}

/** Applies every step from the document's version up to `target`, in order. */
export function migrate(
  raw: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  target = SCHEMA_VERSION,
): Record<string, unknown> {
  let doc = raw;
  for (let v = versionOf(raw, target); v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new PalsError('store-corrupt', `no migration from format ${v}`);
    doc = { ...step.migrate(doc), schemaVersion: v + 1 };
  }
  return doc;
}
