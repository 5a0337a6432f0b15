import { readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDoc, type StoreDoc } from '../../../shared/schema.js';
import type { EngagementView } from '../../../shared/view.js';
import { HOSTILE, pals, tempDir } from '../../helpers.js';

const fileOf = (dir: string) => readFile(join(dir, 'pals.json'), 'utf8');
async function listed(dir: string): Promise<EngagementView[]> {
  const r = await pals(dir, ['list', '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as EngagementView[];
}

describe('pals add / list / show', () => {
  it('adds an engagement and lists it with the contract fields', async () => {
    const dir = await tempDir();
    const r = await pals(dir, [
      'add',
      '--name',
      'Kyverno',
      '--maturity',
      'incubating',
      '--repo',
      'https://github.com/kyverno/kyverno',
      '--kickoff',
      '2026-11-02',
      '--pal',
      'Ann',
      '--pal',
      'Bo',
      '--issue',
      'cncf/tag-security#554',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const id = r.stdout.trim();
    expect(id).toMatch(/^[a-z0-9]{8}$/);
    const [e] = await listed(dir);
    expect(e).toMatchObject({
      id,
      name: 'Kyverno',
      maturity: 'incubating',
      repo: 'https://github.com/kyverno/kyverno',
      kickoff: '2026-11-02',
      phase: 'intake',
      pals: ['Ann', 'Bo'],
      due: { phase: 'intake', windowEnd: '2026-11-02', state: 'overdue' },
      github: {
        issue: 'cncf/tag-security#554',
        url: 'https://github.com/cncf/tag-security/issues/554',
        state: null,
        title: null,
        labels: [],
        assignees: [],
        updatedAt: null,
        syncedAt: null,
        suggestedPhase: null,
        conflict: null,
        error: null,
      },
      notes: [],
      reaction: '',
      learnings: [],
      hours: null,
    });
  });

  it('shows by id or by name in any case, as text and JSON', async () => {
    const dir = await tempDir();
    const id = (await pals(dir, ['add', '--name', 'Artifact Hub'])).stdout.trim();
    const byName = await pals(dir, ['show', 'artifact HUB', '--json']);
    expect(JSON.parse(byName.stdout)).toMatchObject({ id, name: 'Artifact Hub' });
    const text = await pals(dir, ['show', id]);
    expect(text.stdout).toMatch(/^Artifact Hub {2}\(/);
    expect(text.stdout).toMatch(/phase {6}Intake/);
  });

  it('creates a new data folder for the user only (0700)', async () => {
    const dir = join(await tempDir(), 'new', 'data');
    expect((await pals(dir, ['add', '--name', 'Kyverno'])).code).toBe(0);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('computes due state from PALS_NOW', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Argo', '--kickoff', '2026-11-02']);
    await pals(dir, ['move', 'argo', 'follow-up']);
    const at = async (day: string) =>
      (JSON.parse((await pals(dir, ['show', 'argo', '--json'], { env: { PALS_NOW: day } })).stdout) as EngagementView).due;
    expect(await at('2026-11-20')).toEqual({ phase: 'follow-up', windowEnd: '2026-11-30', state: 'on-track' });
    expect(await at('2026-11-27')).toMatchObject({ state: 'due-soon' });
    expect(await at('2026-12-01')).toMatchObject({ state: 'overdue' });
  });
});

describe('pals move / edit / note', () => {
  it('moves through phases and records the history', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Crossplane']);
    expect((await pals(dir, ['move', 'crossplane', 'meet-greet'])).code).toBe(0);
    expect((await pals(dir, ['move', 'Crossplane', 'draft'])).code).toBe(0);
    const [e] = await listed(dir);
    expect(e!.phase).toBe('draft');
    expect(e!.history.map((h) => h.to)).toEqual(['intake', 'meet-greet', 'draft']);
  });

  it('edits fields; --pal replaces, --learning appends, empty values clear', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Tinkerbell', '--kickoff', '2026-10-01', '--pal', 'Ann']);
    let r = await pals(dir, [
      'edit',
      'tinkerbell',
      '--pal',
      'Bo',
      '--reaction',
      '"What do you want?"',
      '--learning',
      'communication',
      '--hours',
      '12.5',
      '--hold',
      'yes',
    ]);
    expect(r.code).toBe(0);
    r = await pals(dir, ['edit', 'tinkerbell', '--learning', 'templates loved', '--kickoff', '', '--name', 'Tinkerbell 2']);
    expect(r.code).toBe(0);
    const [e] = await listed(dir);
    expect(e).toMatchObject({
      name: 'Tinkerbell 2',
      pals: ['Bo'],
      reaction: '"What do you want?"',
      learnings: ['communication', 'templates loved'],
      hours: 12.5,
      onHold: true,
      kickoff: null,
    });
  });

  it('records the retrospective: tagged learnings, hours and the round questions', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Kyverno']);
    let r = await pals(dir, [
      'edit',
      'kyverno',
      '--learning',
      '[communication] How much do we push?',
      '--retro-worked',
      'The template',
      '--hours',
      '9',
    ]);
    expect(r.code).toBe(0);
    r = await pals(dir, ['edit', 'kyverno', '--retro-less', 'Status meetings']);
    expect(r.code).toBe(0);
    const [e] = await listed(dir);
    expect(e).toMatchObject({
      learnings: ['[communication] How much do we push?'],
      hours: 9,
      retro: { worked: 'The template', didnt: '', improve: '', more: '', less: 'Status meetings' },
    });
  });

  it('adds a note with attendees and action items', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Argo']);
    const r = await pals(dir, [
      'note',
      'argo',
      '--kind',
      'follow-up',
      '--text',
      'progress',
      '--attendee',
      'Ann',
      '--attendee',
      'Bo',
      '--action',
      'Send the template',
      '--action',
      'Book week 6',
    ]);
    expect(r.code).toBe(0);
    const [e] = await listed(dir);
    expect(e!.notes[0]).toMatchObject({
      id: r.stdout.trim(),
      attendees: ['Ann', 'Bo'],
      actions: [
        { text: 'Send the template', done: false },
        { text: 'Book week 6', done: false },
      ],
    });
  });

  it('adds notes from --text, --file and stdin', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Argo']);
    const file = join(dir, 'note.md');
    await writeFile(file, '# Follow-up\n- [ ] ask about SBOMs\n');
    expect((await pals(dir, ['note', 'argo', '--kind', 'meet-greet', '--text', 'first meeting', '--date', '2026-11-03'])).code).toBe(0);
    expect((await pals(dir, ['note', 'argo', '--kind', 'follow-up', '--file', file])).code).toBe(0);
    expect((await pals(dir, ['note', 'argo', '--file', '-'], { stdin: 'from stdin' })).code).toBe(0);
    const [e] = await listed(dir);
    expect(e!.notes.map((n) => [n.kind, n.text])).toEqual([
      ['meet-greet', 'first meeting'],
      ['follow-up', '# Follow-up\n- [ ] ask about SBOMs\n'],
      ['general', 'from stdin'],
    ]);
    expect(e!.notes[0]).toMatchObject({
      date: '2026-11-03',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      id: expect.any(String),
    });
  });

  it('takes option values that begin with "-" as values (markdown lists, "---" headings)', async () => {
    const dir = await tempDir();
    const id = (await pals(dir, ['add', '--name', '-dash project'])).stdout.trim();
    expect((await pals(dir, ['note', id, '--text', '- item one', '--action', '--- check'])).code).toBe(0);
    expect((await pals(dir, ['edit', id, '--learning', '--- heading', '--reaction', '-1 at first'])).code).toBe(0);
    const [e] = await listed(dir);
    expect(e).toMatchObject({ name: '-dash project', learnings: ['--- heading'], reaction: '-1 at first' });
    expect(e!.notes.map((n) => [n.text, n.actions.map((a) => a.text)])).toEqual([['- item one', ['--- check']]]);
    // A value can still be left out by mistake: the option then says what it misses.
    expect(await pals(dir, ['note', id, '--text'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: note: .*--text/) });
  });

  it('appends a change to a large store’s journal and leaves pals.json for the app to fold', async () => {
    const dir = await tempDir();
    const file = join(dir, 'note.md');
    await writeFile(file, 'x'.repeat(600_000));
    for (const name of ['Big one', 'Big two']) {
      await pals(dir, ['add', '--name', name]);
      expect((await pals(dir, ['note', name, '--file', file])).code).toBe(0);
    }
    await pals(dir, ['add', '--name', 'Small']);
    const before = await stat(join(dir, 'pals.json'));
    expect(before.size).toBeGreaterThan(1024 * 1024);
    expect((await pals(dir, ['move', 'small', 'meet-greet'])).code).toBe(0);
    const after = await stat(join(dir, 'pals.json'));
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect((await stat(join(dir, 'pals.journal'))).size).toBeGreaterThan(0);
    expect((await listed(dir)).find((e) => e.name === 'Small')).toMatchObject({ phase: 'meet-greet' });
  });

  it('moves through the same call as the app: with write-back on, the move queues the label change', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Falco', '--issue', 'falcosecurity/falco#1']);
    const doc = JSON.parse(await fileOf(dir)) as StoreDoc;
    doc.rounds = doc.rounds.map((r) => ({ ...r, writeBack: true }));
    await writeFile(join(dir, 'pals.json'), JSON.stringify(doc));
    expect((await pals(dir, ['move', 'falco', 'meet-greet'])).code).toBe(0);
    const after = JSON.parse(await fileOf(dir)) as StoreDoc;
    expect(after.outbox).toEqual([expect.objectContaining({ issue: 'falcosecurity/falco#1' })]);
  });

  it('stores hostile text and a 200 KB note exactly, and keeps terminals safe', async () => {
    const dir = await tempDir();
    const name = `<b>Evil</b> --- # \u001b[2J 💥`;
    expect((await pals(dir, ['add', '--name', name])).code).toBe(0);
    const big = `${HOSTILE}\n${'lorem ipsum '.repeat(200_000 / 12)}`;
    const file = join(dir, 'big.md');
    await writeFile(file, big);
    expect((await pals(dir, ['note', name, '--file', file])).code).toBe(0);
    expect((await pals(dir, ['note', name, '--text', HOSTILE])).code).toBe(0);
    const [e] = await listed(dir);
    expect(e!.name).toBe(name);
    expect(e!.notes.map((n) => n.text)).toEqual([big, HOSTILE]);
    const shown = await pals(dir, ['show', e!.id]);
    const board = await pals(dir, ['board']);
    const list = await pals(dir, ['list']);
    for (const out of [shown.stdout, board.stdout, list.stdout]) {
      expect(out).not.toMatch(/\u001b|\u0000|\u0007|\u202e/);
    }
    expect(shown.stdout).toContain('\\u001b[2J');
  });
});

describe('pals board', () => {
  it('shows six columns with counts that fit in 80 columns', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Kyverno', '--kickoff', '2026-11-02']);
    await pals(dir, ['add', '--name', 'A project with a very long name indeed']);
    await pals(dir, ['add', '--name', '日本語のプロジェクト名前']);
    await pals(dir, ['move', 'kyverno', 'follow-up']);
    const { stdout, code } = await pals(dir, ['board']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const { default: stringWidth } = await import('string-width');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/Intake.*Meet&greet.*Follow-up.*SA draft.*In review.*Done/);
    expect(lines[1]).toMatch(/\(2\).*\(0\).*\(1\)/);
    expect(stdout).toContain('~Kyverno');
    // The long name takes the room the empty columns leave, wrapped at its spaces.
    expect(stdout).toMatch(/•A project with a[^│]*│.*\n [a-z ]*indeed/);
  });
});

describe('bad input changes nothing', () => {
  it.each([
    [['move', 'kyverno', 'doing'], 2, /unknown phase "doing"; use one of intake, meet-greet/],
    [['add', '--name', 'X', '--kickoff', '2026-02-30'], 2, /--kickoff: must be a real date/],
    [['add', '--name', 'X', '--kickoff', 'next week'], 2, /--kickoff: must be a real date/],
    [['add', '--name', ''], 2, /--name: must not be empty/],
    [['add'], 2, /--name NAME is required/],
    [['add', '--name', 'kyverno'], 1, /"Kyverno" already exists/],
    [['add', '--name', 'X', '--issue', 'https://gitlab.com/a/b/issues/1'], 2, /--issue: .*not a github\.com link/],
    [['add', '--name', 'X', '--maturity', 'seed'], 2, /--maturity/],
    [['add', '--name', 'X', '--bogus'], 2, /Unknown option '--bogus'/],
    [['show', 'nothing'], 1, /no engagement is called "nothing"/],
    [['show'], 2, /missing argument/],
    [['edit', 'kyverno'], 2, /nothing to change/],
    [['edit', 'kyverno', '--hours', 'many'], 2, /--hours: must be a number/],
    [['note', 'kyverno'], 2, /exactly one of --text TEXT or --file PATH/],
    [['note', 'kyverno', '--file', '/nonexistent/x.md'], 1, /cannot read \/nonexistent\/x\.md/],
    [['note', 'kyverno', '--kind', 'party', '--text', 'x'], 2, /--kind/],
    [['frobnicate'], 2, /unknown command "frobnicate"/],
    [['sync'], 1, /^error: set GITHUB_TOKEN/],
    [['sync', '--api-url', 'ftp://example.test'], 2, /--api-url: must be an http\(s\) URL/],
    [['sync', '--api-url', 'http://github.example.test/api/v3'], 2, /--api-url: plain http would send the GitHub token in clear/],
    [['serve', '--no-open', '--api-url', 'http://10.0.0.8/api'], 2, /--api-url: plain http would send the GitHub token in clear/],
    [['sync', 'now'], 2, /unexpected argument "now"/],
    [['export', 'slides'], 2, /export: say what to export: deck, assessment or ics/],
    [['export', 'deck', '--format', 'docx'], 2, /--format: use md, html, pdf, pptx/],
    [['export', 'deck', '--format', 'pdf'], 2, /a PDF needs --out FILE/],
    [['export', 'deck', '--only', 'nobody'], 1, /no engagement is called "nobody"/],
    [['serve', '--port', 'x'], 2, /--port: must be a port number/],
    [['restore', '/nonexistent.json'], 1, /cannot read/],
  ])('pals %j exits %i', async (args, code, message) => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Kyverno']);
    const before = await fileOf(dir);
    const r = await pals(dir, args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(await fileOf(dir)).toBe(before);
  });

  it('refuses a malformed PALS_NOW', async () => {
    const dir = await tempDir();
    const r = await pals(dir, ['list'], { env: { PALS_NOW: '2026-13-01' } });
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/PALS_NOW must be a real date/) });
  });

  it('reports ambiguous names with their ids', async () => {
    const dir = await tempDir();
    const doc = emptyDoc();
    const e = (id: string) => ({ id, name: 'Twin', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });
    await writeFile(join(dir, 'twins.json'), JSON.stringify({ ...doc, engagements: [e('twin1'), e('twin2')] }));
    expect((await pals(dir, ['restore', join(dir, 'twins.json')])).code).toBe(0);
    const r = await pals(dir, ['move', 'twin', 'done']);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/"twin" names 2 engagements \(ids twin1, twin2\); use the id/) });
    expect((await pals(dir, ['move', 'twin2', 'done'])).code).toBe(0);
  });

  it('refuses a store from a newer version without touching it', async () => {
    const dir = await tempDir();
    const content = JSON.stringify({ ...emptyDoc(), schemaVersion: 7 });
    await writeFile(join(dir, 'pals.json'), content);
    const r = await pals(dir, ['add', '--name', 'X']);
    expect(r).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: .*written by a newer version of Security Pals Desk; update it \(it is format 7/),
    });
    expect(await fileOf(dir)).toBe(content);
  });

  it('recovers from a corrupt store and says so', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Kyverno']);
    await pals(dir, ['add', '--name', 'Argo']);
    await writeFile(join(dir, 'pals.json'), '{"schemaVersion": 1, "engagem');
    const r = await pals(dir, ['list', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^warning: pals.json was damaged: the file is not valid JSON.*moved to .*damaged-.*loaded the newest good backup.*nothing saved was lost/,
    );
    // A backup follows every write: both engagements are back.
    expect((JSON.parse(r.stdout) as EngagementView[]).map((e) => e.name)).toEqual(['Kyverno', 'Argo']);
  });
});

describe('pals backup / restore', () => {
  it('round-trips the whole store and keeps the replaced one', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Kyverno', '--kickoff', '2026-11-02']);
    await pals(dir, ['note', 'kyverno', '--text', HOSTILE]);
    const out = join(dir, 'backup.json');
    expect((await pals(dir, ['backup', '--out', out])).code).toBe(0);
    const saved = JSON.parse(await readFile(out, 'utf8')) as StoreDoc;
    expect(saved).toEqual(JSON.parse(await fileOf(dir)));
    await pals(dir, ['add', '--name', 'Later']);
    const r = await pals(dir, ['restore', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/restored 1 engagements.*previous store is in .*before-restore-/);
    expect((await listed(dir)).map((e) => e.name)).toEqual(['Kyverno']);
    expect((await listed(dir))[0]!.notes[0]!.text).toBe(HOSTILE);
  });

  it('refuses stored links outside the one grammar (javascript:, data:, file: repos; malformed issues)', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Keep me', '--issue', 'cncf/tag-security#1']);
    const good = JSON.parse(await fileOf(dir)) as StoreDoc;
    const before = await fileOf(dir);
    const bad: [string, (e: StoreDoc['engagements'][number]) => object][] = [
      ['repo', (e) => ({ ...e, repo: 'javascript:alert(1)' })],
      ['repo', (e) => ({ ...e, repo: 'data:text/html,<script>alert(1)</script>' })],
      ['repo', (e) => ({ ...e, repo: 'file:///etc/passwd' })],
      ['github.issue', (e) => ({ ...e, github: { ...e.github, issue: 'o/../x#1' } })],
      ['github.url', (e) => ({ ...e, github: { ...e.github, url: 'javascript:alert(1)' } })],
      ['github.url', (e) => ({ ...e, github: { ...e.github, url: 'https://evil.example/cncf/tag-security/issues/1' } })],
    ];
    for (const [field, spoil] of bad) {
      const file = join(dir, 'spoilt.json');
      await writeFile(file, JSON.stringify({ ...good, engagements: [spoil(good.engagements[0]!)] }));
      const r = await pals(dir, ['restore', file]);
      expect(r, field).toMatchObject({ code: 1, stderr: expect.stringContaining(`engagements[0].${field}`) });
    }
    expect(await fileOf(dir)).toBe(before);
  });

  it('refuses to read a device or an oversized file, before reading it', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Keep me']);
    const before = await fileOf(dir);
    expect(await pals(dir, ['restore', '/dev/zero'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: \/dev\/zero is a device, not a regular file; the store was not changed/),
    });
    // Sparse: 300 MB on paper, no disk used; refused by its size alone.
    const huge = join(dir, 'huge.json');
    await writeFile(huge, '');
    await truncate(huge, 300 * 1024 * 1024);
    expect(await pals(dir, ['restore', huge])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/huge\.json is 300 MB, more than a backup can be \(256 MB\); the store was not changed/),
    });
    expect(await fileOf(dir)).toBe(before);
  });

  it('accepts a hand-edited file with fields left out, and refuses a broken one clearly', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Keep me']);
    const before = await fileOf(dir);
    const broken = join(dir, 'broken.json');
    await writeFile(
      broken,
      JSON.stringify({ schemaVersion: 1, rounds: [{ id: 'default', name: 'R' }], engagements: [{ id: 'a1b', name: 'X', phase: 'doing' }] }),
    );
    const r = await pals(dir, ['restore', broken]);
    expect(r).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/is not a Security Pals Desk backup: engagements\[0\]\.phase.*store was not changed/),
    });
    expect(await fileOf(dir)).toBe(before);
    const hand = join(dir, 'hand.json');
    await writeFile(
      hand,
      JSON.stringify({
        schemaVersion: 1,
        rounds: [{ id: 'default', name: 'R' }],
        engagements: [{ id: 'a1b', name: 'Hand', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }],
      }),
    );
    expect((await pals(dir, ['restore', hand])).code).toBe(0);
    expect((await listed(dir))[0]).toMatchObject({ name: 'Hand', phase: 'intake', notes: [] });
  });
});

describe('pals help', () => {
  it('prints usage for --help and exits 2 without a command', async () => {
    const dir = await tempDir();
    const help = await pals(dir, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: pals \[--data DIR\] COMMAND/);
    expect((await pals(dir, ['add', '--help'])).code).toBe(0);
    expect((await pals(dir, [])).code).toBe(2);
  });
});
