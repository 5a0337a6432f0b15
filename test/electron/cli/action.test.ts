import { describe, expect, it } from 'vitest';
import { pals, tempDir } from '../../helpers.js';

interface ListedAction {
  readonly id: string;
  readonly text: string;
  readonly owner: string | null;
  readonly done: boolean;
  readonly due: string | null;
}

async function seeded(): Promise<string> {
  const dir = await tempDir();
  for (const [name, pal, kickoff] of [
    ['Kyverno', 'Ana', '2026-11-02'],
    ['Argo', 'Ben', '2026-11-16'],
  ] as const) {
    expect((await pals(dir, ['add', '--name', name, '--pal', pal, '--kickoff', kickoff])).code).toBe(0);
  }
  return dir;
}

/** Every action item of one engagement, as `show --json` has them. */
async function actionsOf(dir: string, ref: string): Promise<{ note: string; actions: ListedAction[] }[]> {
  const r = await pals(dir, ['show', ref, '--json']);
  const view = JSON.parse(r.stdout) as { notes: { text: string; actions: ListedAction[] }[] };
  return view.notes.map((n) => ({ note: n.text.split('\n')[0]!, actions: n.actions }));
}

describe('pals action', () => {
  it('adds an item with an owner and a due date, prints its id, and ticks it off by that id', async () => {
    const dir = await seeded();
    const r = await pals(dir, ['action', 'kyverno', '--text', '- send the template; then, chase', '--owner', 'Ana', '--due', '2026-12-04']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const id = r.stdout.trim();
    expect(id).toMatch(/^[a-z0-9]{8}$/);
    const second = await pals(dir, ['action', 'KYVERNO', '--text', 'Book the follow-up']);
    expect(second.code).toBe(0);
    expect(await actionsOf(dir, 'kyverno')).toEqual([
      {
        note: '# Action items',
        actions: [
          { id, text: '- send the template; then, chase', owner: 'Ana', done: false, due: '2026-12-04' },
          { id: second.stdout.trim(), text: 'Book the follow-up', owner: null, done: false, due: null },
        ],
      },
    ]);
    expect(await pals(dir, ['action', 'done', id])).toMatchObject({ code: 0, stdout: `${id} done\n` });
    expect((await actionsOf(dir, 'kyverno'))[0]!.actions[0]!.done).toBe(true);
    expect(await pals(dir, ['action', 'undone', id])).toMatchObject({ code: 0, stdout: `${id} open\n` });
    expect((await actionsOf(dir, 'kyverno'))[0]!.actions[0]!.done).toBe(false);
  });

  it('allows an owner who is no pal, and says so', async () => {
    const dir = await seeded();
    const r = await pals(dir, ['action', 'argo', '--text', 'Share the threat model', '--owner', 'Priya (maintainer)']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('note: Priya (maintainer) is not a pal on any engagement (fine for a contact; the Action items view marks it)\n');
    expect((await pals(dir, ['action', 'argo', '--text', 'x', '--owner', 'ana'])).stderr).toBe(''); // a pal, in any case
  });

  it('refuses a day that does not exist, changing nothing', async () => {
    const dir = await seeded();
    for (const due of ['2026-02-30', '2026-13-01', 'friday']) {
      const r = await pals(dir, ['action', 'kyverno', '--text', 'x', '--due', due]);
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toBe('error: --due: must be a real date written YYYY-MM-DD\n');
    }
    expect(await actionsOf(dir, 'kyverno')).toEqual([]);
  });

  it('says what is wrong with the command line, and with an unknown id or engagement', async () => {
    const dir = await seeded();
    const cases: [string[], number, RegExp][] = [
      [['action', 'kyverno'], 2, /^error: action: --text TEXT is required$/m],
      [['action'], 2, /missing argument/],
      [['action', 'done'], 2, /action done: give the action item's id/],
      [['action', 'done', 'abc12345', '--text', 'x'], 2, /takes only the action item's id/],
      [['action', 'kyverno', 'argo', '--text', 'x'], 2, /unexpected argument "argo"/],
      [['action', 'kyverno', '--text', '   '], 2, /--text: must say what needs doing/],
      [['action', 'done', 'abc12345'], 1, /^error: no action item has the id abc12345/],
      [['action', 'falco', '--text', 'x'], 1, /^error: no engagement is called "falco"/],
    ];
    for (const [args, code, message] of cases) {
      const r = await pals(dir, args);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.stderr).toMatch(message);
    }
  });

  it('adds to an engagement called "done" when --text is given', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'done']);
    const r = await pals(dir, ['action', 'done', '--text', 'x']);
    expect(r.code, r.stderr).toBe(0);
    expect((await actionsOf(dir, 'done'))[0]!.actions[0]!.id).toBe(r.stdout.trim());
  });
});

describe('pals load', () => {
  async function loaded(): Promise<string> {
    const dir = await tempDir();
    const cards: [string, string[], string][] = [
      ['Kyverno', ['Ana'], 'meet-greet'],
      ['Argo', ['Ana', 'Ben'], 'draft'],
      ['Falco', ['Ana'], 'review'],
      ['Cilium', ['Ben'], 'intake'],
      ['Envoy', ['Zoë 🦊'], 'done'],
    ];
    for (const [name, palNames, phase] of cards) {
      expect((await pals(dir, ['add', '--name', name, ...palNames.flatMap((p) => ['--pal', p])])).code).toBe(0);
      if (phase !== 'intake') expect((await pals(dir, ['move', name, phase])).code).toBe(0);
    }
    return dir;
  }

  it('prints per pal the active count against the limit (--json)', async () => {
    const dir = await loaded();
    const r = await pals(dir, ['load', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { pal: 'Ana', active: 3, limit: 2, over: true, overdue: 0 },
      { pal: 'Ben', active: 1, limit: 2, over: false, overdue: 0 },
      { pal: 'Zoë 🦊', active: 0, limit: 2, over: false, overdue: 0 },
    ]);
  });

  it('prints a table that says in words who is over the limit', async () => {
    const dir = await loaded();
    const r = await pals(dir, ['load']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'PAL     ACTIVE  LIMIT  OVERDUE',
      'Ana          3      2        0  over the limit by 1',
      'Ben          1      2        0',
      'Zoë 🦊       0      2        0',
      '',
      '1 pal is over the limit. Active: neither in intake nor done nor on hold.',
      '',
    ]);
    const empty = await pals(await tempDir(), ['load']);
    expect(empty.stdout).toMatch(/^No pals yet/);
    expect((await pals(dir, ['load', 'extra'])).code).toBe(2);
  });
});
