import { describe, expect, it } from 'vitest';
import { formatIssueRef, isHttpUrl, issueUrl, parseIssueRef } from '../../shared/issue-ref.js';

describe('issue links', () => {
  it('parses short refs and issue or pull URLs', () => {
    expect(parseIssueRef('cncf/tag-security#554')).toEqual({ owner: 'cncf', repo: 'tag-security', number: 554, kind: 'issue' });
    expect(parseIssueRef(' https://github.com/cncf/tag-security/issues/554 ')).toMatchObject({ number: 554, kind: 'issue' });
    const pull = parseIssueRef('https://github.com/cncf/tag-security/pull/1001/');
    expect(pull).toMatchObject({ kind: 'pull', number: 1001 });
    if ('error' in pull) throw new Error('unexpected');
    expect(formatIssueRef(pull)).toBe('cncf/tag-security#1001');
    expect(issueUrl(pull)).toBe('https://github.com/cncf/tag-security/pull/1001');
  });

  it.each([
    ['cncf/tag-security', /not an issue reference/],
    ['cncf/tag-security#0', /not an issue reference/],
    ['cncf#12', /not an issue reference/],
    ['http://github.com/cncf/x/issues/1', /not a github\.com link/],
    ['https://gitlab.com/cncf/x/issues/1', /not a github\.com link/],
    ['https://github.com/cncf/x/discussions/1', /does not point at an issue/],
    ['https://github.com/cncf/../issues/1', /does not point at an issue/],
    ['javascript:alert(1)', /not an issue reference/],
  ])('refuses %s with a clear message', (input, message) => {
    const parsed = parseIssueRef(input);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toMatch(message);
    expect((parsed as { error: string }).error).toMatch(/owner\/repo#123/);
  });

  it('accepts only http(s) URLs without credentials as links', () => {
    expect(isHttpUrl('https://github.com/kyverno/kyverno')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('file:///etc/passwd')).toBe(false);
    expect(isHttpUrl('https://user:pw@example.com')).toBe(false);
    expect(isHttpUrl('not a url')).toBe(false);
  });
});
