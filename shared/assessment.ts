/**
 * A self-assessment starter that follows CNCF TAG Security's template section by section and
 * item by item (ASSESSMENT_TEMPLATE_URL): the Metadata table (Assessment Stage "Incomplete",
 * Software, Security Provider, Languages, SBOM), the Security links table, the Overview's
 * Background, Actors, Actions, Goals and Non-goals, and the bullet items of the later sections.
 * What the engagement knows (repository, maturity, contacts, pals, tracking issue) is filled in;
 * everything else is a short prompt in our own words, in italics, for the maintainers to replace.
 * Also offered as a ready pull request for the project's repository.
 */
import { anchorOf, TEMPLATE_OUTLINE, type TemplateItem } from './assessment-template.js';
import type { AssessmentPr } from './deck/formats.js';
import { prose, storedText } from './deck/escape.js';
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

/** The template's placeholders in the Security links table, kept until the real file is known. */
const SECURITY_FILE_PLACEHOLDER = '<https://my.security.file>';
const CONFIGS_PLACEHOLDER = '<https://example.org/config>';

/** Our own prompt for each of the template's bullet items (the names come from TEMPLATE_OUTLINE). */
const ITEM_PROMPTS: Readonly<Record<string, string>> = {
  Critical: 'The critical security components, which cannot be configured away, and why each matters; use them for threat modeling.',
  'Security Relevant':
    'The security-relevant components and settings users can change (deployment configurations, settings), with a short description.',
  Compliance: 'Security standards the project is documented as meeting (PCI-DSS, COBIT, ISO, GDPR, …), or "none yet".',
  'Development Pipeline':
    'How code is tested and assessed as it is developed and built: signed commits, reviewers per merge, automated vulnerability checks, signed and immutable images.',
  'Communication Channels': 'Where it is documented how to reach the team.',
  Internal: 'How team members talk to each other.',
  Inbound: 'How users and prospective users reach the team.',
  Outbound: 'How the team tells its users (an announcement list, for example).',
  Ecosystem: 'How the software fits into the cloud native ecosystem, and how widely it is used through it.',
  'Responsible Disclosures Process':
    'How suspected security issues, incidents or vulnerabilities found inside or outside the project are reported and disclosed, and how the project communicates about them.',
  'Vulnerability Response Process': 'Who responds to a report, how reporting works, and how the project responds.',
  'Incident Response':
    'The procedures for triage, confirmation, notification of a vulnerability or incident, and making patches or updates available.',
  'Known Issues Over Time':
    'Past vulnerabilities, with links, or statistics about them; if none were reported, the record of catching issues in review or automated testing.',
  'OpenSSF Best Practices': 'Where the project stands on the OpenSSF Best Practices badge, and what it needs to earn it.',
  'Case Studies': 'Two or three real-world uses of the project, for context.',
  'Related Projects / Vendors': 'How the project differs from the ones users ask about; reviewers will ask the same.',
};

/** Our own prompt for each Overview subsection. */
const SUBSECTION_PROMPTS: Readonly<Record<string, string>> = {
  Background: 'The problem the project solves and the domain it works in, for a reviewer new to it.',
  Actors:
    'The separate parts of the system (processes, services, users) and how each is isolated from the others, which is what stops an attacker from moving on after a compromise.',
  Actions: 'The main flows: which actor does what, which security checks it makes, and where sensitive data is used.',
  Goals: 'The security guarantees the project means to give its users.',
  'Non-goals': 'What a reader might expect the project to protect against, but it does not.',
};

/** One bullet item as the template writes it (name first, linked where the template links it), with our prompt. */
function bullet(i: TemplateItem, extra = ''): string {
  const name = i.link ? `[${i.name}](${i.link})` : i.name;
  return `${'  '.repeat(i.depth)}* **${name}.** ${prompt(`${ITEM_PROMPTS[i.name]!}${extra}`)}`;
}

/** The items of a template section, in order. */
function itemsOf(title: string): readonly TemplateItem[] {
  return TEMPLATE_OUTLINE.find((s) => s.title === title)!.items;
}

function person(p: Person): string {
  const parts = [p.github ? `@${prose(p.github)}` : '', p.role ? prose(p.role) : '', p.email ? prose(p.email) : ''].filter(Boolean);
  return `${prose(p.name)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** What the starter knows beyond the engagement: the project's real security policy file, once something found it. */
export interface StarterFacts {
  readonly securityFile?: string | null;
}

/** The security policy file `pals intake check` found (its link to the file itself, not the repository's home), or null. */
function foundPolicy(e: Engagement): string | null {
  const policy = e.securityCheck?.evidence.find((x) => x.kind === 'policy' && x.found && !x.failed);
  return policy?.url && /^https:\/\/github\.com\/[^/]+\/[^/]+\/.+/.test(policy.url) ? policy.url : null;
}

/** The starter document for one engagement, as Markdown. */
export function assessmentStarter(e: Engagement, today: string, facts: StarterFacts = {}): string {
  const name = prose(e.name);
  const pals = e.pals.length ? e.pals.map(prose).join(', ') : 'a Security Pal';
  const repo = e.repo ? urlText(e.repo) : null;
  const found = facts.securityFile ?? foundPolicy(e);
  const securityFile = found ? urlText(found) : SECURITY_FILE_PLACEHOLDER;
  const contacts = e.contacts.map(person);
  const known = contacts.length ? ` Known contacts: ${contacts.join('; ')}.` : '';
  const about = [
    `${name} is a CNCF ${prose(storedText(e.maturity))} project.`,
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
    ...TEMPLATE_OUTLINE.flatMap((sec) => [
      `* [${sec.title}](#${anchorOf(sec.title)})`,
      ...sec.toc.map((sub) => `  * [${sub}](#${anchorOf(sub)})`),
    ]),
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
    '<!-- markdown-link-check-disable -->',
    prompt('Links to the project’s existing security documentation; replace the placeholders.'),
    '| Doc | url |',
    '| -- | -- |',
    `| Security file | ${securityFile} |`,
    `| Default and optional configs | ${CONFIGS_PLACEHOLDER} |`,
    '<!-- markdown-link-check-enable -->',
    '',
    '## Overview',
    '',
    prompt('One or two sentences that say what the project is and set it apart, for a reader comparing many projects.'),
    '',
    ...TEMPLATE_OUTLINE[1]!.subsections.flatMap((sub) => [`### ${sub}`, '', prompt(SUBSECTION_PROMPTS[sub]!), '']),
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
    ...TEMPLATE_OUTLINE.slice(3).flatMap((sec) => [
      `## ${sec.title}`,
      '',
      ...itemsOf(sec.title).map((i) => bullet(i, i.name === 'Vulnerability Response Process' ? known : '')),
      '',
    ]),
  ].join('\n');
}

/** The starter as a ready pull request for the engagement's repository. */
export function assessmentPullRequest(e: Engagement, today: string): AssessmentPr {
  const name = prose(e.name);
  const pals = e.pals.length ? e.pals.map(prose).join(', ') : 'a Security Pal';
  const sections = TEMPLATE_OUTLINE.flatMap((sec) => {
    if (sec.fields.length) return [`${sec.title}: ${sec.fields.join(', ')}`, ...sec.subsections];
    return [sec.subsections.length ? `${sec.title}: ${sec.subsections.join(', ')}` : sec.title];
  });
  const body = [
    `This pull request starts ${name}'s security self-assessment in \`${ASSESSMENT_PATH}\`, following CNCF TAG Security's template: ${ASSESSMENT_TEMPLATE_URL}`,
    '',
    `The metadata is filled in (${e.repo ? `${urlText(e.repo)}, ` : ''}CNCF ${prose(storedText(e.maturity))}); every other section holds a short prompt, in italics, for the maintainers to replace. ` +
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
