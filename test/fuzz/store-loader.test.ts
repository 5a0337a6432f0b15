/**
 * Fuzzing the store loader on disk: random bytes, random JSON and truncations of a real file
 * written as `pals.json`, then `PalsStore.open`. It throws nothing but PalsError; a file it
 * cannot use is moved to backups/ byte for byte (never lost) and the newest good backup is
 * loaded when there is one; a file it accepts is loaded as the pure parser reads it.
 */
import fc from 'fast-check';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocText } from '../../shared/document.js';
import { isPalsError } from '../../shared/errors.js';
import { addEngagement, addNote } from '../../shared/engagements.js';
import { emptyDoc, SCHEMA_VERSION } from '../../shared/schema.js';
import { PalsStore } from '../../electron/core/store/store.js';
import { bytesOf, hostileJson, mutate, mutation, RunCounter, runs } from './fuzz-kit.js';

const at = '2026-11-27T10:00:00.000Z';
const good = (() => {
  let doc = emptyDoc();
  doc = addEngagement(doc, { name: 'Kyverno', kickoff: '2026-11-02', pals: ['Ann'] }, { id: 'kyv', at }).doc;
  doc = addNote(doc, 'kyv', { kind: 'meet-greet', text: '# hi\n---\n<b>x</b>' }, { id: 'n01', at }).doc;
  return JSON.stringify(doc, null, 2);
})();
const goodBackup = JSON.stringify(addEngagement(emptyDoc(), { name: 'From backup' }, { id: 'bak', at }).doc);

const content: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  hostileJson.map((v) => JSON.stringify(v) ?? ''),
  fc.integer({ min: 0, max: good.length }).map((cut) => good.slice(0, cut)),
  fc.array(mutation, { minLength: 1, maxLength: 3 }).map((edits) => JSON.stringify(mutate(JSON.parse(good), edits)) ?? ''),
  fc.integer({ min: -5, max: 1e6 }).map((v) => good.replace(`"schemaVersion": ${String(SCHEMA_VERSION)}`, `"schemaVersion": ${String(v)}`)),
);

describe('the store loader on damaged files (fast-check, real disk)', () => {
  const counter = new RunCounter();
  const outcomes = { loaded: 0, recovered: 0, refused: 0 };
  afterAll(() => {
    const { loaded, recovered, refused } = outcomes;
    console.log(
      counter.report(`store loader fuzz (${String(loaded)} loaded, ${String(recovered)} moved aside, ${String(refused)} refused):`),
    );
  });

  it('never throws anything but PalsError, and never loses the bytes of a file it cannot use', async () => {
    const numRuns = runs(250);
    await fc.assert(
      fc.asyncProperty(content, fc.boolean(), async (bytes, withBackup) => {
        counter.hit(withBackup ? 'damaged file, good backup present' : 'damaged file, no backup');
        const dir = await mkdtemp(join(tmpdir(), 'pals-fuzz-load-'));
        try {
          const file = join(dir, 'pals.json');
          await writeFile(file, bytes);
          if (withBackup) {
            await mkdir(join(dir, 'backups'));
            await writeFile(join(dir, 'backups', 'pals-2026-11-26T10-00-00-000Z.json'), goodBackup);
          }
          const written = (await bytesOf(file))!;
          let verdict: 'ok' | 'bad' | 'newer' = 'ok';
          try {
            parseDocText(written.toString('utf8'));
          } catch (error) {
            verdict = isPalsError(error) && error.code === 'store-newer' ? 'newer' : 'bad';
          }
          let opened;
          try {
            opened = await PalsStore.open(dir);
          } catch (error) {
            expect(isPalsError(error), String(error)).toBe(true);
            expect(verdict).toBe('newer');
            expect(await bytesOf(file)).toEqual(written);
            outcomes.refused++;
            return;
          }
          const { store, recovery } = opened;
          if (verdict === 'ok') {
            expect(recovery?.movedAside ?? null).toBeNull();
            expect(store.doc).toEqual(parseDocText(written.toString('utf8')).doc);
            outcomes.loaded++;
          } else {
            expect(verdict).toBe('bad');
            expect(recovery?.movedAside).toBeTruthy();
            expect(await bytesOf(recovery!.movedAside!)).toEqual(written);
            expect(store.doc.engagements.map((e) => e.name)).toEqual(withBackup ? ['From backup'] : []);
            expect(recovery!.reason.length).toBeGreaterThan(10);
            outcomes.recovered++;
          }
          await store.close();
          expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns },
    );
    expect(counter.get('damaged file, good backup present') + counter.get('damaged file, no backup')).toBeGreaterThanOrEqual(numRuns);
  });
});
