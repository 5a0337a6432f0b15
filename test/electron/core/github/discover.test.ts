/** Discovery against the fake GitHub: Link-header pagination, the PR title convention, linked ones marked. */
import { describe, expect, it } from 'vitest';
import { discoverIssues } from '../../../../electron/core/github/discover.js';
import { markKnown } from '../../../../shared/github/discovery.js';
import { client, fakeGithub, linked, openStore } from './setup.js';

describe('discoverIssues', () => {
  it('follows Link pages of labelled issues and finds Security Pals PRs, marking what is linked', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    for (let n = 1; n <= 230; n++)
      fake.add({ owner: 'cncf', repo: 'tag-security', number: n, labels: n % 2 ? ['need-self-assessment'] : ['assessment'] });
    fake.add({
      owner: 'cncf',
      repo: 'tag-security',
      number: 500,
      kind: 'pull',
      title: 'Kyverno Project Security Self-Assessment - Security Pals',
    });
    fake.add({ owner: 'cncf', repo: 'tag-security', number: 501, kind: 'pull', title: 'Fix the Security Self-Assessment template' });
    fake.add({
      owner: 'cncf',
      repo: 'tag-security',
      number: 502,
      kind: 'pull',
      title: 'Argo Project Security Self-Assessment - Security Pals',
      state: 'closed',
    });
    await linked(store, 'Linked', 'cncf/tag-security#1');

    const found = markKnown(
      store.doc,
      await discoverIssues(client(fake), { owner: 'cncf', repo: 'tag-security', labels: ['need-self-assessment'] }),
    );
    expect(fake.count('GET', /^\/repos\/cncf\/tag-security\/issues\?/)).toBe(2);
    const issues = found.filter((f) => f.kind === 'issue');
    expect(issues).toHaveLength(115);
    expect(issues.find((f) => f.issue === 'cncf/tag-security#1')).toMatchObject({ known: 'e-linked' });
    expect(issues[1]).toMatchObject({
      known: null,
      issue: 'cncf/tag-security#3',
      url: 'https://github.com/cncf/tag-security/issues/3',
      labels: ['need-self-assessment'],
      project: null,
    });
    expect(found.filter((f) => f.kind === 'pull')).toEqual([
      {
        issue: 'cncf/tag-security#500',
        url: 'https://github.com/cncf/tag-security/pull/500',
        kind: 'pull',
        title: 'Kyverno Project Security Self-Assessment - Security Pals',
        state: 'open',
        labels: [],
        project: 'Kyverno',
        suggestedName: 'Kyverno',
        known: null,
        match: null,
      },
    ]);
    const search = fake.requests.find((r) => r.path.startsWith('/search/issues'))!;
    expect(new URL(search.path, fake.url).searchParams.get('q')).toBe('repo:cncf/tag-security is:pr is:open in:title "Security Pals"');
  });

  it('looks only for PRs without a label', async () => {
    const fake = await fakeGithub();
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['x'] });
    expect(await discoverIssues(client(fake), { owner: 'o', repo: 'r' })).toEqual([]);
    expect(fake.count('GET', /^\/repos\//)).toBe(0);
  });
});
