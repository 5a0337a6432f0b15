/**
 * `pals sync` reports each card it moves (issue 23): a label rule changed with `pals labels set`
 * moved three cards on the next sync (one skipping two phases) while the sync said "0 updated, 6
 * unchanged". `--json` carries `moved`, `updated` counts them, the text lists them.
 */
import { describe, expect, it } from 'vitest';
import { pals, tempDir } from '../../../helpers.js';
import { fakeGithub, TOKEN } from './setup.js';

const env = { GITHUB_TOKEN: TOKEN };

async function ok(dir: string, args: string[]): Promise<string> {
  const r = await pals(dir, args, { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** Six cards linked to six issues, synced once; then `sa-in-progress` becomes a draft label. */
async function boardWithNewRule(): Promise<{ dir: string; url: string; ids: Record<string, string> }> {
  const fake = await fakeGithub();
  const dir = await tempDir();
  const issues: [string, { labels?: string[]; state?: 'closed' }][] = [
    ['Alpha', { labels: ['triage-required', 'sa-in-progress'] }],
    ['Beta', { labels: ['sa-in-progress'] }],
    ['Gamma', { labels: ['need-self-assessment', 'sa-in-progress'] }],
    ['Delta', { labels: ['pals/meet-greet'] }],
    ['Epsilon', { state: 'closed' }],
    ['Zeta', { labels: ['pals/review'] }],
  ];
  const ids: Record<string, string> = {};
  for (const [i, [name, issue]] of issues.entries()) {
    fake.add({ owner: 'cncf', repo: 'tag-security', number: 100 + i, ...issue });
    ids[name] = (await ok(dir, ['add', '--name', name, '--issue', `cncf/tag-security#${100 + i}`])).trim();
  }
  await ok(dir, ['move', 'Beta', 'follow-up']);
  await ok(dir, ['sync', '--api-url', fake.url, '--json']);
  await ok(dir, ['labels', 'set', 'draft', 'pals/draft,sa-in-progress']);
  return { dir, url: fake.url, ids };
}

describe('pals sync after a label rule change', () => {
  it('--json lists the three moves with their real from and to, and counts them as updated', async () => {
    const { dir, url, ids } = await boardWithNewRule();
    const report = JSON.parse(await ok(dir, ['sync', '--api-url', url, '--json'])) as Record<string, unknown>;
    const because = 'label "sa-in-progress"';
    expect(report).toEqual({
      checked: 6,
      updated: 3,
      unchanged: 3,
      failed: [],
      rateLimit: expect.objectContaining({ limit: 5000 }),
      moved: [
        { ref: ids.Alpha, name: 'Alpha', from: 'intake', to: 'draft', because },
        { ref: ids.Beta, name: 'Beta', from: 'follow-up', to: 'draft', because },
        { ref: ids.Gamma, name: 'Gamma', from: 'intake', to: 'draft', because },
      ],
    });
    // `ref` is what the other commands take.
    expect(JSON.parse(await ok(dir, ['show', ids.Alpha!, '--json']))).toMatchObject({ name: 'Alpha', phase: 'draft' });
    expect(JSON.parse(await ok(dir, ['sync', '--api-url', url, '--json']))).toMatchObject({ updated: 0, unchanged: 6, moved: [] });
  });

  it('prints each move in the text summary: name, from → to by column title, and why', async () => {
    const { dir, url } = await boardWithNewRule();
    const out = await ok(dir, ['sync', '--api-url', url]);
    expect(out).toMatch(
      new RegExp(
        [
          '^Checked 6 linked issues: 3 updated, 3 unchanged, 0 failed\\.',
          'Moved 3 cards to follow GitHub:',
          '  Alpha: Intake → Self-assessment draft \\(label "sa-in-progress"\\)',
          '  Beta: Follow-up → Self-assessment draft \\(label "sa-in-progress"\\)',
          '  Gamma: Intake → Self-assessment draft \\(label "sa-in-progress"\\)',
          'GitHub rate limit: ',
        ].join('\\n'),
      ),
    );
    expect(await ok(dir, ['sync', '--api-url', url])).not.toMatch(/Moved/);
  });
});
