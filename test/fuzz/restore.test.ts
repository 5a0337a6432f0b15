/**
 * Fuzzing the backup/restore importer through `pals restore FILE`: random JSON, random bytes,
 * every kind of truncation, and mutations of a real backup. A file the loader refuses exits 1
 * with one `error:` line naming the file and saying the store was not changed, and the store is
 * byte for byte as it was; a file it accepts becomes the store, the old one kept in backups/.
 */
import fc from 'fast-check';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocText } from '../../shared/document.js';
import { run } from '../../electron/cli/main.js';
import { bytesOf, hostileJson, mutate, mutation, RunCounter, runs } from './fuzz-kit.js';

describe('pals restore under fuzzing', () => {
  let data: string;
  let backup: string;
  let n = 0;
  const counter = new RunCounter();
  const outcomes = { restored: 0, refused: 0 };

  async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    const code = await run(['--data', data, ...args], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      readStdin: () => Promise.resolve(''),
      untilStopped: () => Promise.resolve(),
      env: { PALS_NOW: '2026-11-27' },
    });
    return { code, stderr };
  }

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'pals-fuzz-restore-'));
    for (const args of [
      ['add', '--name', 'Kyverno', '--kickoff', '2026-11-02', '--pal', 'Ann', '--issue', 'cncf/tag-security#1'],
      ['add', '--name', 'Argo', '--maturity', 'graduated'],
      ['note', 'kyverno', '--kind', 'meet-greet', '--text', '# hi', '--attendee', 'Bo', '--action', 'write it'],
      ['move', 'argo', 'review'],
      ['edit', 'argo', '--learning', '[timebox] short', '--hours', '4'],
    ])
      expect((await cli(args)).code).toBe(0);
    backup = (await bytesOf(join(data, 'pals.json')))!.toString('utf8');
  });

  afterAll(async () => {
    await rm(data, { recursive: true, force: true });
    console.log(counter.report(`restore fuzz (${String(outcomes.restored)} restored, ${String(outcomes.refused)} refused):`));
  });

  /** Restores `content`; checks the outcome against the loader's own verdict. */
  async function restore(content: string | Uint8Array): Promise<void> {
    const file = join(data, `candidate-${String(++n)}.json`);
    await writeFile(file, content);
    const store = join(data, 'pals.json');
    const before = await bytesOf(store);
    const text = (await bytesOf(file))!.toString('utf8');
    let valid = true;
    try {
      parseDocText(text);
    } catch {
      valid = false;
    }
    const r = await cli(['restore', file]);
    const context = `restore of ${JSON.stringify(text.slice(0, 200))} → ${String(r.code)}: ${r.stderr}`;
    if (valid) {
      outcomes.restored++;
      expect(r.code, context).toBe(0);
      expect(parseDocText((await bytesOf(store))!.toString('utf8')).doc, context).toEqual(parseDocText(text).doc);
    } else {
      outcomes.refused++;
      expect(r.code, context).toBe(1);
      expect(r.stderr, context).toMatch(
        /^error: .* (is not a Security Pals Desk backup: |cannot be restored: .*written by a newer version of Security Pals Desk; update it).*; the store was not changed\n$/,
      );
      expect(await bytesOf(store), context).toEqual(before);
    }
    await rm(file);
  }

  it('refuses random JSON values and random bytes, leaving the store as it was', async () => {
    const numRuns = runs(120);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileJson.map((v) => JSON.stringify(v) ?? ''),
          fc.uint8Array({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          hostileJson.map((v) => JSON.stringify({ schemaVersion: 1, engagements: v })),
          fc.integer().map((v) => JSON.stringify({ schemaVersion: v, engagements: [] })),
        ),
        async (content) => {
          counter.hit('random JSON and bytes');
          await restore(content);
        },
      ),
      { numRuns },
    );
    expect(counter.get('random JSON and bytes')).toBeGreaterThanOrEqual(numRuns);
  });

  it('refuses every truncation of a real backup', async () => {
    const numRuns = runs(120);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: backup.length - 2 }), async (cut) => {
        counter.hit('truncated backup');
        await restore(backup.slice(0, cut));
      }),
      { numRuns },
    );
    expect(counter.get('truncated backup')).toBeGreaterThanOrEqual(numRuns);
  });

  it('takes mutated backups only when the loader accepts them, and keeps the previous store', async () => {
    const numRuns = runs(120);
    const parsed = JSON.parse(backup) as unknown;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (edits) => {
        counter.hit('mutated backup');
        await restore(JSON.stringify(mutate(parsed, edits)) ?? '');
      }),
      { numRuns },
    );
    expect(counter.get('mutated backup')).toBeGreaterThanOrEqual(numRuns);
    expect(outcomes.restored).toBeGreaterThan(0);
    expect((await readdir(join(data, 'backups'))).some((name) => name.startsWith('before-restore-'))).toBe(true);
  });
});
