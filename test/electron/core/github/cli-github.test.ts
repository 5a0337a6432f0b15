/**
 * The GitHub loop on the command line, against the fake GitHub: `labels`, `settings`,
 * `discover`, `edit --pr` and the PR's progress, write-back (once, never when off, refusals kept
 * queued), and conflicts in `show` and `board`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pals, tempDir } from '../../../helpers.js';
import { filledWith } from '../../../fixtures/self-assessment.js';
import type { FakeGithub } from '../../../support/github/fake-github.js';
import { fakeGithub, TOKEN } from './setup.js';

const env = { GITHUB_TOKEN: TOKEN };
const writes = (fake: FakeGithub) =>
  fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

async function json<T>(dir: string, args: string[]): Promise<T> {
  const r = await pals(dir, [...args, '--json'], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** The outbox as stored (backup writes the whole store as plain JSON). */
async function outbox(dir: string): Promise<{ phase: string; attempts: number; lastError: string | null }[]> {
  const out = join(dir, 'backup.json');
  expect((await pals(dir, ['backup', '--out', out])).code).toBe(0);
  return (JSON.parse(await readFile(out, 'utf8')) as { outbox: [] }).outbox;
}

describe('pals labels', () => {
  it('prints the current round’s rules and sets a phase’s labels, refusing a label that means another phase', async () => {
    const dir = await tempDir();
    const text = await pals(dir, ['labels']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/built-in rules/);
    expect(text.stdout).toMatch(/Intake\s+pals\/intake, need-self-assessment, triage-required/);
    expect(text.stdout).toMatch(/Self-assessment draft\s+pals\/draft, in-progress \(with assessment\)/);
    const rules = await json<{ label: string; phase: string }[]>(dir, ['labels']);
    expect(rules).toContainEqual(expect.objectContaining({ label: 'pals/review', phase: 'review' }));

    const set = await pals(dir, ['labels', 'set', 'review', 'needs-review,pals/review']);
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/its own rules/);
    const after = await json<{ label: string; phase: string; family: string }[]>(dir, ['labels']);
    expect(after.filter((r) => r.phase === 'review')).toEqual([
      { label: 'needs-review', phase: 'review', family: 'pals', requires: [] },
      { label: 'pals/review', phase: 'review', family: 'pals', requires: [] },
    ]);

    const clash = await pals(dir, ['labels', 'set', 'draft', 'pals/draft,Needs-Review']);
    expect(clash).toMatchObject({ code: 1, stdout: '' });
    expect(clash.stderr).toBe(
      'error: the label "Needs-Review" already means In review; a label can mean only one phase (set In review\'s labels without it first)\n',
    );
    expect(await json(dir, ['labels'])).toEqual(after);
    // The discovery label is never a phase label (write-back would remove it: issue 23.3).
    const discovery = await pals(dir, ['labels', 'set', 'review', 'pals/review,security-pals']);
    expect(discovery).toMatchObject({ code: 1, stdout: '' });
    expect(discovery.stderr).toMatch(
      /^error: "security-pals" is the label the program finds its issues by \(discovery\); it cannot mean a phase/,
    );
    expect(await json(dir, ['labels'])).toEqual(after);
    expect((await pals(dir, ['labels', 'set', 'someday', 'x'])).code).toBe(2);
    expect((await pals(dir, ['labels', 'set', 'draft', 'a,,b'])).code).toBe(2);
    expect((await pals(dir, ['labels', 'remove', 'draft'])).code).toBe(2);
  });
});

describe('pals settings', () => {
  it('prints the defaults, changes several at once, and refuses bad values changing nothing', async () => {
    const dir = await tempDir();
    const defaults = await json<Record<string, unknown>>(dir, ['settings']);
    expect(defaults).toMatchObject({
      currentRound: 'default',
      writeBack: false,
      apiUrl: 'https://api.github.com',
      palLimit: 2,
      dueSoonDays: 7,
      palLogins: {},
      lastSync: null,
    });
    const text = await pals(dir, ['settings']);
    expect(text.stdout).toMatch(/write-back\s+off/);
    expect((await pals(dir, ['pal', 'add', 'Alice'])).code).toBe(0);
    expect(text.stdout).toMatch(/last sync\s+never/);

    const changed = await json<Record<string, unknown>>(dir, [
      'settings',
      '--writeback',
      'on',
      '--pal-limit',
      '3',
      '--due-soon-days',
      '10',
      '--api-url',
      'http://127.0.0.1:9/',
      '--pal-login',
      'Alice=@alice-gh',
    ]);
    expect(changed).toMatchObject({
      writeBack: true,
      palLimit: 3,
      dueSoonDays: 10,
      apiUrl: 'http://127.0.0.1:9',
      palLogins: { Alice: 'alice-gh' },
    });
    for (const bad of [
      ['--api-url', 'http://example.com'],
      ['--writeback', 'maybe'],
      ['--pal-limit', '0'],
      ['--due-soon-days', 'soon'],
      ['--pal-login', 'nobody'],
    ]) {
      const r = await pals(dir, ['settings', ...bad, '--pal-login', 'Zed=zed']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: --/);
    }
    const login = await pals(dir, ['settings', '--pal-login', 'Alice=not a login']);
    expect(login).toMatchObject({ code: 1, stderr: 'error: "not a login" is not a GitHub login (letters, digits and dashes)\n' });
    expect(await json(dir, ['settings'])).toEqual(changed);
    expect(await json(dir, ['settings', '--api-url', ''])).toMatchObject({ apiUrl: 'https://api.github.com' });
  });

  it('makes sync, discover and serve use the stored API address when --api-url is not given', async () => {
    const fake = await fakeGithub();
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['pals/draft'] });
    const dir = await tempDir();
    expect((await pals(dir, ['add', '--name', 'Widget', '--issue', 'o/r#1'])).code).toBe(0);
    expect((await pals(dir, ['settings', '--api-url', fake.url])).code).toBe(0);
    expect(await json(dir, ['sync'])).toMatchObject({ checked: 1, updated: 1, failed: [] });
    expect(fake.count('GET', /^\/repos\/o\/r\/issues\/1$/)).toBe(1);
    const settings = await json<{ lastSync: { rateLimit: { remaining: number } } }>(dir, ['settings']);
    expect(settings.lastSync.rateLimit.remaining).toBe(4999);
    expect((await pals(dir, ['settings'])).stdout).toMatch(/rate limit 4999 of 5000 left/);
  });
});

describe('pals discover', () => {
  async function tagSecurity(): Promise<FakeGithub> {
    const fake = await fakeGithub();
    const at = { owner: 'cncf', repo: 'tag-security' };
    fake.add({ ...at, number: 10, title: '[Security Pals] Falco self-assessment', labels: ['security-pals'] });
    fake.add({ ...at, number: 11, title: '<img src=x onerror=alert(1)> [Security Pals]', labels: ['security-pals', 'help wanted'] });
    fake.add({ ...at, number: 12, title: 'Unrelated', labels: ['docs'] });
    fake.add({ ...at, number: 13, title: 'Closed one', labels: ['security-pals'], state: 'closed' });
    fake.add({ ...at, number: 20, kind: 'pull', title: 'Kyverno Project Security Self-Assessment - Security Pals' });
    fake.add({ ...at, number: 21, kind: 'pull', title: 'Mention Security Pals in the README' });
    return fake;
  }

  it('--json lists labelled issues and "- Security Pals" PRs in the contract’s shape; --add takes them on once', async () => {
    const fake = await tagSecurity();
    const dir = await tempDir();
    const found = await json<Record<string, unknown>[]>(dir, ['discover', '--api-url', fake.url]);
    expect(found).toEqual([
      {
        issue: 'cncf/tag-security#10',
        url: 'https://github.com/cncf/tag-security/issues/10',
        title: '[Security Pals] Falco self-assessment',
        state: 'open',
        labels: ['security-pals'],
        known: null,
        match: null,
      },
      {
        issue: 'cncf/tag-security#11',
        url: 'https://github.com/cncf/tag-security/issues/11',
        title: '<img src=x onerror=alert(1)> [Security Pals]',
        state: 'open',
        labels: ['security-pals', 'help wanted'],
        known: null,
        match: null,
      },
      {
        issue: 'cncf/tag-security#20',
        url: 'https://github.com/cncf/tag-security/pull/20',
        title: 'Kyverno Project Security Self-Assessment - Security Pals',
        state: 'open',
        labels: [],
        known: null,
        match: null,
      },
    ]);
    const listed = new URL(fake.requests.find((r) => r.path.startsWith('/repos/cncf/tag-security/issues?'))!.path, fake.url);
    expect(listed.searchParams.get('labels')).toBe('security-pals');

    const add = await pals(dir, ['discover', '--api-url', fake.url, '--add'], { env });
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/added \S+ Falco \(cncf\/tag-security#10\)/);
    const list = await json<{ id: string; name: string; phase: string; github: { issue: string }; pr: { pr: string } | null }[]>(dir, [
      'list',
    ]);
    expect(list.map((e) => [e.name, e.phase, e.github.issue, e.pr?.pr ?? null])).toEqual([
      ['Falco', 'intake', 'cncf/tag-security#10', null],
      ['<img src=x onerror=alert(1)>', 'intake', 'cncf/tag-security#11', null],
      ['Kyverno', 'intake', 'cncf/tag-security#20', 'cncf/tag-security#20'],
    ]);
    const again = await pals(dir, ['discover', '--api-url', fake.url, '--add'], { env });
    expect(again.stdout).toMatch(/nothing new to add/);
    expect(await json<unknown[]>(dir, ['list'])).toHaveLength(3);
    const known = await json<{ issue: string; known: string | null }[]>(dir, ['discover', '--api-url', fake.url]);
    expect(known.map((k) => k.known)).toEqual(list.map((e) => e.id));
  });

  it('takes --repo and several --label (any of them), and says clearly when the repository does not exist', async () => {
    const fake = await tagSecurity();
    const dir = await tempDir();
    const found = await json<{ issue: string }[]>(dir, ['discover', '--api-url', fake.url, '--label', 'docs', '--label', 'help wanted']);
    expect(found.map((f) => f.issue)).toEqual(['cncf/tag-security#12', 'cncf/tag-security#11', 'cncf/tag-security#20']);
    const missing = await pals(dir, ['discover', '--api-url', fake.url, '--repo', 'cncf/nothing'], { env });
    expect(missing).toMatchObject({ code: 1, stderr: 'error: there is no repository cncf/nothing, or the token may not read it\n' });
    expect((await pals(dir, ['discover', '--repo', 'not a repo', '--api-url', fake.url])).code).toBe(1);
    expect((await pals(dir, ['discover', '--api-url', 'http://example.com'])).code).toBe(2);
  });
});

describe('pals edit --pr and the self-assessment progress', () => {
  it('links the PR, and sync reports per template section which ones the file fills', async () => {
    const fake = await fakeGithub();
    const path = 'community/assessments/projects/widget/self-assessment.md';
    fake.add({
      owner: 'cncf',
      repo: 'tag-security',
      number: 30,
      kind: 'pull',
      title: 'Widget Project Security Self-Assessment - Security Pals',
      files: [
        { filename: 'README.md', status: 'modified', content: 'links' },
        { filename: path, status: 'added', content: filledWith(['Metadata', 'Overview', 'Appendix']) },
      ],
    });
    fake.add({
      owner: 'cncf',
      repo: 'tag-security',
      number: 31,
      kind: 'pull',
      files: [{ filename: 'a.md', status: 'added', content: 'x' }],
    });
    const dir = await tempDir();
    expect((await pals(dir, ['add', '--name', 'Widget'])).code).toBe(0);
    expect((await pals(dir, ['add', '--name', 'Other'])).code).toBe(0);
    expect((await pals(dir, ['edit', 'widget', '--pr', 'https://github.com/cncf/tag-security/pull/30'])).code).toBe(0);
    expect((await pals(dir, ['edit', 'other', '--pr', 'cncf/tag-security#31'])).code).toBe(0);
    const issue = await pals(dir, ['edit', 'widget', '--pr', 'https://github.com/cncf/tag-security/issues/30']);
    expect(issue.code).toBe(2);
    expect(issue.stderr).toMatch(/--pr: .*is an issue/);

    const before = await json<{ pr: unknown }>(dir, ['show', 'widget']);
    expect(before.pr).toMatchObject({ pr: 'cncf/tag-security#30', path: null, sections: [], filled: 0, total: 0 });
    const sync = await pals(dir, ['sync', '--api-url', fake.url, '--json'], { env });
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ checked: 0, failed: [] });
    const shown = await json<{ pr: Record<string, unknown> }>(dir, ['show', 'widget']);
    expect(shown.pr).toMatchObject({
      pr: 'cncf/tag-security#30',
      path,
      filled: 3,
      total: 8,
      error: null,
      sections: [
        { title: 'Metadata', filled: true },
        { title: 'Overview', filled: true },
        { title: 'Self-assessment use', filled: false },
        { title: 'Security functions and features', filled: false },
        { title: 'Project compliance', filled: false },
        { title: 'Secure development practices', filled: false },
        { title: 'Security issue resolution', filled: false },
        { title: 'Appendix', filled: true },
      ],
    });
    const text = await pals(dir, ['show', 'widget']);
    expect(text.stdout).toMatch(/progress\s+3 of 8 sections filled/);
    expect(text.stdout).toMatch(/\[x\] Overview\n\s+\[ \] Self-assessment use/);
    const other = await json<{ pr: { error: string; total: number } }>(dir, ['show', 'other']);
    expect(other.pr).toMatchObject({ total: 0, error: expect.stringMatching(/changes no self-assessment file/) });

    // An unchanged PR is a 304: no content fetched again, nothing rewritten.
    const contents = fake.count('GET', /\/contents\//);
    expect((await pals(dir, ['sync', '--api-url', fake.url], { env })).code).toBe(0);
    expect(fake.count('GET', /\/contents\//)).toBe(contents);
    fake.issues.get('cncf/tag-security#30')!.files![1]!.content = filledWith(['Metadata', 'Overview', 'Appendix', 'Project compliance']);
    expect((await pals(dir, ['sync', '--api-url', fake.url], { env })).code).toBe(0);
    expect(await json(dir, ['show', 'widget'])).toMatchObject({ pr: { filled: 4 } });
    expect((await pals(dir, ['edit', 'widget', '--pr', ''])).code).toBe(0);
    expect(await json(dir, ['show', 'widget'])).toMatchObject({ pr: null });
  });
});

describe('write-back from the command line', () => {
  async function linkedBoard(fake: FakeGithub, writeBack: boolean) {
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['pals/intake', 'kind/sandbox'] });
    const dir = await tempDir();
    expect((await pals(dir, ['add', '--name', 'Widget', '--issue', 'o/r#1'])).code).toBe(0);
    expect((await pals(dir, ['settings', '--api-url', fake.url, '--writeback', writeBack ? 'on' : 'off'])).code).toBe(0);
    expect((await pals(dir, ['sync'], { env })).code).toBe(0);
    return dir;
  }

  it('sends a move’s label change once when on, keeping every other label', async () => {
    const fake = await fakeGithub();
    const dir = await linkedBoard(fake, true);
    expect((await pals(dir, ['move', 'widget', 'draft'], { env: { PALS_NOW: '2026-11-28' } })).code).toBe(0);
    expect(await outbox(dir)).toMatchObject([{ phase: 'draft', attempts: 0 }]);
    expect((await pals(dir, ['sync'], { env })).code).toBe(0);
    expect(writes(fake)).toEqual(['POST /repos/o/r/issues/1/labels', 'DELETE /repos/o/r/issues/1/labels/pals/intake']);
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['kind/sandbox', 'pals/draft']);
    expect(await outbox(dir)).toEqual([]);
    expect((await pals(dir, ['sync'], { env })).code).toBe(0);
    expect(writes(fake)).toHaveLength(2);
  });

  it('never writes while off', async () => {
    const fake = await fakeGithub();
    const dir = await linkedBoard(fake, false);
    expect((await pals(dir, ['move', 'widget', 'review'])).code).toBe(0);
    expect((await pals(dir, ['sync'], { env })).code).toBe(0);
    expect(writes(fake)).toEqual([]);
    expect(await outbox(dir)).toEqual([]);
  });

  it('holds a move made while off: switching on lists it and sends nothing; sync --push-held sends it (issue 23.3)', async () => {
    const fake = await fakeGithub();
    const dir = await linkedBoard(fake, false);
    expect((await pals(dir, ['add', '--name', 'Gadget'])).code).toBe(0);
    expect((await pals(dir, ['move', 'widget', 'review'])).code).toBe(0);
    const on = await pals(dir, ['settings', '--writeback', 'on']);
    expect(on.code).toBe(0);
    expect(on.stdout).toMatch(
      /^write-back on\. 1 card was moved while it was off; its issue keeps its labels: Widget \(In review; GitHub says Intake\)\.\nTo push it too: pals sync --push-held\n/,
    );
    expect((await pals(dir, ['settings'])).stdout).toMatch(
      /held moves\s+1 made while write-back was off.*Widget \(In review; GitHub says Intake\)/,
    );
    expect(await json(dir, ['settings'])).toMatchObject({ writeBack: true, held: [{ name: 'Widget', local: 'review', remote: 'intake' }] });

    const text = await pals(dir, ['sync'], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /1 card was moved while write-back was off; its issue keeps its labels: Widget \(In review; GitHub says Intake\)/,
    );
    const quiet = await json<{ held: { name: string; issue: string }[] }>(dir, ['sync']);
    expect(quiet.held).toMatchObject([{ name: 'Widget', issue: 'o/r#1', local: 'review', remote: 'intake' }]);
    expect(writes(fake)).toEqual([]);
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['pals/intake', 'kind/sandbox']);
    expect(await json(dir, ['show', 'widget'])).toMatchObject({ phase: 'review', github: { suggestedPhase: 'intake', conflict: null } });

    const pushed = await json<Record<string, unknown>>(dir, ['sync', '--push-held']);
    expect(pushed).toMatchObject({ failed: [], pushed: [{ name: 'Widget', local: 'review' }] });
    expect(pushed.held).toBeUndefined();
    expect(writes(fake)).toEqual(['POST /repos/o/r/issues/1/labels', 'DELETE /repos/o/r/issues/1/labels/pals/intake']);
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['kind/sandbox', 'pals/review']);
    expect(await outbox(dir)).toEqual([]);
    expect((await pals(dir, ['sync', '--push-held'], { env })).stdout).not.toMatch(/held/);
    expect(writes(fake)).toHaveLength(2);
  });

  it('keeps the change queued with a clear message on a 422 and on a token without write access, then sends it once', async () => {
    const fake = await fakeGithub();
    const dir = await linkedBoard(fake, true);
    expect((await pals(dir, ['move', 'widget', 'follow-up'])).code).toBe(0);
    fake.labelWrites = 'invalid';
    const invalid = await pals(dir, ['sync'], { env });
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/GitHub refused the label "pals\/follow-up" on o\/r#1 \(422/);
    expect(invalid.stdout).toMatch(/the change stays queued/);
    expect(await outbox(dir)).toMatchObject([{ phase: 'follow-up', attempts: 1 }]);

    fake.labelWrites = 'fine-grained';
    const denied = await pals(dir, ['sync'], { env });
    expect(denied.code).toBe(1);
    expect(denied.stdout).toMatch(/the token may not change labels on o\/r#1: give it write access to issues/);
    fake.labelWrites = 'classic';
    expect((await pals(dir, ['sync'], { env })).stdout).toMatch(/the token may not change labels on o\/r#1.*`repo` scope/);
    expect(await outbox(dir)).toMatchObject([{ phase: 'follow-up', attempts: 3 }]);
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['pals/intake', 'kind/sandbox']);

    fake.labelWrites = 'ok';
    expect((await pals(dir, ['sync'], { env })).code).toBe(0);
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['kind/sandbox', 'pals/follow-up']);
    expect(await outbox(dir)).toEqual([]);
    const show = await json<{ phase: string; github: { conflict: null; error: null } }>(dir, ['show', 'widget']);
    expect(show).toMatchObject({ phase: 'follow-up', github: { conflict: null, error: null } });
  });
});

describe('conflicts on the command line', () => {
  it('marks the card in show and board, keeps both sides, and writes nothing', async () => {
    const fake = await fakeGithub();
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['pals/intake'] });
    const dir = await tempDir();
    expect((await pals(dir, ['add', '--name', 'Widget', '--issue', 'o/r#1', '--pal', 'Alice'])).code).toBe(0);
    expect((await pals(dir, ['settings', '--api-url', fake.url, '--pal-login', 'Alice=alice'])).code).toBe(0);
    expect((await pals(dir, ['sync'], { env })).code).toBe(0);
    expect((await pals(dir, ['move', 'widget', 'draft'])).code).toBe(0);
    fake.edit('o/r#1', { labels: ['pals/review'], assignees: ['alice', 'mallory'] });
    expect((await pals(dir, ['sync'], { env })).code).toBe(0);

    const shown = await json<{ phase: string; github: { conflict: unknown } }>(dir, ['show', 'widget']);
    expect(shown).toMatchObject({ phase: 'draft', github: { conflict: { local: 'draft', remote: 'review' } } });
    const text = (await pals(dir, ['show', 'widget'])).stdout;
    expect(text).toMatch(
      /CONFLICT\s+GitHub says In review, the card is in Self-assessment draft .*pals resolve \S+ --keep-mine or --take-github/,
    );
    expect(text).toMatch(/assignees\s+alice, mallory \(not a pal: mallory\)/);
    expect(text).toMatch(/labels\s+pals\/review/);
    const board = (await pals(dir, ['board'])).stdout;
    expect(board).toMatch(/≠Widget/);
    expect(board).toMatch(
      /≠ conflict with GitHub \(1\); settle each with pals resolve REF --keep-mine\|--take-github:\n {2}Widget: card in Self-assessment draft, GitHub says In review/,
    );
    expect(writes(fake)).toEqual([]);
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['pals/review']);
  });
});
