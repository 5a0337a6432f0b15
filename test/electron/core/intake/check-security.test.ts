/** The security check through the core's entrance, against loopback fakes of GitHub's contents API and the Scorecard API. */
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/open-core.js';
import { envTokenSource } from '../../../../electron/core/lib/token-source.js';
import type { PalsStore } from '../../../../electron/core/store/store.js';
import { addEngagement, editEngagement } from '../../../../shared/engagements.js';
import type { SecurityCheckReport } from '../../../../shared/intake/check-report.js';
import { openStore, TOKEN } from '../github/setup.js';
import { FakeContents, FakeScorecard } from './fake-intake.js';

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

const AT = '2026-12-01T09:00:00.000Z';

async function project(store: PalsStore, name: string, repo: string | null, extra: { security?: 'audited' } = {}): Promise<string> {
  const id = `e-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  await store.update((doc) =>
    addEngagement(
      doc,
      { name, ...(repo ? { repo } : {}), ...(extra.security ? { criteria: { security: extra.security } } : {}) },
      { id, at: AT },
    ),
  );
  return id;
}

function open(store: PalsStore, api: string, scorecardUrl: string, token: string | null = TOKEN): Core {
  return createCore(store, {
    today: () => '2026-12-07',
    now: () => new Date('2026-12-07T10:00:00.000Z'),
    github: {
      tokenSource: envTokenSource(token ? { GITHUB_TOKEN: token } : {}),
      apiUrl: api,
      scorecardUrl,
      client: { waitUnitMs: 5, requestTimeoutMs: 30_000 }, // generous: loopback answers; no test here times a request out
    },
    log: () => undefined,
  });
}

async function check(core: Core, args: { ids?: string[]; refresh?: boolean } = {}): Promise<SecurityCheckReport> {
  const answer = await core.dispatch('checkSecurity', args);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as SecurityCheckReport;
}

describe('checkSecurity', () => {
  it('derives each status from what it reads, with the evidence and the folder name it tried', async () => {
    const { github, scorecard } = await fakes();
    github.add('kyverno', 'kyverno', 'SECURITY.md');
    github.add('cncf', 'tag-security', 'community/assessments/projects/kyverno/self-assessment.md', '# Kyverno self-assessment\n');
    github.add('artifacthub', 'hub', '.github/SECURITY.md');
    github.add('cncf', 'tag-security', 'community/assessments/projects/open-telemetry/self-assessment.md');
    scorecard.add('kyverno', 'kyverno', 7.9, [
      { name: 'Security-Policy', score: 10 },
      { name: 'Fuzzing', score: 0, reason: 'project is not fuzzed' },
      { name: 'Signed-Releases', score: -1 },
      { name: 'Branch-Protection', score: 3 },
      { name: 'Maintained', score: 10 },
    ]);
    scorecard.add('tinkerbell', 'tink', 4.1, [{ name: 'Security-Policy', score: 9 }]);
    const store = await openStore();
    const kyverno = await project(store, 'Kyverno', 'https://github.com/kyverno/kyverno');
    const hub = await project(store, 'Artifact Hub', 'https://github.com/artifacthub/hub');
    const tink = await project(store, 'Tinkerbell', 'https://github.com/tinkerbell/tink');
    const quiet = await project(store, 'Quiet', 'https://github.com/quiet/quiet');
    const otel = await project(store, 'OpenTelemetry', 'https://github.com/open-telemetry/opentelemetry-collector');
    const none = await project(store, 'No Repo', null);
    const core = open(store, github.url, scorecard.url);
    const report = await check(core);
    const by = (id: string) => report.results.find((r) => r.id === id)!;

    expect(by(kyverno).security).toBe('self-assessment');
    expect(by(kyverno).scorecard).toEqual({ score: 7.9, date: '2026-11-30T08:12:40Z' });
    expect(by(kyverno).evidence.map((e) => [e.kind, e.found])).toEqual([
      ['policy', true],
      ['self-assessment', true],
      ['scorecard', true],
    ]);
    expect(by(kyverno).evidence[0]!.url).toBe('https://github.com/kyverno/kyverno/blob/main/SECURITY.md');
    expect(by(kyverno).evidence[1]!.detail).toMatch(/projects\/kyverno\//);
    // The lowest checks, lowest first; inconclusive (-1) and full marks left out.
    expect(by(kyverno).lowestChecks.map((c) => [c.name, c.score])).toEqual([
      ['Fuzzing', 0],
      ['Branch-Protection', 3],
    ]);
    expect(by(kyverno).lowestChecks[0]).toMatchObject({
      reason: 'project is not fuzzed',
      url: expect.stringMatching(/^https:\/\/github\.com\/ossf\/scorecard\//),
    });

    // Policy in .github/, no self-assessment under artifact-hub or artifacthub (both named), not scanned.
    expect(by(hub).security).toBe('some-docs');
    expect(by(hub).evidence[0]!.detail).toBe('.github/SECURITY.md found');
    expect(by(hub).evidence[1]!.detail).toMatch(/artifact-hub, artifacthub/);
    expect(by(hub).evidence[2]).toMatchObject({ found: false, detail: 'not scanned by the OpenSSF Scorecard' });
    expect(github.asked('artifacthub', 'hub')).toEqual(['SECURITY.md', '.github/SECURITY.md']);

    // No file, but Scorecard's Security-Policy check scores well.
    expect(by(tink).security).toBe('some-docs');
    expect(github.asked('tinkerbell', 'tink')).toEqual(['SECURITY.md', '.github/SECURITY.md', 'docs/SECURITY.md']);
    // Nothing anywhere, every source answered.
    expect(by(quiet).security).toBe('none');
    // The folder is the owner's spelling (open-telemetry), found after the name's (opentelemetry).
    expect(by(otel).security).toBe('self-assessment');
    expect(by(otel).evidence[1]!.detail).toMatch(/folder names tried: opentelemetry, open-telemetry\)/);

    expect(report.skipped).toEqual([{ id: none, name: 'No Repo', reason: expect.stringMatching(/no github\.com repository/) }]);
    expect(report.read).toBe(5);
    expect(report.incomplete).toBe(0);
    expect(report.rateLimit).toMatchObject({ limit: 5000 });

    // Stored with its date; the card and the record carry it; the score uses it.
    const stored = store.doc.engagements.find((e) => e.id === quiet)!.securityCheck!;
    expect(stored).toMatchObject({ found: 'none', checkedAt: '2026-12-07T10:00:00.000Z' });
    await core.close();
  });

  it('never sends the GitHub token to the Scorecard host, and sends it to GitHub', async () => {
    const { github, scorecard } = await fakes();
    scorecard.add('kyverno', 'kyverno', 7, [{ name: 'Security-Policy', score: 10 }]);
    const store = await openStore();
    await project(store, 'Kyverno', 'https://github.com/kyverno/kyverno');
    const core = open(store, github.url, scorecard.url);
    await check(core);
    expect(scorecard.requests).toHaveLength(1);
    for (const r of scorecard.requests) {
      expect(r.headers.authorization).toBeUndefined();
      expect(JSON.stringify(r.headers)).not.toContain(TOKEN);
    }
    expect(github.requests.length).toBeGreaterThan(0);
    expect(github.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
    await core.close();
  });

  it('answers from the store unless asked to refresh, and asks again conditionally', async () => {
    const { github, scorecard } = await fakes();
    github.add('kyverno', 'kyverno', 'SECURITY.md');
    scorecard.add('kyverno', 'kyverno', 7, [{ name: 'Security-Policy', score: 10 }]);
    const store = await openStore();
    const id = await project(store, 'Kyverno', 'https://github.com/kyverno/kyverno');
    const core = open(store, github.url, scorecard.url);
    await check(core);
    const asked = github.requests.length + scorecard.requests.length;
    const again = await check(core);
    expect(again.read).toBe(0);
    expect(again.results[0]).toMatchObject({ id, security: 'some-docs' });
    expect(github.requests.length + scorecard.requests.length).toBe(asked);

    const refreshed = await check(core, { refresh: true });
    expect(refreshed.read).toBe(1);
    expect(refreshed.results[0]!.security).toBe('some-docs');
    const policyAgain = github.requests.filter((r) => r.path.endsWith('/kyverno/kyverno/contents/SECURITY.md')).at(-1)!;
    expect(policyAgain.headers['if-none-match']).toMatch(/^W\/"/);
    expect(scorecard.requests.at(-1)!.headers['if-none-match']).toMatch(/^"/);
    await core.close();
  });

  it('says unknown, never none, when a source cannot be reached; an earlier read is kept', async () => {
    const { github, scorecard } = await fakes();
    const store = await openStore();
    const id = await project(store, 'Quiet', 'https://github.com/quiet/quiet');
    const core = open(store, github.url, scorecard.url);
    expect((await check(core)).results[0]!.security).toBe('none');

    // Scorecard down: nothing found could still be a policy Scorecard would see.
    scorecard.failWith = 503;
    const down = await check(core, { refresh: true });
    expect(down.incomplete).toBe(1);
    // The complete earlier read stays; the failure is noted beside it.
    expect(down.results[0]).toMatchObject({ security: 'none', error: expect.stringMatching(/Scorecard .* answered 503/) });

    // A project never read before, with GitHub out of reach: unknown.
    const other = await project(store, 'Other', 'https://github.com/other/other');
    await github.close();
    const offline = await check(core, { ids: [other] });
    expect(offline.results[0]).toMatchObject({ id: other, security: 'unknown' });
    expect(offline.results[0]!.evidence.filter((e) => e.kind !== 'scorecard').every((e) => !e.found)).toBe(true);
    expect(store.doc.engagements.find((e) => e.id === id)!.securityCheck!.found).toBe('none');
    await core.close();
  });

  it('keeps the hand-set value beside what was found; the selection score uses the value in force', async () => {
    const { github, scorecard } = await fakes();
    const store = await openStore();
    const hand = await project(store, 'Audited One', 'https://github.com/a/one', { security: 'audited' });
    const found = await project(store, 'Quiet', 'https://github.com/quiet/quiet');
    const core = open(store, github.url, scorecard.url);
    const scoreOf = async (id: string) => {
      const r = await core.dispatch('getEngagement', { id });
      return r.ok ? (r.value as { score: number }).score : -1;
    };
    const before = await scoreOf(found);
    const report = await check(core);
    const h = report.results.find((r) => r.id === hand)!;
    expect(h).toMatchObject({ security: 'none', setByHand: 'audited', criterion: 'audited' });
    expect(store.doc.engagements.find((e) => e.id === hand)!.criteria.security).toBe('audited');
    // `none` needs the program more than `unknown`: the score goes up.
    expect(report.results.find((r) => r.id === found)).toMatchObject({ security: 'none', setByHand: null, criterion: 'none' });
    expect(await scoreOf(found)).toBeGreaterThan(before);
    // Setting it by hand later wins over the check.
    await store.update((doc) => editEngagement(doc, found, { criteria: { security: 'self-assessment' } }, AT));
    expect(await scoreOf(found)).toBeLessThan(before);
    await core.close();
  });

  it('stops asking GitHub when its rate limit is used up, and says so', async () => {
    const { github, scorecard } = await fakes();
    github.rateLimited = true;
    const store = await openStore();
    for (let i = 0; i < 5; i++) await project(store, `P${i}`, `https://github.com/p/p${i}`);
    const core = open(store, github.url, scorecard.url);
    const report = await check(core);
    expect(report.incomplete).toBe(5);
    expect(report.results.every((r) => r.security === 'unknown')).toBe(true);
    expect(report.results[4]!.evidence[0]!.detail).toMatch(/rate limit is used up/);
    // One request found out; the others were not sent.
    expect(github.requests.length).toBeLessThanOrEqual(2);
    await core.close();
  });

  it('refuses a Scorecard address that would not be safe', async () => {
    const { github } = await fakes();
    const store = await openStore();
    await project(store, 'Kyverno', 'https://github.com/kyverno/kyverno');
    const core = open(store, github.url, 'http://scorecard.example.com');
    const answer = await core.dispatch('checkSecurity', {});
    expect(answer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Scorecard API address .*https/) } });
    await core.close();
  });
});
