/**
 * `pals conflicts [--json]` and `pals resolve REF --keep-mine|--take-github` as a test outside the
 * project would check them (../shared/design/ARCHITECTURE.md): the JSON shape, the card's phase
 * now (not the phase the sync saw), both choices' effects on the card and on GitHub, and bad input
 * refused with one `error:` line while the store's bytes stay as they were.
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
  expect(r.code, `pals ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}
const json = async <T>(dir: string, args: string[]) => JSON.parse(await ok(dir, [...args, '--json'])) as T;

/** Every file of the data folder but the backups, byte for byte. */
async function storeBytes(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((n) => n !== 'backups').sort();
  const parts = await Promise.all(names.map(async (n) => `${n}:${(await readFile(join(dir, n))).toString('base64')}`));
  return parts.join('\n');
}

const writes = (fake: FakeGithub) =>
  fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

interface Shown {
  readonly id: string;
  readonly phase: string;
  readonly history: readonly { from: string | null; to: string; source: string }[];
  readonly github: { conflict: { local: string; remote: string } | null };
}

/**
 * Two cards linked to o/r#1 and o/r#2 with write-back on; each moved to Meet & greet here while
 * GitHub's labels said In review: the sync keeps both sides as a conflict.
 */
async function twoConflicts(): Promise<{ dir: string; fake: FakeGithub; widget: string; gadget: string }> {
  const fake = await fakeGithub();
  fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['pals/intake'] });
  fake.add({ owner: 'o', repo: 'r', number: 2, labels: ['pals/intake'] });
  const dir = await tempDir();
  const widget = (await ok(dir, ['add', '--name', 'Widget', '--issue', 'o/r#1'])).trim();
  const gadget = (await ok(dir, ['add', '--name', 'Gadget', '--issue', 'o/r#2'])).trim();
  await ok(dir, ['settings', '--api-url', fake.url, '--writeback', 'on']);
  await ok(dir, ['sync']);
  await ok(dir, ['move', 'widget', 'meet-greet']);
  await ok(dir, ['move', 'gadget', 'meet-greet']);
  fake.edit('o/r#1', { labels: ['pals/review'] });
  fake.edit('o/r#2', { labels: ['pals/review'] });
  expect(await ok(dir, ['sync'])).toMatch(/2 cards have a conflict with GitHub \(pals conflicts lists them\): Widget, Gadget/);
  return { dir, fake, widget, gadget };
}

describe('pals conflicts', () => {
  it('is in pals --help with resolve', async () => {
    const help = (await ok(await tempDir(), ['--help'])).replace(/\s+/g, ' ');
    expect(help).toContain('conflicts [--json]');
    expect(help).toContain('resolve REF --keep-mine|--take-github');
  });

  it('lists each card in conflict as {ref, name, local, remote, since}, local being the card’s phase now', async () => {
    const { dir, widget, gadget } = await twoConflicts();
    // Moved on after the sync saw the conflict: the card's phase now is what is listed.
    await ok(dir, ['move', 'widget', 'draft']);
    const rows = await json<Record<string, string>[]>(dir, ['conflicts']);
    expect(rows).toEqual([
      { ref: widget, name: 'Widget', local: 'draft', remote: 'review', since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string },
      { ref: gadget, name: 'Gadget', local: 'meet-greet', remote: 'review', since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string },
    ]);
    expect(await json<Shown>(dir, ['show', 'widget'])).toMatchObject({ github: { conflict: { local: 'draft', remote: 'review' } } });
    const text = await ok(dir, ['conflicts']);
    expect(text).toMatch(/^2 cards are in conflict with GitHub:/);
    expect(text).toMatch(/Widget\s+card in Self-assessment draft, GitHub says In review \(since \d{4}-\d\d-\d\d\)/);
    expect(text).toMatch(/Gadget\s+card in Meet & greet, GitHub says In review/);
    expect(text).toMatch(/pals resolve REF --keep-mine .* or --take-github/);

    // A card moved to GitHub's phase has no conflict left.
    await ok(dir, ['move', 'gadget', 'review']);
    expect((await json<{ ref: string }[]>(dir, ['conflicts'])).map((r) => r.ref)).toEqual([widget]);
    expect(await json<Shown>(dir, ['show', 'gadget'])).toMatchObject({ github: { conflict: null } });
  });

  it('says so when there is none', async () => {
    const dir = await tempDir();
    await ok(dir, ['add', '--name', 'Calm']);
    expect(await json(dir, ['conflicts'])).toEqual([]);
    expect(await ok(dir, ['conflicts'])).toBe('No conflicts with GitHub.\n');
  });
});

describe('pals resolve', () => {
  it('--keep-mine keeps the card where it is now and write-back sets that phase’s label on GitHub', async () => {
    const { dir, fake, widget } = await twoConflicts();
    await ok(dir, ['move', 'widget', 'draft']);
    expect(await ok(dir, ['resolve', 'Widget', '--keep-mine'])).toBe(`${widget} draft\n`);
    const shown = await json<Shown>(dir, ['show', 'widget']);
    expect(shown).toMatchObject({ phase: 'draft', github: { conflict: null } });
    expect((await json<{ ref: string }[]>(dir, ['conflicts'])).map((r) => r.ref)).not.toContain(widget);
    expect(writes(fake)).toEqual([]);
    await ok(dir, ['sync']);
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['pals/draft']);
    expect(await json<Shown>(dir, ['show', 'widget'])).toMatchObject({ phase: 'draft', github: { conflict: null } });
  });

  it('--take-github moves the card to GitHub’s phase (recorded as GitHub’s move) and writes nothing to GitHub', async () => {
    const { dir, fake, gadget } = await twoConflicts();
    expect(await ok(dir, ['resolve', gadget, '--take-github'])).toBe(`${gadget} review\n`);
    const shown = await json<Shown>(dir, ['show', 'gadget']);
    expect(shown).toMatchObject({ phase: 'review', github: { conflict: null } });
    expect(shown.history.at(-1)).toMatchObject({ from: 'meet-greet', to: 'review', source: 'github' });
    await ok(dir, ['sync']);
    expect(writes(fake).filter((w) => w.includes('/issues/2/'))).toEqual([]);
    expect(fake.issues.get('o/r#2')!.labels).toEqual(['pals/review']);
  });

  it('refuses bad input with one error: line and changes nothing', async () => {
    const { dir } = await twoConflicts();
    await ok(dir, ['add', '--name', 'Calm']);
    const before = await storeBytes(dir);
    for (const [args, code, message] of [
      [['resolve', 'widget'], 2, /^error: resolve: give exactly one of --keep-mine or --take-github\n$/],
      [['resolve', 'widget', '--keep-mine', '--take-github'], 2, /^error: resolve: give exactly one of --keep-mine or --take-github\n$/],
      [['resolve', '--keep-mine'], 2, /^error: resolve: missing argument/],
      [['resolve', 'nobody', '--keep-mine'], 1, /^error: no engagement is called "nobody"/],
      [
        ['resolve', 'calm', '--take-github'],
        1,
        /^error: "Calm" has no conflict with GitHub to resolve; pals conflicts lists the cards that have one\n$/,
      ],
      [['conflicts', 'extra'], 2, /^error: conflicts: unexpected argument "extra"\n$/],
    ] as const) {
      const r = await pals(dir, [...args], { env });
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(await storeBytes(dir)).toBe(before);
  });
});
