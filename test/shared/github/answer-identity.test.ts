/** Which answers may stand for the issue asked for (shared/github/answer-identity.ts). */
import { describe, expect, it } from 'vitest';
import { answerIdentityProblem } from '../../../shared/github/answer-identity.js';

const asked = { owner: 'cncf', repo: 'tag-security', number: 101 };

describe('answerIdentityProblem', () => {
  it('takes the issue asked for, in GitHub’s own spelling of the names', () => {
    expect(answerIdentityProblem(asked, asked, '/repos/cncf/tag-security/issues/101')).toBeNull();
    expect(answerIdentityProblem({ ...asked, owner: 'CNCF' }, asked, '/repos/CNCF/tag-security/issues/101')).toBeNull();
    expect(answerIdentityProblem(asked, asked, null)).toBeNull();
  });

  it('refuses another issue at the address asked', () => {
    expect(answerIdentityProblem(asked, { owner: 'victim', repo: 'other', number: 999 }, '/repos/cncf/tag-security/issues/101')).toBe(
      'GitHub answered for victim/other#999 when asked for cncf/tag-security#101 (an issue moves only through GitHub’s own redirect); the answer was refused and the link left as it is',
    );
    expect(answerIdentityProblem(asked, { ...asked, number: 102 }, null)).toMatch(/^GitHub answered for cncf\/tag-security#102/);
  });

  it('follows a redirect only to the issue it names', () => {
    const moved = { owner: 'kyverno', repo: 'community', number: 9 };
    expect(answerIdentityProblem(asked, moved, '/repositories/42/issues/9')).toBeNull();
    expect(answerIdentityProblem(asked, moved, '/repos/kyverno/community/issues/9')).toBeNull();
    expect(answerIdentityProblem(asked, moved, '/repositories/42/issues/10')).toMatch(/not the issue GitHub redirected to/);
    expect(answerIdentityProblem(asked, moved, '/repos/victim/other/issues/9')).toMatch(/not the issue GitHub redirected to/);
    expect(answerIdentityProblem(asked, moved, '/user')).toMatch(/from an address that is not an issue/);
  });
});
