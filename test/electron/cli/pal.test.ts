import { describe, expect, it } from 'vitest';
import { pals, tempDir } from '../../helpers.js';

interface ListedPal {
  readonly name: string;
  readonly login: string | null;
  readonly limit: number;
  readonly email: string | null;
}

async function seeded(): Promise<string> {
  const dir = await tempDir();
  for (const [name, pal, phase] of [
    ['Kyverno', 'alice chen', 'draft'],
    ['Argo', 'Bo', 'review'],
    ['Falco', 'Bo', 'draft'],
    ['Flux', 'Bo', 'follow-up'],
  ] as const) {
    expect((await pals(dir, ['add', '--name', name, '--pal', pal])).code).toBe(0);
    expect((await pals(dir, ['move', name, phase])).code).toBe(0);
  }
  return dir;
}

const listed = async (dir: string) => JSON.parse((await pals(dir, ['pal', 'list', '--json'])).stdout) as ListedPal[];

describe('pals pal', () => {
  it('lists every pal once, registers one, and uses the registered spelling and limit everywhere', async () => {
    const dir = await seeded();
    expect(await listed(dir)).toEqual([
      { name: 'alice chen', login: null, limit: 2, email: null },
      { name: 'Bo', login: null, limit: 2, email: null },
    ]);
    const added = await pals(dir, ['pal', 'add', 'Alice Chen', '--login', '@alice-gh', '--limit', '1', '--email', 'alice@example.org']);
    expect(added).toMatchObject({ code: 0, stdout: 'Alice Chen added\n', stderr: '' });
    expect((await pals(dir, ['pal', 'edit', 'BO', '--limit', '4'])).code).toBe(0);
    expect(await listed(dir)).toEqual([
      { name: 'Alice Chen', login: 'alice-gh', limit: 1, email: 'alice@example.org' },
      { name: 'Bo', login: null, limit: 4, email: null },
    ]);
    // The card took the registered spelling; --pal in any case and spacing is the same pal.
    expect((await pals(dir, ['edit', 'argo', '--pal', 'ALICE   chen'])).code).toBe(0);
    const argo = JSON.parse((await pals(dir, ['show', 'argo', '--json'])).stdout) as { pals: string[] };
    expect(argo.pals).toEqual(['Alice Chen']);
    const load = JSON.parse((await pals(dir, ['load', '--json'])).stdout) as {
      pal: string;
      active: number;
      limit: number;
      over: boolean;
    }[];
    expect(load.map(({ pal, active, limit, over }) => ({ pal, active, limit, over }))).toEqual([
      { pal: 'Alice Chen', active: 2, limit: 1, over: true },
      { pal: 'Bo', active: 2, limit: 4, over: false },
    ]);
    const text = await pals(dir, ['pal', 'list']);
    expect(text.stdout).toMatch(/^Alice Chen\s+1\s+@alice-gh\s+alice@example\.org$/m);
    expect(text.stdout).toMatch(/^Bo\s+4\s+-\s+-$/m);
  });

  it('offers a look-alike spelling for merging, and merges it into the pal', async () => {
    const dir = await seeded();
    const r = await pals(dir, ['add', '--name', 'Crossplane', '--pal', 'Alice-Chen']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'note: "Alice-Chen" is a new pal that looks like "alice chen"; if they are one person: pals pal merge "Alice-Chen" "alice chen"\n',
    );
    const merged = await pals(dir, ['pal', 'merge', 'Alice-Chen', 'alice chen']);
    expect(merged).toMatchObject({ code: 0, stdout: 'alice chen now holds everything of Alice-Chen\n' });
    expect((await listed(dir)).map((p) => p.name)).toEqual(['alice chen', 'Bo']);
    const crossplane = JSON.parse((await pals(dir, ['show', 'crossplane', '--json'])).stdout) as { pals: string[] };
    expect(crossplane.pals).toEqual(['alice chen']);
  });

  it('refuses what is not a pal, a taken name and a bad limit, saving nothing', async () => {
    const dir = await seeded();
    expect(await pals(dir, ['settings', '--pal-login', 'Nobody=zzz'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: .*no pal is called "Nobody"/),
    });
    expect(await pals(dir, ['pal', 'edit', 'Nobody', '--limit', '3'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: no pal is called "Nobody"/),
    });
    expect(await pals(dir, ['pal', 'edit', 'bo', '--name', 'Alice Chen'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('pals pal merge'),
    });
    expect(await pals(dir, ['pal', 'add', 'Bo', '--limit', '0'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error: --limit: must be a whole number from 1 to 50/),
    });
    expect(await pals(dir, ['pal', 'add', 'Dee', '--login', 'not a login'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not a GitHub login/),
    });
    expect(await pals(dir, ['pal', 'frobnicate'])).toMatchObject({ code: 2 });
    expect((await listed(dir)).map((p) => p.name)).toEqual(['alice chen', 'Bo']);
    // A login for a pal named only on cards is fine: it registers them.
    expect((await pals(dir, ['settings', '--pal-login', 'ALICE CHEN=alice'])).code).toBe(0);
    expect((await listed(dir))[0]).toEqual({ name: 'alice chen', login: 'alice', limit: 2, email: null });
  });
});
