/** `pals intake check` per the CLI contract, in-process and as a real process, against loopback fakes of GitHub and Scorecard. */
import { afterEach, describe, expect, it } from 'vitest';
import { PALS_BIN, pals, runNode, tempDir } from '../../helpers.js';
import { FakeContents, FakeScorecard } from '../core/intake/fake-intake.js';

const TOKEN = 'ghp_intakeTOKEN0123456789abcdefghijklmnop';
const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function fakes() {
  const github = await new FakeContents().start();
  const scorecard = await new FakeScorecard().start();
  servers.push(github, scorecard);
  return { github, scorecard };
}

async function board(projects: readonly [name: string, repo: string | null, ...flags: string[]][]): Promise<string> {
  const dir = await tempDir();
  for (const [name, repo, ...flags] of projects) {
    const r = await pals(dir, ['add', '--name', name, ...(repo ? ['--repo', repo] : []), ...flags]);
    expect(r.stderr).toBe('');
  }
  return dir;
}

interface Printed {
  id: string;
  name: string;
  security: string;
  evidence: { kind: string; url: string | null; found: boolean; detail: string }[];
  scorecard: { score: number; date: string } | null;
  checkedAt: string | null;
  setByHand: string | null;
}

describe('pals intake check', () => {
  it('--all --json prints the contract for every Intake engagement with a GitHub repo and saves it', async () => {
    const { github, scorecard } = await fakes();
    github.add('kyverno', 'kyverno', 'SECURITY.md');
    github.add('cncf', 'tag-security', 'community/assessments/projects/kyverno/self-assessment.md');
    github.add('argoproj', 'argo-cd', 'docs/SECURITY.md');
    scorecard.add('kyverno', 'kyverno', 7.9, [
      { name: 'Security-Policy', score: 10 },
      { name: 'Fuzzing', score: 0 },
    ]);
    const dir = await board([
      ['Kyverno', 'https://github.com/kyverno/kyverno'],
      ['Argo', 'https://github.com/argoproj/argo-cd', '--security', 'audited'],
      ['Quiet', 'https://github.com/quiet/quiet'],
      ['Paper', null],
    ]);
    const env = { GITHUB_TOKEN: TOKEN, PALS_NOW: '2026-12-07' };
    const r = await pals(dir, ['intake', 'check', '--all', '--api-url', github.url, '--scorecard-url', scorecard.url, '--json'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('skipped Paper: no github.com repository: set one (pals edit REF --repo https://github.com/OWNER/REPO)\n');
    const printed = JSON.parse(r.stdout) as Printed[];
    expect(printed.map((p) => [p.name, p.security])).toEqual([
      ['Kyverno', 'self-assessment'],
      ['Argo', 'some-docs'],
      ['Quiet', 'none'],
    ]);
    for (const p of printed) {
      expect(Object.keys(p).slice(0, 6)).toEqual(['id', 'name', 'security', 'evidence', 'scorecard', 'checkedAt']);
      expect(p.evidence.map((e) => Object.keys(e))).toEqual([
        ['kind', 'url', 'found', 'detail'],
        ['kind', 'url', 'found', 'detail'],
        ['kind', 'url', 'found', 'detail'],
      ]);
      expect(p.checkedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    expect(printed[0]!.scorecard).toEqual({ score: 7.9, date: '2026-11-30T08:12:40Z' });
    expect(printed[2]!.scorecard).toBeNull();
    // The hand-set value stays the criterion, shown beside what was found.
    expect(printed[1]).toMatchObject({ security: 'some-docs', setByHand: 'audited' });
    expect(scorecard.requests.every((q) => q.headers.authorization === undefined)).toBe(true);
    expect(r.stdout).not.toContain(TOKEN);

    // Stored: show --json carries it, and a second run reads nothing (offline first).
    const shown = JSON.parse((await pals(dir, ['show', 'Quiet', '--json'])).stdout) as { securityCheck: { found: string } };
    expect(shown.securityCheck.found).toBe('none');
    const asked = github.requests.length;
    await github.close();
    await scorecard.close();
    const offline = await pals(dir, ['intake', 'check', 'kyverno', '--api-url', github.url, '--scorecard-url', scorecard.url]);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(/^Kyverno: self-assessment \(checked 2026-12-07\)/);
    expect(offline.stdout).toMatch(/weak check: Fuzzing 0\/10/);
    expect(github.requests.length).toBe(asked);

    // --refresh while offline: exit 1, the earlier findings kept and shown with the failure.
    const refresh = await pals(dir, [
      'intake',
      'check',
      'Kyverno',
      '--refresh',
      '--api-url',
      github.url,
      '--scorecard-url',
      scorecard.url,
      '--json',
    ]);
    expect(refresh.code).toBe(1);
    expect(refresh.stderr).toMatch(/^error: 1 engagement could not be fully read/);
    expect(JSON.parse(refresh.stdout)).toMatchObject([
      { name: 'Kyverno', security: 'self-assessment', error: expect.stringMatching(/cannot reach/) },
    ]);
  });

  it('refuses bad input with a clear message and exit code', async () => {
    const dir = await board([['Paper', null]]);
    const usage = await pals(dir, ['intake', 'check']);
    expect(usage).toMatchObject({ code: 2, stderr: 'error: intake check: name an engagement (REF) or give --all\n' });
    expect((await pals(dir, ['intake', 'check', 'Paper', '--all'])).code).toBe(2);
    expect((await pals(dir, ['intake', 'look'])).stderr).toMatch(/intake: say what to do: check/);
    const insecure = await pals(dir, ['intake', 'check', '--all', '--scorecard-url', 'http://scorecard.example.com']);
    expect(insecure.code).toBe(2);
    expect(insecure.stderr).toBe(
      'error: --scorecard-url: must use https (plain http is allowed only to 127.0.0.1), such as https://api.scorecard.dev\n',
    );
    const noRepo = await pals(dir, ['intake', 'check', 'Paper']);
    expect(noRepo).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: Paper has no github\.com repository/) });
    expect((await pals(dir, ['intake', 'check', 'Nobody'])).code).toBe(1);
  });

  it('checks 40 engagements as a real process against the fakes', async () => {
    const { github, scorecard } = await fakes();
    const projects: [string, string][] = [];
    for (let i = 0; i < 40; i++) {
      projects.push([`Project ${i}`, `https://github.com/org${i}/repo${i}`]);
      if (i % 2 === 0) github.add(`org${i}`, `repo${i}`, 'SECURITY.md');
      if (i % 5 === 0) scorecard.add(`org${i}`, `repo${i}`, 5, [{ name: 'Security-Policy', score: 10 }]);
    }
    const dir = await board(projects);
    const r = await runNode(
      [PALS_BIN, '--data', dir, 'intake', 'check', '--all', '--api-url', github.url, '--scorecard-url', scorecard.url, '--json'],
      { env: { ...process.env, GITHUB_TOKEN: TOKEN, PALS_NOW: '2026-12-07' } },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as Printed[];
    expect(printed).toHaveLength(40);
    // A policy file on the even ones; Scorecard's Security-Policy on every fifth (5, 15, 25, 35 add to the even ones).
    expect(printed.filter((p) => p.security === 'some-docs')).toHaveLength(24);
    expect(printed.filter((p) => p.security === 'none')).toHaveLength(16);
    // Bounded: never more than a handful of engagements' requests at once.
    expect(github.maxInFlight).toBeLessThanOrEqual(6 * 2);
  });
});
