import { describe, expect, it } from 'vitest';
import { ASSESSMENT_TEMPLATE_URL, assessmentPullRequest, assessmentStarter } from '../../shared/assessment.js';
import { addEngagement } from '../../shared/engagements.js';
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
      'CII Best Practices',
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
    expect(text).toContain(
      '| Doc | url |\n| -- | -- |\n| Security file | https://github.com/kyverno/kyverno/security/policy |\n| Default and optional configs |',
    );
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
    expect(t).toContain('| Security file | _A link to SECURITY.md_ |');
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
