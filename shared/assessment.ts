/**
 * A self-assessment starter that follows CNCF TAG Security's template section by section and
 * item by item (ASSESSMENT_TEMPLATE_URL): the Metadata table (Assessment Stage "Incomplete",
 * Software, Security Provider, Languages, SBOM), the Security links table, the Overview's
 * Background, Actors, Actions, Goals and Non-goals, and the bullet items of the later sections.
 * What the engagement knows (repository, maturity, contacts, pals, tracking issue) is filled in;
 * everything else is a short prompt in our own words, in italics, for the maintainers to replace.
 * Also offered as a ready pull request for the project's repository.
 */
import type { AssessmentPr } from './deck/formats.js';
import { prose } from './deck/escape.js';
import type { Engagement, Person } from './schema.js';

/** The template this starter follows. */
export const ASSESSMENT_TEMPLATE_URL = 'https://github.com/cncf/tag-security/blob/main/community/assessments/guide/self-assessment.md';

/** Where the pull request puts the document in the project's repository. */
export const ASSESSMENT_PATH = 'docs/security/self-assessment.md';

/** A stored http(s) URL as markdown text: characters that could start markup are percent-encoded. */
function urlText(url: string): string {
  return url.replace(/[\s<>|\\`*{}[\]!~$"']/g, (c) =>
    c.charCodeAt(0) < 128 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c),
  );
}

const prompt = (text: string) => `_${text}_`;
const item = (name: string, text: string, depth = 0) => `${'  '.repeat(depth)}* **${name}.** ${prompt(text)}`;

function person(p: Person): string {
  const parts = [p.github ? `@${prose(p.github)}` : '', p.role ? prose(p.role) : '', p.email ? prose(p.email) : ''].filter(Boolean);
  return `${prose(p.name)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** The GitHub "security policy" page of a github.com repository, where SECURITY.md shows. */
function policyUrl(repo: string | null): string | null {
  const m = repo ? /^https:\/\/github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(repo) : null;
  return m ? `https://github.com/${m[1]}/${m[2]}/security/policy` : null;
}

/** The starter document for one engagement, as Markdown. */
export function assessmentStarter(e: Engagement, today: string): string {
  const name = prose(e.name);
  const pals = e.pals.length ? e.pals.map(prose).join(', ') : 'a Security Pal';
  const repo = e.repo ? urlText(e.repo) : null;
  const policy = policyUrl(e.repo);
  const contacts = e.contacts.map(person);
  const known = contacts.length ? ` Known contacts: ${contacts.join('; ')}.` : '';
  const about = [
    `${name} is a CNCF ${e.maturity} project.`,
    contacts.length ? `Project contacts: ${contacts.join('; ')}.` : '',
    e.github ? `Tracking issue: ${urlText(e.github.url)}.` : '',
  ].filter(Boolean);
  return [
    `# ${name} Self-assessment`,
    '',
    prompt(
      `Written by the ${name} maintainers with help from ${pals} (CNCF TAG Security, Security Pals), started ${today}. ` +
        `It follows TAG Security's self-assessment template: ${ASSESSMENT_TEMPLATE_URL}`,
    ),
    '',
    about.join(' '),
    '',
    '## Table of contents',
    '',
    '* [Metadata](#metadata)',
    '  * [Security links](#security-links)',
    '* [Overview](#overview)',
    '  * [Actors](#actors)',
    '  * [Actions](#actions)',
    '  * [Background](#background)',
    '  * [Goals](#goals)',
    '  * [Non-goals](#non-goals)',
    '* [Self-assessment use](#self-assessment-use)',
    '* [Security functions and features](#security-functions-and-features)',
    '* [Project compliance](#project-compliance)',
    '* [Secure development practices](#secure-development-practices)',
    '* [Security issue resolution](#security-issue-resolution)',
    '* [Appendix](#appendix)',
    '',
    '## Metadata',
    '',
    '|||',
    '| -- | -- |',
    '| Assessment Stage | Incomplete |',
    `| Software | ${repo ?? prompt("A link to the software's repository.")} |`,
    `| Security Provider | ${prompt("Yes or No: is the project's main function to secure the systems it is part of?")} |`,
    `| Languages | ${prompt('The languages the project is written in.')} |`,
    `| SBOM | ${prompt('A link to the software bill of materials: the libraries, packages and versions the project uses.')} |`,
    '',
    '### Security links',
    '',
    '| Doc | url |',
    '| -- | -- |',
    `| Security file | ${policy ?? prompt('A link to SECURITY.md')} |`,
    `| Default and optional configs | ${prompt('A link to the documented secure defaults and optional settings')} |`,
    '',
    '## Overview',
    '',
    prompt('One or two sentences that say what the project is and set it apart, for a reader comparing many projects.'),
    '',
    '### Background',
    '',
    prompt('The problem the project solves and the domain it works in, for a reviewer new to it.'),
    '',
    '### Actors',
    '',
    prompt(
      'The separate parts of the system (processes, services, users) and how each is isolated from the others, which is what stops an attacker from moving on after a compromise.',
    ),
    '',
    '### Actions',
    '',
    prompt('The main flows: which actor does what, which security checks it makes, and where sensitive data is used.'),
    '',
    '### Goals',
    '',
    prompt('The security guarantees the project means to give its users.'),
    '',
    '### Non-goals',
    '',
    prompt('What a reader might expect the project to protect against, but it does not.'),
    '',
    '## Self-assessment use',
    '',
    `This self-assessment was written by the ${name} team as an internal analysis of the project's security. ` +
      `It is not a security audit of ${name}, nor an independent assessment or attestation of its security health.`,
    '',
    `It gives ${name}'s users a first understanding of the project's security, where its security documentation is, ` +
      'its plans for security and its security practices, both in developing the project and in the project itself.',
    '',
    `It gives CNCF TAG Security a first understanding of ${name} for a joint assessment (needed for incubation); with that ` +
      `assessment, it is the ground to build on if ${name} seeks graduation and prepares for a security audit.`,
    '',
    '## Security functions and features',
    '',
    item(
      'Critical',
      'The critical security components, which cannot be configured away, and why each matters; use them for threat modeling.',
    ),
    item(
      'Security Relevant',
      'The security-relevant components and settings users can change (deployment configurations, settings), with a short description.',
    ),
    '',
    '## Project compliance',
    '',
    item('Compliance', 'Security standards the project is documented as meeting (PCI-DSS, COBIT, ISO, GDPR, …), or "none yet".'),
    '',
    '## Secure development practices',
    '',
    item(
      'Development Pipeline',
      'How code is tested and assessed as it is developed and built: signed commits, reviewers per merge, automated vulnerability checks, signed and immutable images.',
    ),
    item('Communication Channels', 'Where it is documented how to reach the team.'),
    item('Internal', 'How team members talk to each other.', 1),
    item('Inbound', 'How users and prospective users reach the team.', 1),
    item('Outbound', 'How the team tells its users (an announcement list, for example).', 1),
    item('Ecosystem', 'How the software fits into the cloud native ecosystem, and how widely it is used through it.'),
    '',
    '## Security issue resolution',
    '',
    item(
      'Responsible Disclosures Process',
      'How suspected security issues, incidents or vulnerabilities found inside or outside the project are reported and disclosed, and how the project communicates about them.',
    ),
    item('Vulnerability Response Process', `Who responds to a report, how reporting works, and how the project responds.${known}`, 1),
    item(
      'Incident Response',
      'The procedures for triage, confirmation, notification of a vulnerability or incident, and making patches or updates available.',
    ),
    '',
    '## Appendix',
    '',
    item(
      'Known Issues Over Time',
      'Past vulnerabilities, with links, or statistics about them; if none were reported, the record of catching issues in review or automated testing.',
    ),
    item(
      'CII Best Practices',
      'Where the project stands on the OpenSSF (formerly CII) Best Practices badge, https://www.bestpractices.dev/, and what it needs to earn it.',
    ),
    item('Case Studies', 'Two or three real-world uses of the project, for context.'),
    item('Related Projects / Vendors', 'How the project differs from the ones users ask about; reviewers will ask the same.'),
    '',
  ].join('\n');
}

/** The starter as a ready pull request for the engagement's repository. */
export function assessmentPullRequest(e: Engagement, today: string): AssessmentPr {
  const name = prose(e.name);
  const pals = e.pals.length ? e.pals.map(prose).join(', ') : 'a Security Pal';
  const sections = [
    'Metadata: Assessment Stage, Software, Security Provider, Languages, SBOM',
    'Security links',
    'Overview: Background, Actors, Actions, Goals, Non-goals',
    'Self-assessment use',
    'Security functions and features',
    'Project compliance',
    'Secure development practices',
    'Security issue resolution',
    'Appendix',
  ];
  const body = [
    `This pull request starts ${name}'s security self-assessment in \`${ASSESSMENT_PATH}\`, following CNCF TAG Security's template: ${ASSESSMENT_TEMPLATE_URL}`,
    '',
    `The metadata is filled in (${e.repo ? `${urlText(e.repo)}, ` : ''}CNCF ${e.maturity}); every other section holds a short prompt, in italics, for the maintainers to replace. ` +
      'A self-assessment is the maintainers’ own view of the project’s security, not an audit.',
    '',
    `${pals} (CNCF TAG Security, Security Pals) can help with any section.${e.github ? ` Tracking issue: ${urlText(e.github.url)}` : ''}`,
    '',
    '### Sections',
    '',
    ...sections.map((s) => `- [ ] ${s}`),
    '',
    'When every section is written, set the Assessment Stage to Complete and ask TAG Security for a review.',
    '',
  ].join('\n');
  return {
    repo: e.repo,
    title: `docs: add ${e.name.replace(/\s+/g, ' ').trim()}'s security self-assessment`,
    path: ASSESSMENT_PATH,
    body,
    document: assessmentStarter(e, today),
  };
}
