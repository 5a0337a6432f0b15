/**
 * Discovery knows the board, and one GitHub issue (or PR) belongs to one card, as a test outside
 * the project would check them (../shared/design/ARCHITECTURE.md): `discover --json` marks an
 * issue named like an unlinked card with `match`, `--add` links that card, and `add`/`edit`
 * naming a link another card holds are refused (exit 1, naming that card) with the store's bytes
 * unchanged.
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

interface Found {
  readonly issue: string;
  readonly known: string | null;
  readonly match: string | null;
}
interface Listed {
  readonly id: string;
  readonly name: string;
  readonly phase: string;
  readonly github: { issue: string; title: string | null } | null;
  readonly pr: { pr: string } | null;
}

/** cncf/tag-security with an issue for Falco (#10), one for Cilium (#11) and Kyverno's self-assessment PR (#20). */
async function tagSecurity(): Promise<FakeGithub> {
  const fake = await fakeGithub();
  const at = { owner: 'cncf', repo: 'tag-security' };
  fake.add({ ...at, number: 10, title: '[Security Pals]  FALCO  self-assessment', labels: ['security-pals'] });
  fake.add({ ...at, number: 11, title: '[Security Pals] Cilium', labels: ['security-pals'] });
  fake.add({ ...at, number: 20, kind: 'pull', title: 'Kyverno Project Security Self-Assessment - Security Pals' });
  return fake;
}

describe('discover knows the board', () => {
  it('marks an issue named like an unlinked card with match, and --add links that card instead of adding one', async () => {
    const fake = await tagSecurity();
    const dir = await tempDir();
    const falco = (await ok(dir, ['add', '--name', 'falco'])).trim();
    const kyverno = (await ok(dir, ['add', '--name', 'Kyverno', '--issue', 'kyverno/kyverno#1'])).trim();
    await ok(dir, ['move', falco, 'follow-up']);

    const found = await json<Found[]>(dir, ['discover', '--api-url', fake.url]);
    expect(found.map((f) => [f.issue, f.known, f.match])).toEqual([
      ['cncf/tag-security#10', null, falco],
      ['cncf/tag-security#11', null, null],
      // Kyverno links an issue, not yet a PR: its self-assessment PR is its match.
      ['cncf/tag-security#20', null, kyverno],
    ]);
    const text = await ok(dir, ['discover', '--api-url', fake.url]);
    expect(text).toMatch(new RegExp(`cncf/tag-security#10 .* on the board, not linked: falco \\(${falco}\\)`));
    expect(text).toMatch(/new: Cilium/);
    expect(text).toMatch(/pals discover --add will take the 1 new on as Intake cards and link the 2 on the board to their cards/);

    const add = await pals(dir, ['discover', '--api-url', fake.url, '--add'], { env });
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(new RegExp(`linked ${falco} falco \\(cncf/tag-security#10\\)`));
    expect(add.stdout).toMatch(new RegExp(`linked ${kyverno} Kyverno \\(cncf/tag-security#20\\)`));
    expect(add.stdout).toMatch(/added \S+ Cilium \(cncf\/tag-security#11\)/);
    expect(add.stdout).not.toMatch(/skipped|choose another name/);
    const list = await json<Listed[]>(dir, ['list']);
    expect(list.map((e) => [e.name, e.phase, e.github?.issue ?? null, e.pr?.pr ?? null])).toEqual([
      ['falco', 'follow-up', 'cncf/tag-security#10', null],
      ['Kyverno', 'intake', 'kyverno/kyverno#1', 'cncf/tag-security#20'],
      ['Cilium', 'intake', 'cncf/tag-security#11', null],
    ]);
    expect(list[0]!.github!.title).toBe('[Security Pals]  FALCO  self-assessment');

    const again = await json<Found[]>(dir, ['discover', '--api-url', fake.url]);
    expect(again.map((f) => [f.known, f.match])).toEqual([
      [falco, null],
      [list[2]!.id, null],
      [kyverno, null],
    ]);
    expect(await ok(dir, ['discover', '--api-url', fake.url, '--add'])).toMatch(/nothing new to add/);
    expect(await json<unknown[]>(dir, ['list'])).toHaveLength(3);
  });

  it('--add --json prints the linked card as known', async () => {
    const fake = await tagSecurity();
    const dir = await tempDir();
    const falco = (await ok(dir, ['add', '--name', 'Falco'])).trim();
    const r = await pals(dir, ['discover', '--api-url', fake.url, '--add', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const found = JSON.parse(r.stdout) as Found[];
    expect(found[0]).toMatchObject({ issue: 'cncf/tag-security#10', known: falco, match: null });
    expect(r.stderr).toMatch(new RegExp(`linked ${falco} Falco`));
  });
});

describe('one issue or PR belongs to one card', () => {
  it('refuses add/edit --issue and edit --pr naming a link another card holds: exit 1, naming that card, nothing saved', async () => {
    const dir = await tempDir();
    const falco = (await ok(dir, ['add', '--name', 'Falco', '--issue', 'cncf/tag-security#10'])).trim();
    const argo = (await ok(dir, ['add', '--name', 'Argo'])).trim();
    await ok(dir, ['edit', 'argo', '--pr', 'cncf/tag-security#20']);
    const before = await storeBytes(dir);
    const holds = (link: string, name: string, id: string) =>
      `error: ${link} is already linked to "${name}" (id ${id}); an issue or PR belongs to one card: unlink it from "${name}" first\n`;
    for (const [args, stderr] of [
      [
        ['add', '--name', 'Other', '--issue', 'https://github.com/CNCF/tag-security/issues/10'],
        holds('cncf/tag-security#10', 'Falco', falco),
      ],
      [['edit', 'argo', '--issue', 'cncf/tag-security#10'], holds('cncf/tag-security#10', 'Falco', falco)],
      [['edit', 'falco', '--pr', 'https://github.com/cncf/tag-security/pull/20'], holds('cncf/tag-security#20', 'Argo', argo)],
      [['edit', 'falco', '--issue', 'cncf/tag-security#20'], holds('cncf/tag-security#20', 'Argo', argo)],
    ] as const) {
      const r = await pals(dir, [...args], { env });
      expect(r, args.join(' ')).toEqual({ code: 1, stdout: '', stderr });
    }
    expect(await storeBytes(dir)).toBe(before);
    // A card may name its own link again; once unlinked there, the link is free.
    await ok(dir, ['edit', 'falco', '--issue', 'cncf/tag-security#10']);
    await ok(dir, ['edit', 'falco', '--issue', '']);
    await ok(dir, ['edit', 'argo', '--issue', 'cncf/tag-security#10']);
    expect((await json<Listed>(dir, ['show', 'argo'])).github?.issue).toBe('cncf/tag-security#10');
  });
});
