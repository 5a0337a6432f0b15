/** `pals round …`, `move --on`, `add/edit --round`, the criteria flags, `insight` and `export deck --round` (issue 13). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE, pals, tempDir } from '../../helpers.js';

const NOW = { env: { PALS_NOW: '2026-05-10' } };
const run = (dir: string, args: string[]) => pals(dir, args, NOW);

interface RoundRow {
  id: string;
  name: string;
  windows: Record<string, { start: number; end: number }>;
  current: boolean;
}
interface Row {
  id: string;
  name: string;
  round: string;
  phase: string;
  score: number;
  criteria: { security: string; sponsor: string; sponsorLink: string | null; priority: number | null };
  roundMoves: { from: string; to: string; at: string }[];
  history: { from: string | null; to: string; at: string }[];
  due: { windowEnd: string | null };
}

async function ok(dir: string, args: string[]): Promise<string> {
  const r = await run(dir, args);
  expect(r.code, `pals ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}
const rounds = async (dir: string) => JSON.parse(await ok(dir, ['round', 'list', '--json'])) as RoundRow[];
const list = async (dir: string) => JSON.parse(await ok(dir, ['list', '--json'])) as Row[];
const state = async (dir: string) => JSON.stringify([await rounds(dir), await list(dir)]);

async function seeded(): Promise<string> {
  const dir = await tempDir();
  await ok(dir, ['add', '--name', 'Kyverno', '--kickoff', '2026-03-01', '--pal', 'Ana']);
  await ok(dir, ['add', '--name', 'Falco', '--kickoff', '2026-03-01', '--pal', 'Bo']);
  await ok(dir, ['move', 'Kyverno', 'meet-greet', '--on', '2026-03-02']);
  await ok(dir, ['move', 'Falco', 'done', '--on', '2026-04-20']);
  return dir;
}

/** Runs a command that must be refused with one `error:` line (exit 1) and change nothing. */
/** Refused with one `error:` line and nothing changed: exit 1 for a refusal, 2 for a usage error (`code`). */
async function refused(dir: string, args: string[], message: RegExp, code = 1): Promise<void> {
  const before = await state(dir);
  const r = await run(dir, args);
  expect(r.code, `pals ${args.join(' ')}`).toBe(code);
  expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(r.stderr).toMatch(message);
  expect(await state(dir)).toBe(before);
}

describe('pals round', () => {
  it('lists the rounds as the contract says, in text and JSON', async () => {
    const dir = await seeded();
    expect(await rounds(dir)).toEqual([
      {
        id: 'default',
        name: 'Round 1',
        windows: {
          intake: { start: 0, end: 0 },
          'meet-greet': { start: 1, end: 1 },
          'follow-up': { start: 4, end: 4 },
          draft: { start: 6, end: 8 },
          review: { start: 12, end: 16 },
        },
        current: true,
      },
    ]);
    const text = await ok(dir, ['round', 'list']);
    expect(text).toMatch(/^ID +NAME +WINDOWS/);
    expect(text).toMatch(/default +Round 1 \* +intake 0, meet-greet 1, follow-up 4, draft 6–8, review 12–16/);
  });

  it('adds a round with --weeks and --use; new engagements join it', async () => {
    const dir = await seeded();
    expect(await ok(dir, ['round', 'add', 'Round 2', '--weeks', 'follow-up=3,draft=5-6,review=9-12', '--use'])).toBe('round-2\n');
    const [r1, r2] = await rounds(dir);
    expect(r1!.current).toBe(false);
    expect(r2).toMatchObject({ id: 'round-2', name: 'Round 2', current: true });
    expect(r2!.windows).toMatchObject({ 'follow-up': { start: 3, end: 3 }, draft: { start: 5, end: 6 }, review: { start: 9, end: 12 } });
    await ok(dir, ['add', '--name', 'Dapr']);
    expect((await list(dir)).find((e) => e.name === 'Dapr')!.round).toBe('round-2');
  });

  it('--like copies an earlier round’s windows (then --weeks applies); ROUND is an id or a name in any case', async () => {
    const dir = await seeded();
    await ok(dir, ['round', 'edit', 'ROUND 1', '--weeks', 'review=10-14']);
    await ok(dir, ['round', 'add', 'Round 2', '--like', 'round 1', '--weeks', 'draft=5-7']);
    const r2 = (await rounds(dir))[1]!;
    expect(r2.windows.review).toEqual({ start: 10, end: 14 });
    expect(r2.windows.draft).toEqual({ start: 5, end: 7 });
    expect(r2.current).toBe(false);
  });

  it('--carry-over moves the current round’s unfinished engagements, keeping their history, recording the move', async () => {
    const dir = await seeded();
    const before = await list(dir);
    await ok(dir, ['round', 'add', 'Round 2', '--use', '--carry-over']);
    const after = await list(dir);
    const kyv = after.find((e) => e.name === 'Kyverno')!;
    expect(kyv.round).toBe('round-2');
    expect(kyv.history).toEqual(before.find((e) => e.name === 'Kyverno')!.history);
    expect(kyv.roundMoves).toEqual([{ from: 'default', to: 'round-2', at: expect.any(String) }]);
    expect(after.find((e) => e.name === 'Falco')).toMatchObject({ round: 'default', roundMoves: [] });
  });

  it('edits a round: name, windows, and adds benefits, next steps and takeaways', async () => {
    const dir = await seeded();
    await ok(dir, [
      'round',
      'edit',
      'round 1',
      '--name',
      'Pilot',
      '--weeks',
      'follow-up=3',
      '--benefit',
      'Exposure',
      '--benefit',
      '- Help',
    ]);
    await ok(dir, ['round', 'edit', 'pilot', '--benefit', 'Third', '--next-step', 'Make it permanent', '--takeaway', 'Timebox works']);
    const [r] = await rounds(dir);
    expect(r).toMatchObject({ id: 'default', name: 'Pilot' });
    expect(r!.windows['follow-up']).toEqual({ start: 3, end: 3 });
    await ok(dir, ['backup', '--out', join(dir, 'b.json')]);
    const saved = JSON.parse(await readFile(join(dir, 'b.json'), 'utf8')) as {
      rounds: { benefits: string[]; nextSteps: string[]; takeaways: string[] }[];
    };
    expect(saved.rounds[0]).toMatchObject({
      benefits: ['Exposure', '- Help', 'Third'],
      nextSteps: ['Make it permanent'],
      takeaways: ['Timebox works'],
    });
    // Kyverno's follow-up deadline follows its round's new window.
    await ok(dir, ['move', 'Kyverno', 'follow-up']);
    expect((await list(dir)).find((e) => e.name === 'Kyverno')!.due.windowEnd).toBe('2026-03-22');
  });

  it('adds to the lists of a round named with odd spacing, as the core finds it', async () => {
    const dir = await seeded();
    await ok(dir, ['round', 'add', 'Round  Two']);
    await ok(dir, ['round', 'edit', 'round two', '--benefit', 'First']);
    await ok(dir, ['round', 'edit', 'ROUND TWO', '--benefit', 'Second']);
    await ok(dir, ['backup', '--out', join(dir, 'b.json')]);
    const saved = JSON.parse(await readFile(join(dir, 'b.json'), 'utf8')) as { rounds: { name: string; benefits: string[] }[] };
    expect(saved.rounds.find((r) => r.name === 'Round  Two')!.benefits).toEqual(['First', 'Second']);
  });

  it('uses and removes rounds', async () => {
    const dir = await seeded();
    await ok(dir, ['round', 'add', 'Round 2']);
    expect(await ok(dir, ['round', 'use', 'Round 2'])).toBe('round-2\n');
    expect((await rounds(dir)).map((r) => r.current)).toEqual([false, true]);
    await refused(dir, ['round', 'remove', 'Round 1'], /"Round 1" holds 2 engagements; say which round they move to/);
    expect(await ok(dir, ['round', 'remove', 'Round 1', '--move-to', 'round 2'])).toBe('default\n');
    expect((await list(dir)).every((e) => e.round === 'round-2')).toBe(true);
    await refused(dir, ['round', 'remove', 'Round 2'], /the only round/);
  });

  it('refuses bad --weeks, empty or taken names and unknown rounds with one error line, changing nothing', async () => {
    const dir = await seeded();
    await ok(dir, ['round', 'add', 'Round 2']);
    await refused(dir, ['round', 'add', 'R3', '--weeks', 'draft=3-5'], /draft \(weeks 3–5\) overlaps follow-up \(week 4\)/);
    await refused(dir, ['round', 'add', 'R3', '--weeks', 'review=9-7'], /runs backwards/);
    await refused(dir, ['round', 'add', 'R3', '--weeks', 'deploy=3'], /"deploy" is not a phase/);
    await refused(dir, ['round', 'add', 'R3', '--weeks', 'done=3'], /done has no window/);
    await refused(dir, ['round', 'edit', 'Round 2', '--weeks', 'meet-greet=0'], /overlaps intake/);
    await refused(dir, ['round', 'add', ''], /a round needs a name/, 2);
    await refused(dir, ['round', 'add', '   '], /a round needs a name/, 2);
    await refused(dir, ['round', 'add', 'round 2'], /a round called "Round 2" already exists/);
    await refused(dir, ['round', 'edit', 'Round 2', '--name', ''], /a round needs a name/, 2);
    await refused(dir, ['round', 'edit', 'Round 2', '--name', 'ROUND 1'], /already exists/);
    await refused(dir, ['round', 'add', 'R3', '--like', 'Round 9'], /no round is called "Round 9"/);
    await refused(dir, ['round', 'use', 'Round 9'], /no round is called "Round 9"/);
    await refused(dir, ['round', 'edit', 'Round 9', '--name', 'X'], /no round is called "Round 9"/);
    await refused(dir, ['add', '--name', 'Dapr', '--round', 'Round 9'], /no round is called "Round 9"/);
    await refused(dir, ['edit', 'Kyverno', '--round', 'Round 9'], /no round is called "Round 9"/);
    await refused(dir, ['insight', '--round', 'Round 9'], /no round is called "Round 9"/);
  });

  it('usage errors exit 2', async () => {
    const dir = await seeded();
    expect((await run(dir, ['round'])).code).toBe(2);
    expect((await run(dir, ['round', 'frobnicate'])).code).toBe(2);
    expect((await run(dir, ['round', 'edit', 'Round 1'])).code).toBe(2);
    expect((await run(dir, ['round', 'add'])).code).toBe(2);
  });

  it('keeps hostile round names as text', async () => {
    const dir = await seeded();
    await ok(dir, ['round', 'add', HOSTILE]);
    const text = await ok(dir, ['round', 'list']);
    expect(text).not.toContain('\u001b');
    expect((await rounds(dir))[1]!.name).toBe(HOSTILE);
  });
});

describe('pals move --on', () => {
  it('records the move on that day', async () => {
    const dir = await seeded();
    await ok(dir, ['move', 'Kyverno', 'follow-up', '--on', '2026-03-09']);
    const kyv = (await list(dir)).find((e) => e.name === 'Kyverno')!;
    expect(kyv.phase).toBe('follow-up');
    expect(kyv.history.map((h) => [h.to, h.at.slice(0, 10)])).toEqual([
      ['intake', '2026-03-02'],
      ['meet-greet', '2026-03-02'],
      ['follow-up', '2026-03-09'],
    ]);
  });

  it('refuses a day in the future, before the previous move, or that does not exist, changing nothing', async () => {
    const dir = await seeded();
    await refused(dir, ['move', 'Kyverno', 'draft', '--on', '2026-05-11'], /2026-05-11 is after today \(2026-05-10\)/);
    await refused(
      dir,
      ['move', 'Kyverno', 'draft', '--on', '2026-03-01'],
      /before Kyverno's previous move \(to Meet & greet on 2026-03-02\)/,
    );
    await refused(dir, ['move', 'Kyverno', 'draft', '--on', '2026-02-30'], /--on: must be a real date written YYYY-MM-DD/, 2);
    await refused(dir, ['move', 'Kyverno', 'draft', '--on', 'last tuesday'], /not a real date|must be a real date/, 2);
  });
});

describe('add/edit --round and the intake criteria', () => {
  it('adds to a named round and moves between rounds, recording it', async () => {
    const dir = await seeded();
    await ok(dir, ['round', 'add', 'Round 2']);
    await ok(dir, ['add', '--name', 'Dapr', '--round', 'ROUND 2']);
    await ok(dir, ['edit', 'Kyverno', '--round', 'round-2']);
    const rows = await list(dir);
    expect(rows.find((e) => e.name === 'Dapr')).toMatchObject({ round: 'round-2', roundMoves: [] });
    expect(rows.find((e) => e.name === 'Kyverno')).toMatchObject({ round: 'round-2', roundMoves: [{ from: 'default', to: 'round-2' }] });
    expect(await ok(dir, ['show', 'Kyverno'])).toContain('  round      round-2 (moved from default)\n');
  });

  it('sets criteria with --security, --priority, --sponsor, --sponsor-link; list --json carries them and the score', async () => {
    const dir = await seeded();
    await ok(dir, ['add', '--name', 'Dapr', '--security', 'none', '--priority', '5', '--sponsor', 'TOC: Alice']);
    let dapr = (await list(dir)).find((e) => e.name === 'Dapr')!;
    expect(dapr.criteria).toEqual({ security: 'none', sponsor: 'TOC: Alice', sponsorLink: null, priority: 5 });
    expect(dapr.score).toBe(100);
    expect(await ok(dir, ['show', 'Dapr'])).toMatch(/ {2}intake {5}score 100; security none, priority 5, sponsor TOC: Alice\n/);
    await ok(dir, ['edit', 'Dapr', '--security', 'audited', '--priority', '', '--sponsor-link', 'https://github.com/cncf/toc/issues/1']);
    dapr = (await list(dir)).find((e) => e.name === 'Dapr')!;
    expect(dapr.criteria).toEqual({
      security: 'audited',
      sponsor: 'TOC: Alice',
      sponsorLink: 'https://github.com/cncf/toc/issues/1',
      priority: null,
    });
    expect(dapr.score).toBe(40);
    expect((await list(dir)).find((e) => e.name === 'Kyverno')!.score).toBe(35);
  });

  it('refuses bad criteria as usage errors, changing nothing', async () => {
    const dir = await seeded();
    const before = await state(dir);
    for (const args of [
      ['edit', 'Kyverno', '--security', 'great'],
      ['edit', 'Kyverno', '--priority', '6'],
      ['edit', 'Kyverno', '--priority', '2.5'],
      ['edit', 'Kyverno', '--sponsor-link', 'javascript:alert(1)'],
    ]) {
      const r = await run(dir, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: --(security|priority|sponsor-link)/);
    }
    expect(await state(dir)).toBe(before);
  });
});

describe('pals insight', () => {
  it('prints the contract’s JSON and a readable table', async () => {
    const dir = await seeded();
    await ok(dir, ['edit', 'Falco', '--hours', '12']);
    await ok(dir, ['round', 'add', 'Round 2', '--use', '--carry-over']);
    const data = JSON.parse(await ok(dir, ['insight', '--json'])) as {
      rounds: {
        id: string;
        name: string;
        engagements: number;
        done: number;
        onTime: number | null;
        hoursMedian: number | null;
        phases: Record<string, { medianDays: number | null; plannedDays: number | null }>;
      }[];
      pals: { pal: string; rounds: Record<string, number> }[];
    };
    expect(data.rounds.map((r) => [r.id, r.name, r.engagements, r.done, r.onTime, r.hoursMedian])).toEqual([
      ['default', 'Round 1', 1, 1, 1, 12],
      ['round-2', 'Round 2', 1, 0, null, null],
    ]);
    expect(data.rounds[0]!.phases.intake).toMatchObject({ medianDays: 0, plannedDays: null });
    expect(data.rounds[0]!.phases['meet-greet']).toMatchObject({ medianDays: null, plannedDays: 7 });
    expect(data.pals).toEqual([
      { pal: 'Ana', rounds: { 'round-2': 1 }, total: 1 },
      { pal: 'Bo', rounds: { default: 1 }, total: 1 },
    ]);
    const one = JSON.parse(await ok(dir, ['insight', '--json', '--round', 'round 2'])) as typeof data;
    expect(one.rounds.map((r) => r.id)).toEqual(['round-2']);
    const text = await ok(dir, ['insight']);
    expect(text).toMatch(/ROUND +ENGAGEMENTS +DONE +ON HOLD +ON TIME/);
    expect(text).toMatch(/Round 1 +1 +1 +0 +100% \(1\/1\) +12/);
    expect(text).toMatch(/Round 2 \* +1 +0/);
    expect(text).toMatch(/Median days in each phase/);
    expect(text).toMatch(/Ana +0 +1 +1/);
  });
});

describe('pals export deck --round', () => {
  it('covers the named round’s engagements, not the current round’s', async () => {
    const dir = await seeded();
    await ok(dir, ['round', 'add', 'Round 2', '--use']);
    await ok(dir, ['add', '--name', 'Dapr']);
    const r1 = await ok(dir, ['export', 'deck', '--round', 'round 1']);
    expect(r1).toContain('(Round 1)');
    expect(r1).toContain('| Kyverno |');
    expect(r1).not.toContain('| Dapr |');
    const current = await ok(dir, ['export', 'deck']);
    expect(current).toContain('(Round 2)');
    expect(current).toContain('| Dapr |');
    expect(current).not.toContain('| Kyverno |');
    const bad = await run(dir, ['export', 'deck', '--round', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: no round is called "nope"/);
  });
});
