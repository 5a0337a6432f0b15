import { describe, expect, it } from 'vitest';
import { ASSESSMENT_TEMPLATE_URL, assessmentPullRequest, assessmentStarter } from '../../shared/assessment.js';
import { TEMPLATE_OUTLINE } from '../../shared/assessment-template.js';
import { addEngagement } from '../../shared/engagements.js';
import { TEMPLATE_SECTIONS } from '../../shared/github/assessment-progress.js';
import { emptyDoc } from '../../shared/schema.js';
import { STARTER_HEADINGS } from '../fixtures/assessment-headings.js';

const at = '2026-09-01T09:00:00.000Z';

function kyverno() {
  return addEngagement(
    emptyDoc(),
    {
      name: 'Kyverno',
      maturity: 'incubating',
      repo: 'https://github.com/kyverno/kyverno',
      issue: 'cncf/tag-security#1234',
      pals: ['Ann', 'Bo'],
      contacts: [
        { name: 'Jim Bugwadia', github: 'JimBugwadia', email: null, role: 'maintainer' },
        { name: 'Security team', github: null, email: 'security@kyverno.io', role: null },
      ],
    },
    { id: 'kyv', at },
  ).doc.engagements[0]!;
}

describe('the self-assessment starter', () => {
  const text = assessmentStarter(kyverno(), '2026-11-27');
  const lines = text.split('\n');

  it('has the template’s sections and sub-sections, in its order', () => {
    expect(lines.filter((l) => /^#{1,4} /.test(l))).toEqual(['# Kyverno Self-assessment', '## Table of contents', ...STARTER_HEADINGS]);
    // The table of contents as the template writes it, sub-sections indented.
    expect(text).toContain(
      '* [Metadata](#metadata)\n  * [Security links](#security-links)\n* [Overview](#overview)\n  * [Actors](#actors)',
    );
  });

  it('has every bullet item of the later sections, sub-items indented under theirs', () => {
    const items = lines.filter((l) => /^\s*\* \*\*/.test(l)).map((l) => l.replace(/\.\*\*.*$/, '').replace('* **', ''));
    expect(items).toEqual([
      'Critical',
      'Security Relevant',
      'Compliance',
      'Development Pipeline',
      'Communication Channels',
      '  Internal',
      '  Inbound',
      '  Outbound',
      'Ecosystem',
      'Responsible Disclosures Process',
      '  Vulnerability Response Process',
      'Incident Response',
      'Known Issues Over Time',
      '[OpenSSF Best Practices](https://www.bestpractices.dev/en)',
      'Case Studies',
      'Related Projects / Vendors',
    ]);
  });

  it('fills the Metadata and Security links tables from the engagement, Assessment Stage "Incomplete"', () => {
    expect(text).toContain(
      [
        '|||',
        '| -- | -- |',
        '| Assessment Stage | Incomplete |',
        '| Software | https://github.com/kyverno/kyverno |',
        "| Security Provider | _Yes or No: is the project's main function to secure the systems it is part of?_ |",
      ].join('\n'),
    );
    expect(text).toMatch(/\| Languages \| _.+_ \|\n\| SBOM \| _.+_ \|/);
    expect(text).not.toMatch(/In progress/i);
    // The security file is not guessed (`<repo>/security/policy` may not exist): the template's placeholder stays.
    expect(text).toContain(
      '| Doc | url |\n| -- | -- |\n| Security file | <https://my.security.file> |\n| Default and optional configs | <https://example.org/config> |',
    );
    expect(text).not.toContain('/security/policy');
  });

  it('names the template it follows, the maturity, the contacts, the pals and the tracking issue', () => {
    expect(text).toContain(ASSESSMENT_TEMPLATE_URL);
    expect(ASSESSMENT_TEMPLATE_URL).toBe('https://github.com/cncf/tag-security/blob/main/community/assessments/guide/self-assessment.md');
    expect(text).toContain('Kyverno is a CNCF incubating project.');
    expect(text).toContain('Project contacts: Jim Bugwadia (@JimBugwadia, maintainer); Security team (security@kyverno.io).');
    expect(text).toContain('with help from Ann, Bo (CNCF TAG Security, Security Pals), started 2026-11-27');
    expect(text).toContain('Tracking issue: https://github.com/cncf/tag-security/issues/1234.');
    expect(text).toMatch(/Vulnerability Response Process\.\*\* _.*Known contacts: Jim Bugwadia/);
  });

  it('leaves the repository as a prompt when none is linked', () => {
    const bare = addEngagement(emptyDoc(), { name: 'Argo' }, { id: 'arg', at }).doc.engagements[0]!;
    const t = assessmentStarter(bare, '2026-11-27');
    expect(t).toContain("| Software | _A link to the software's repository._ |");
    expect(t).toContain('| Security file | <https://my.security.file> |');
  });
});

describe('the starter follows the current template', () => {
  const text = assessmentStarter(kyverno(), '2026-11-27');

  it('says "OpenSSF Best Practices", linked as the template links it, never "CII Best Practices"', () => {
    expect(text).toContain('* **[OpenSSF Best Practices](https://www.bestpractices.dev/en).**');
    expect(text).not.toMatch(/CII/);
  });

  it('keeps the template’s markdown-link-check comments around the Security links table', () => {
    expect(text).toMatch(
      /### Security links\n\n<!-- markdown-link-check-disable -->\n[^\n]*\n\| Doc \| url \|\n\| -- \| -- \|\n\| Security file \|[^\n]*\n\| Default and optional configs \|[^\n]*\n<!-- markdown-link-check-enable -->\n/,
    );
  });

  it('uses the security policy file the intake check found, never the repository home it falls back to', () => {
    const check = (url: string, found = true) => ({
      ...kyverno(),
      securityCheck: {
        found: 'some-docs' as const,
        evidence: [{ kind: 'policy' as const, url, found, failed: false, detail: 'SECURITY.md found' }],
        scorecard: null,
        checkedAt: '2026-11-20T00:00:00.000Z',
        error: null,
        etags: {},
      },
    });
    const file = 'https://github.com/kyverno/kyverno/blob/main/SECURITY.md';
    expect(assessmentStarter(check(file), '2026-11-27')).toContain(`| Security file | ${file} |`);
    expect(assessmentStarter(check('https://github.com/kyverno/kyverno'), '2026-11-27')).toContain(
      '| Security file | <https://my.security.file> |',
    );
    expect(assessmentStarter(check(file, false), '2026-11-27')).toContain('| Security file | <https://my.security.file> |');
  });

  it('uses the security policy file once one was found', () => {
    const found = assessmentStarter(kyverno(), '2026-11-27', { securityFile: 'https://github.com/kyverno/kyverno/blob/main/SECURITY.md' });
    expect(found).toContain('| Security file | https://github.com/kyverno/kyverno/blob/main/SECURITY.md |');
    expect(found).not.toContain('my.security.file');
  });

  it('writes the sections the progress reader counts, from the one outline both use', () => {
    const sections = text
      .split('\n')
      .filter((l) => l.startsWith('## ') && l !== '## Table of contents')
      .map((l) => l.slice(3));
    expect(sections).toEqual([...TEMPLATE_SECTIONS]);
    expect(TEMPLATE_SECTIONS).toEqual(TEMPLATE_OUTLINE.map((s) => s.title));
  });
});

describe('the self-assessment as a pull request', () => {
  it('is a ready title, path and description for the project’s repository, with the document', () => {
    const pr = assessmentPullRequest(kyverno(), '2026-11-27');
    expect(pr).toMatchObject({
      repo: 'https://github.com/kyverno/kyverno',
      title: "docs: add Kyverno's security self-assessment",
      path: 'docs/security/self-assessment.md',
    });
    expect(pr.body).toContain(ASSESSMENT_TEMPLATE_URL);
    expect(pr.body).toContain('Tracking issue: https://github.com/cncf/tag-security/issues/1234');
    expect(pr.body).toContain('- [ ] Overview: Background, Actors, Actions, Goals, Non-goals');
    expect(pr.body).toContain('set the Assessment Stage to Complete');
    expect(pr.document).toBe(assessmentStarter(kyverno(), '2026-11-27'));
  });
});
