/**
 * `pals labels set … --dry-run`: the cards the new rule would move on the next sync, before it is
 * saved (issue 23.4); the store stays byte for byte, refusals are the real command's, and what it
 * announces is what saving and syncing then does.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pals, tempDir } from '../../helpers.js';
import type { FakeGithub } from '../../support/github/fake-github.js';
import { fakeGithub, TOKEN } from '../core/github/setup.js';

const env = { GITHUB_TOKEN: TOKEN };

async function ok(dir: string, args: string[]): Promise<string> {
  const r = await pals(dir, args, { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/**
 * Four linked cards synced once: three carry `ready-for-review`, a label no built-in rule knows
 * (Alpha in Meet & greet, two phases before In review), Delta carries `pals/draft`; one card is
 * not linked.
 */
async function board(fake: FakeGithub): Promise<string> {
  const dir = await tempDir();
  const cards: [string, number, string[], string | null][] = [
    ['Alpha', 1, ['security-pals', 'ready-for-review'], 'meet-greet'],
    ['Beta', 2, ['ready-for-review'], 'draft'],
    ['Gamma', 3, ['Ready-For-Review', 'kind/sandbox'], 'follow-up'],
    ['Delta', 4, ['pals/draft'], 'draft'],
  ];
  for (const [name, number, labels, phase] of cards) {
    fake.add({ owner: 'cncf', repo: 'tag-security', number, title: `[Security Pals] ${name}`, labels });
    await ok(dir, ['add', '--name', name, '--issue', `cncf/tag-security#${String(number)}`]);
    if (phase) await ok(dir, ['move', name, phase]);
  }
  await ok(dir, ['add', '--name', 'Unlinked']);
  await ok(dir, ['settings', '--api-url', fake.url]);
  await ok(dir, ['sync']);
  return dir;
}

/** Every file of the data folder and its bytes (backups included). */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path] = (await readFile(path)).toString('base64');
  }
  return files;
}

const phases = async (dir: string) =>
  Object.fromEntries((JSON.parse(await ok(dir, ['list', '--json'])) as { name: string; phase: string }[]).map((e) => [e.name, e.phase]));

describe('pals labels set --dry-run', () => {
  it('lists the three cards the new rule would move (one skipping two phases), saves nothing, and is then proved right', async () => {
    const fake = await fakeGithub();
    const dir = await board(fake);
    const before = await snapshot(dir);
    const rulesBefore = await ok(dir, ['labels', '--json']);

    const text = await ok(dir, ['labels', 'set', 'review', 'pals/review,ready-for-review', '--dry-run']);
    expect(text.split('\n')).toEqual([
      'With this rule the next sync would move 3 cards:',
      'Alpha: Meet & greet → In review (label "ready-for-review")',
      'Beta: Self-assessment draft → In review (label "ready-for-review")',
      'Gamma: Follow-up → In review (label "ready-for-review")',
      'Dry run: nothing was saved. (From the labels each issue had at the last sync.)',
      '',
    ]);
    const json = JSON.parse(await ok(dir, ['labels', 'set', 'review', 'pals/review,ready-for-review', '--dry-run', '--json'])) as {
      rules: { label: string; phase: string }[];
      moves: { ref: string; name: string; from: string; to: string; because: string }[];
      conflicts: unknown[];
    };
    const ids = Object.fromEntries(
      (JSON.parse(await ok(dir, ['list', '--json'])) as { id: string; name: string }[]).map((e) => [e.name, e.id]),
    );
    expect(json.moves).toEqual([
      { ref: ids.Alpha, name: 'Alpha', from: 'meet-greet', to: 'review', because: 'label "ready-for-review"' },
      { ref: ids.Beta, name: 'Beta', from: 'draft', to: 'review', because: 'label "ready-for-review"' },
      { ref: ids.Gamma, name: 'Gamma', from: 'follow-up', to: 'review', because: 'label "ready-for-review"' },
    ]);
    expect(json.conflicts).toEqual([]);
    expect(json.rules.filter((r) => r.phase === 'review').map((r) => r.label)).toEqual(['pals/review', 'ready-for-review']);
    expect(await ok(dir, ['labels', 'set', 'draft', 'pals/draft,writing', '--dry-run'])).toMatch(/^No card would move\.\n/);

    // Nothing was saved: every file of the data folder is byte for byte what it was.
    expect(await snapshot(dir)).toEqual(before);
    expect(await ok(dir, ['labels', '--json'])).toBe(rulesBefore);

    // Saved for real, the next sync (GitHub unchanged) moves exactly those cards.
    await ok(dir, ['labels', 'set', 'review', 'pals/review,ready-for-review']);
    await ok(dir, ['sync']);
    expect(await phases(dir)).toEqual({ Alpha: 'review', Beta: 'review', Gamma: 'review', Delta: 'draft', Unlinked: 'intake' });
  });

  it('refuses in a dry run what the real command refuses, with the same message, changing nothing', async () => {
    const fake = await fakeGithub();
    const dir = await board(fake);
    const before = await snapshot(dir);
    for (const labels of ['pals/review,security-pals', 'pals/draft', 'pals/review,.']) {
      const real = await pals(dir, ['labels', 'set', 'review', labels]);
      const dry = await pals(dir, ['labels', 'set', 'review', labels, '--dry-run']);
      expect(real.code).toBe(1);
      expect(real.stderr).toMatch(/^error: /);
      expect(dry).toEqual(real);
    }
    expect(await snapshot(dir)).toEqual(before);
    expect((await pals(dir, ['labels', '--dry-run'])).code).toBe(2);
    expect((await pals(dir, ['labels', 'set', 'someday', 'x', '--dry-run'])).code).toBe(2);
  });
});
