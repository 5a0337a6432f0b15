/**
 * SCHEMA_VERSION is pinned to the stored shape: any change to what a store file may hold (a field,
 * an enum value, a limit, a default) without a new version fails here, with what to do. A build
 * that meets a newer version refuses it and leaves it as it is; a build that meets a changed shape
 * under its own version number reads it as damaged. So the number must move with the shape.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocText } from '../../shared/document.js';
import { MIGRATIONS } from '../../shared/migrations.js';
import { SCHEMA_VERSION, StoreDocSchema, type StoreDoc } from '../../shared/schema.js';
import { describeSchemaShape } from './schema-shape.js';

const SHAPES = fileURLToPath(new URL('./schema-shapes/', import.meta.url));
const STORES = fileURLToPath(new URL('../fixtures/stores/', import.meta.url));
const RECORD = 'PALS_RECORD_SCHEMA=1 npx vitest run test/shared/schema-version.test.ts';

/** What an engineer who changed the stored shape must do (the failure message). */
function howToBump(changes: string): string {
  const next = SCHEMA_VERSION + 1;
  return [
    `The stored shape (shared/schema.ts) changed, but SCHEMA_VERSION is still ${SCHEMA_VERSION}.`,
    `Builds of version ${SCHEMA_VERSION} would read the new files as damaged and move them aside. Changes:`,
    changes,
    'To fix it (docs/ARCHITECTURE.md, "Changing the stored shape"):',
    `  1. If test/shared/schema-shapes/v${SCHEMA_VERSION}.txt is your own, not yet on main, delete it and go to step 4.`,
    `  2. Set SCHEMA_VERSION = ${next} in shared/schema.ts (if main already has ${next}, rebase and take the next free number).`,
    `  3. Add { from: ${SCHEMA_VERSION}, migrate } to MIGRATIONS in shared/migrations.ts (an identity step when every new`,
    `     field is optional or defaulted), and a store as version ${SCHEMA_VERSION} writes it to test/fixtures/stores/v${SCHEMA_VERSION}-<date>.json.`,
    `  4. Record the shape: ${RECORD}, and commit the new file.`,
  ].join('\n');
}

describe('the schema version', () => {
  it('is bumped whenever the stored shape changes', () => {
    const shape = describeSchemaShape(StoreDocSchema);
    const file = `${SHAPES}v${SCHEMA_VERSION}.txt`;
    if (!existsSync(file)) {
      if (process.env.PALS_RECORD_SCHEMA !== '1') {
        expect.fail(`No recorded shape for schema version ${SCHEMA_VERSION}: record it with ${RECORD}, and commit it.`);
      }
      writeFileSync(file, shape);
    }
    const recorded = readFileSync(file, 'utf8');
    if (recorded === shape) return;
    const before = new Set(recorded.split('\n'));
    const after = new Set(shape.split('\n'));
    const changes = [
      ...[...before].filter((line) => line && !after.has(line)).map((line) => `  - ${line}`),
      ...[...after].filter((line) => line && !before.has(line)).map((line) => `  + ${line}`),
    ].join('\n');
    expect.fail(howToBump(changes));
  });

  it('has a migration, and a store as that version wrote it, for every older version', () => {
    const fixtures = readdirSync(STORES);
    for (let version = 1; version < SCHEMA_VERSION; version++) {
      expect(
        MIGRATIONS.filter((m) => m.from === version),
        `one migration from version ${version} in MIGRATIONS`,
      ).toHaveLength(1);
      expect(
        fixtures.filter((name) => name.startsWith(`v${version}-`)),
        `a store as version ${version} wrote it in test/fixtures/stores/v${version}-<date>.json`,
      ).not.toEqual([]);
    }
    expect(MIGRATIONS.every((m) => m.from < SCHEMA_VERSION)).toBe(true);
  });

  it('keeps a recorded shape for the version it pins (the files are never edited once on main)', () => {
    const recorded = readdirSync(SHAPES).map((name) => /^v(\d+)\.txt$/.exec(name)?.[1]);
    expect(recorded).toContain(String(SCHEMA_VERSION));
    expect(recorded.every((v) => v !== undefined && Number(v) <= SCHEMA_VERSION)).toBe(true);
  });
});

/** Every leaf of `old` (a stored file), with the path to it. */
function leaves(value: unknown, path: string[] = []): [string[], unknown][] {
  if (typeof value !== 'object' || value === null) return [[path, value]];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) return [[path, value]];
  return entries.flatMap(([key, v]) => leaves(v, [...path, key]));
}

function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
}

/**
 * Values a migration moved on purpose, checked where they went: format 1's pal → login map
 * (settings.palLogins) is the pal registry (settings.pals) from format 2.
 */
function movedOnPurpose(doc: StoreDoc, path: readonly string[], value: unknown): boolean {
  if (path[0] !== 'settings' || path[1] !== 'palLogins') return false;
  if (path.length === 2) return JSON.stringify(value) === '{}';
  return doc.settings.pals.some((p) => p.name === path[2] && p.login === value);
}

describe.each(readdirSync(STORES).filter((name) => name.endsWith('.json')))('a store as an older version wrote it: %s', (name) => {
  const text = readFileSync(`${STORES}${name}`, 'utf8');
  const version = Number(/^v(\d+)-/.exec(name)?.[1]);

  it(`migrates from version ${String(version)} to the current one, keeping every value it held`, () => {
    expect(version).toBeLessThan(SCHEMA_VERSION);
    const { doc, fromVersion } = parseDocText(text);
    expect(fromVersion).toBe(version);
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    const old = JSON.parse(text) as unknown;
    const lost = leaves(old)
      .filter(([path]) => path[0] !== 'schemaVersion')
      .filter(([path, value]) => !movedOnPurpose(doc, path, value))
      .filter(([path, value]) => JSON.stringify(at(doc, path)) !== JSON.stringify(value))
      .map(([path]) => path.join('.'));
    expect(lost, 'values the migration dropped or changed').toEqual([]);
    expect(doc.engagements.length).toBeGreaterThan(0);
  });
});
