import { describe, expect, it } from 'vitest';
import { addEngagement } from '../../../shared/engagements.js';
import { addDiscovered, parseRepoRef, unlinked } from '../../../shared/github/discovery.js';
import { discovered, parseSelfAssessmentTitle, snapshotFromApi } from '../../../shared/github/issue.js';
import { emptyDoc } from '../../../shared/schema.js';

const at = '2026-11-27T10:00:00.000Z';

describe('discovery', () => {
  it('reads the project out of self-assessment PR titles', () => {
    expect(parseSelfAssessmentTitle('Kyverno Project Security Self-Assessment - Security Pals')).toBe('Kyverno');
    expect(parseSelfAssessmentTitle('Artifact Hub Project Security Self-Assessment - Security Pals')).toBe('Artifact Hub');
    expect(parseSelfAssessmentTitle('[WIP] Argo CD project security self assessment — Security Pals')).toBe('Argo CD');
    expect(parseSelfAssessmentTitle('OpenFGA Security Self-Assessment: Security Pals')).toBe('OpenFGA');
    expect(parseSelfAssessmentTitle('Kyverno Security Self-Assessment')).toBeNull();
    expect(parseSelfAssessmentTitle('Fix typo in the Security Pals README')).toBeNull();
    expect(parseSelfAssessmentTitle(' Project Security Self-Assessment - Security Pals')).toBeNull();
  });

  it('reads API issues and pull requests, and refuses other shapes', () => {
    const pr = snapshotFromApi({
      number: 42,
      title: 'Kyverno Project Security Self-Assessment - Security Pals',
      state: 'open',
      labels: [{ name: 'assessment' }, 'in-progress'],
      assignees: [{ login: 'pal' }],
      milestone: null,
      comments: 2,
      updated_at: '2026-11-01T10:00:00Z',
      repository_url: 'https://api.github.com/repos/cncf/tag-security',
      pull_request: { url: 'https://api.github.com/repos/cncf/tag-security/pulls/42' },
    });
    if ('error' in pr) throw new Error(pr.error);
    expect(pr).toMatchObject({
      ref: { owner: 'cncf', repo: 'tag-security', number: 42, kind: 'pull' },
      labels: ['assessment', 'in-progress'],
    });
    expect(discovered(pr)).toMatchObject({
      issue: 'cncf/tag-security#42',
      url: 'https://github.com/cncf/tag-security/pull/42',
      project: 'Kyverno',
      suggestedName: 'Kyverno',
    });
    expect(snapshotFromApi({ message: 'Not Found' })).toEqual({ error: 'GitHub sent an answer that is not an issue' });
  });

  it('refuses a repository_url whose names break the issue grammar (a hostile GitHub)', () => {
    const issue = { number: 7, title: 't', state: 'open', labels: [], comments: 0, updated_at: '2026-11-01T10:00:00Z' };
    for (const repository_url of [
      'https://api.github.com/repos/o/..%2F..%2Fadmin',
      'https://api.github.com/repos/o/%E0%A4%A',
      'https://api.github.com/repos/-bad/r',
      'https://api.github.com/repos/o/r%23x',
    ]) {
      expect(snapshotFromApi({ ...issue, repository_url }), repository_url).toEqual({
        error: 'GitHub sent an issue whose repository is not a valid name',
      });
    }
  });

  it('parses repositories as owner/repo or URL', () => {
    expect(parseRepoRef('cncf/tag-security')).toEqual({ owner: 'cncf', repo: 'tag-security' });
    expect(parseRepoRef('https://github.com/cncf/tag-security/')).toEqual({ owner: 'cncf', repo: 'tag-security' });
    expect(parseRepoRef('cncf')).toHaveProperty('error', expect.stringMatching(/owner\/repo/));
    expect(parseRepoRef('cncf/..')).toHaveProperty('error');
  });

  it('offers only issues no engagement links yet, each once', () => {
    const doc = addEngagement(emptyDoc(), { name: 'Kyverno', issue: 'CNCF/tag-security#1' }, { id: 'kyv', at }).doc;
    const item = (n: number) => ({
      issue: `cncf/tag-security#${n}`,
      url: '',
      kind: 'issue' as const,
      title: 't',
      state: 'open' as const,
      labels: [],
      project: null,
      suggestedName: 't',
      known: null,
      match: null,
    });
    expect(unlinked(doc, [item(1), item(2), item(2), item(3)]).map((d) => d.issue)).toEqual(['cncf/tag-security#2', 'cncf/tag-security#3']);
  });

  it('adds Intake cards linked to their issues, skipping taken names and linked issues', () => {
    const doc = addEngagement(emptyDoc(), { name: 'Kyverno', phase: 'draft', issue: 'cncf/tag-security#1' }, { id: 'kyv', at }).doc;
    const result = addDiscovered(
      doc,
      [
        { issue: 'cncf/tag-security#42', name: 'Argo', title: 'Argo Project Security Self-Assessment - Security Pals', kind: 'pull' },
        { issue: 'cncf/tag-security#1', name: 'Again' },
        { issue: 'cncf/tag-security#43', name: 'kyverno' },
        { issue: 'not a link', name: 'Bad' },
      ],
      ['id01', 'id02', 'id03', 'id04'],
      at,
    );
    expect(result.value.added).toHaveLength(1);
    expect(result.value.added[0]).toMatchObject({
      id: 'id01',
      name: 'Argo',
      phase: 'intake',
      github: {
        issue: 'cncf/tag-security#42',
        kind: 'pull',
        url: 'https://github.com/cncf/tag-security/pull/42',
        title: 'Argo Project Security Self-Assessment - Security Pals',
      },
    });
    expect(result.value.skipped.map((s) => [s.issue, s.reason])).toEqual([
      ['cncf/tag-security#1', 'already linked to "Kyverno" (id kyv)'],
      ['cncf/tag-security#43', expect.stringMatching(/"Kyverno" already exists/)],
      ['not a link', expect.stringMatching(/not an issue reference/)],
    ]);
    expect(result.doc.engagements).toHaveLength(2);
  });
});
