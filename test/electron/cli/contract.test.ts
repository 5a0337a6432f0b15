/**
 * The command-line contract (../shared/design/ARCHITECTURE.md) as a test outside the project
 * would check it: every command in `--help`, the JSON shapes, PALS_NOW fixing today for what is
 * recorded too, and bad input to this round's commands refused with one `error:` line while the
 * store's bytes stay as they were.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clock } from '../../../electron/core/today.js';
import { pals, tempDir } from '../../helpers.js';

const at = (day: string) => ({ env: { PALS_NOW: day } });

async function ok(dir: string, args: string[], day = '2026-03-10'): Promise<string> {
  const r = await pals(dir, args, at(day));
  expect(r.code, `pals ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}
const json = async <T>(dir: string, args: string[], day?: string) => JSON.parse(await ok(dir, args, day)) as T;

/** Every file of the data folder but the backups, byte for byte. */
async function storeBytes(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((n) => n !== 'backups').sort();
  const parts = await Promise.all(names.map(async (n) => `${n}:${(await readFile(join(dir, n))).toString('base64')}`));
  return parts.join('\n');
}

describe('pals --help', () => {
  it('lists every command and option of the contract', async () => {
    const r = await pals(await tempDir(), ['--help']);
    expect(r.code).toBe(0);
    const help = r.stdout.replace(/\s+/g, ' ');
    for (const text of [
      'add --name NAME',
      '--maturity sandbox|incubating|graduated',
      '--kickoff YYYY-MM-DD',
      '--issue OWNER/REPO#N|ISSUE_URL',
      '--round ROUND',
      'list [--json]',
      'show REF [--json]',
      'move REF PHASE [--on YYYY-MM-DD]',
      'edit REF [--name ..] [--kickoff ..] [--maturity ..] [--issue ..]',
      '[--reaction TEXT] [--learning TEXT]... [--hours N]',
      '--pr OWNER/REPO#N|PR_URL',
      'note REF [--kind meet-greet|follow-up|general]',
      '(--text TEXT | --file PATH)',
      'board',
      'sync [--api-url URL] [--json]',
      'export deck [--format md|html|pdf|pptx] [--out FILE] [--only REF,REF..]',
      'export assessment REF [--out FILE]',
      'export ics [--out FILE] [--pal NAME]',
      'backup --out FILE',
      'restore FILE',
      'serve [--port N] [--no-open] [--api-url URL]',
      'round list [--json]',
      'round add NAME [--like ROUND] [--weeks PHASE=N|N-M,..] [--use]',
      'round edit ROUND [--name ..] [--weeks ..] [--benefit TEXT]... [--next-step TEXT]... [--takeaway TEXT]',
      'round use ROUND',
      'insight [--json] [--round ROUND]',
      'labels [--json]',
      'labels set PHASE LABEL[,LABEL..]',
      'settings [--json] [--writeback on|off] [--api-url URL] [--pal-limit N] [--due-soon-days N]',
      'discover [--repo OWNER/REPO] [--label LABEL]... [--api-url URL] [--json] [--add]',
      'action REF --text TEXT [--owner NAME] [--due YYYY-MM-DD]',
      'action done ID',
      'due [--json] [--within DAYS]',
      'load [--json]',
      'PALS_NOW',
    ])
      expect(help, text).toContain(text);
  });
});

describe('PALS_NOW fixes today for what a command records too', () => {
  it('dates a move without --on on PALS_NOW’s day, so a later --on and insight see the history in order', async () => {
    const dir = await tempDir();
    const id = (await ok(dir, ['add', '--name', 'Kyverno', '--kickoff', '2026-01-05', '--pal', 'Ann'], '2026-01-05')).trim();
    await ok(dir, ['move', id, 'meet-greet'], '2026-01-12');
    // Before PALS_NOW (a week later) but after the previous move (on the 12th): accepted.
    await ok(dir, ['move', id, 'follow-up', '--on', '2026-01-19'], '2026-02-02');
    const shown = await json<{ history: { to: string; at: string }[]; createdAt: string }>(dir, ['show', id, '--json'], '2026-02-02');
    expect(shown.history.map((h) => [h.to, h.at.slice(0, 10)])).toEqual([
      ['intake', '2026-01-05'],
      ['meet-greet', '2026-01-12'],
      ['follow-up', '2026-01-19'],
    ]);
    expect(shown.createdAt.slice(0, 10)).toBe('2026-01-05');
    // Refused: before the previous move (the 19th), and after today.
    const before = await storeBytes(dir);
    for (const on of ['2026-01-18', '2026-02-03']) {
      const r = await pals(dir, ['move', id, 'draft', '--on', on], at('2026-02-02'));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: --on: /);
    }
    expect(await storeBytes(dir)).toBe(before);
    const insight = await json<{ rounds: { phases: Record<string, { medianDays: number | null }> }[] }>(
      dir,
      ['insight', '--json'],
      '2026-02-02',
    );
    expect(insight.rounds[0]!.phases.intake!.medianDays).toBe(7);
  });

  it('keeps the real clock without PALS_NOW, and the time of day with it', () => {
    const real = () => new Date('2026-12-02T15:38:16.283Z');
    expect(clock({}, real)().toISOString()).toBe('2026-12-02T15:38:16.283Z');
    expect(clock({ PALS_NOW: '' }, real)().toISOString()).toBe('2026-12-02T15:38:16.283Z');
    expect(clock({ PALS_NOW: '2026-01-05' }, real)().toISOString()).toBe('2026-01-05T15:38:16.283Z');
    expect(() => clock({ PALS_NOW: '2026-02-30' }, real)).toThrow(/PALS_NOW must be a real date/);
  });
});

describe('the JSON shapes of the contract', () => {
  it('list, round list, insight, due and load answer with the contract’s fields', async () => {
    const dir = await tempDir();
    const id = (
      await ok(dir, ['add', '--name', 'Kyverno', '--kickoff', '2026-03-02', '--pal', 'Ann', '--issue', 'cncf/tag-security#1'])
    ).trim();
    await ok(dir, ['move', id, 'meet-greet']);
    await ok(dir, ['note', id, '--text', '- asked']);
    const item = (await ok(dir, ['action', id, '--text', 'Send the template', '--owner', 'Ann', '--due', '2026-03-12'])).trim();
    const [e] = await json<Record<string, unknown>[]>(dir, ['list', '--json']);
    for (const key of [
      'id',
      'name',
      'maturity',
      'repo',
      'kickoff',
      'phase',
      'pals',
      'due',
      'github',
      'notes',
      'reaction',
      'learnings',
      'hours',
    ])
      expect(e, key).toHaveProperty(key);
    expect(Object.keys(e!.due as object)).toEqual(expect.arrayContaining(['phase', 'windowEnd', 'state']));
    expect(Object.keys(e!.github as object)).toEqual(
      expect.arrayContaining([
        'issue',
        'url',
        'state',
        'title',
        'labels',
        'assignees',
        'updatedAt',
        'syncedAt',
        'suggestedPhase',
        'conflict',
        'error',
      ]),
    );
    expect(Object.keys((e!.notes as object[])[0]!)).toEqual(expect.arrayContaining(['id', 'kind', 'createdAt', 'updatedAt', 'text']));

    const [round] = await json<Record<string, unknown>[]>(dir, ['round', 'list', '--json']);
    expect(round).toMatchObject({
      id: 'default',
      current: true,
      windows: { 'meet-greet': { start: 1, end: 1 }, draft: { start: 6, end: 8 } },
    });
    expect(round).toHaveProperty('name');

    const insight = await json<{ rounds: Record<string, unknown>[]; pals: Record<string, unknown>[] }>(dir, ['insight', '--json']);
    for (const key of ['id', 'name', 'engagements', 'done', 'onTime', 'hoursMedian', 'phases'])
      expect(insight.rounds[0], key).toHaveProperty(key);
    expect(insight.rounds[0]!.phases).toMatchObject({ 'meet-greet': { medianDays: null, plannedDays: 7 } });
    expect(insight.pals).toEqual([expect.objectContaining({ pal: 'Ann', rounds: { default: 1 } })]);

    const due = await json<Record<string, unknown>[]>(dir, ['due', '--json']);
    expect(due).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'action', engagement: 'Kyverno', what: 'Send the template', due: '2026-03-12', state: 'due-soon' }),
        expect.objectContaining({ kind: 'phase', engagement: 'Kyverno', due: '2026-03-09', state: 'overdue' }),
      ]),
    );
    expect(await json(dir, ['load', '--json'])).toEqual([expect.objectContaining({ pal: 'Ann', active: 1, limit: 2, over: false })]);
    expect(await ok(dir, ['action', 'done', item])).toContain(item);
    expect((await json<{ kind: string }[]>(dir, ['due', '--json'])).map((d) => d.kind)).toEqual(['phase']);
  });
});

describe("bad input to this round's commands changes nothing", () => {
  it.each([
    [['move', 'kyverno', 'draft', '--on', '2026-02-30'], /--on: must be a real date written YYYY-MM-DD/],
    [['move', 'kyverno', 'draft', '--on', '2026-03-11'], /--on: 2026-03-11 is after today/],
    [['move', 'kyverno', 'nowhere', '--on', '2026-03-01'], /unknown phase "nowhere"/],
    [['add', '--name', 'X', '--round', 'nope'], /no round is called "nope"/],
    [['edit', 'kyverno', '--round', 'nope'], /no round is called "nope"/],
    [['edit', 'kyverno', '--pr', 'not a pr'], /--pr: /],
    [['round', 'add', ''], /a round needs a name/],
    [['round', 'add', 'round 1'], /a round called "Round 1" already exists/],
    [['round', 'add', 'R2', '--like', 'nope'], /no round is called "nope"/],
    [['round', 'add', 'R2', '--weeks', 'follow-up=3,draft=2-5'], /overlaps/],
    [['round', 'add', 'R2', '--weeks', 'draft=6-5'], /runs backwards/],
    [['round', 'add', 'R2', '--weeks', 'sprint=3'], /"sprint" is not a phase/],
    [['round', 'edit', 'nope', '--name', 'X'], /no round is called "nope"/],
    [['round', 'edit', 'round 1', '--name', ''], /a round needs a name/],
    [['round', 'edit', 'round 1', '--weeks', 'meet-greet=5'], /overlaps/],
    [['round', 'use', 'nope'], /no round is called "nope"/],
    [['insight', '--round', 'nope'], /no round is called "nope"/],
    [['labels', 'set', 'sprint', 'x'], /unknown phase "sprint"/],
    [['labels', 'set', 'draft', 'pals/review'], /already means In review/],
    [['labels', 'set', 'review', '.'], /the label "\." is only dots and slashes/],
    [['labels', 'set', 'review', 'pals/review,..'], /the label "\.\." is only dots and slashes/],
    [['labels', 'set', 'review', '//'], /the label "\/\/" is only dots and slashes/],
    [['labels', 'set', 'review', 'x'.repeat(51)], /at most 50 characters, GitHub’s limit/],
    [['labels', 'set', 'review', 'two\nlines'], /control character/],
    [['settings', '--writeback', 'maybe'], /--writeback: must be on or off/],
    [['settings', '--pal-limit', '0'], /--pal-limit: /],
    [['settings', '--due-soon-days', 'x'], /--due-soon-days: /],
    [['settings', '--api-url', 'http://example.com'], /plain http/],
    [['action', 'nope', '--text', 'x'], /no engagement is called "nope"/],
    [['action', 'kyverno', '--text', 'x', '--due', '2026-02-30'], /--due: must be a real date/],
    [['action', 'done', 'nope'], /no action item has the id nope/],
    [['due', '--within', '-1'], /--within: /],
    [['export', 'ics', '--pal', 'Nobody'], /no pal or action item owner is called "Nobody"/],
    [['export', 'deck', '--round', 'nope'], /no round is called "nope"/],
    [['export', 'deck', '--format', 'pptx'], /a PPTX needs --out FILE/],
    [['restore', '/nonexistent/backup.json'], /cannot read \/nonexistent\/backup\.json: there is no such file/],
  ])('pals %j', async (args, message) => {
    const dir = await tempDir();
    await ok(dir, ['add', '--name', 'Kyverno', '--kickoff', '2026-03-02', '--pal', 'Ann']);
    const before = await storeBytes(dir);
    const r = await pals(dir, args, at('2026-03-10'));
    expect([1, 2]).toContain(r.code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(await storeBytes(dir)).toBe(before);
  });
});
