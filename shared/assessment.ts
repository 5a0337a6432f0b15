/**
 * A self-assessment starter: TAG Security's self-assessment outline with the project's
 * metadata filled in and a short prompt under each heading. The prompts are our own words.
 */
import { prose } from './deck/escape.js';
import type { Engagement } from './schema.js';

const section = (heading: string, prompt: string) => `${heading}\n\n_${prompt}_\n`;

/** The starter document for one engagement, as Markdown. */
export function assessmentStarter(e: Engagement, today: string): string {
  const pals = e.pals.length ? e.pals.map(prose).join(', ') : 'the Security Pal';
  const repo = e.repo ? prose(e.repo) : '_link to the main repository_';
  return [
    `# ${prose(e.name)} Self-Assessment`,
    '',
    `_Security Pals: written by the ${prose(e.name)} maintainers with help from ${pals} (CNCF TAG Security), started ${today}._`,
    '',
    '## Table of contents',
    '',
    '* [Metadata](#metadata)',
    '* [Overview](#overview)',
    '* [Self-assessment use](#self-assessment-use)',
    '* [Security functions and features](#security-functions-and-features)',
    '* [Project compliance](#project-compliance)',
    '* [Secure development practices](#secure-development-practices)',
    '* [Security issue resolution](#security-issue-resolution)',
    '* [Appendix](#appendix)',
    '',
    '## Metadata',
    '',
    '| | |',
    '| --- | --- |',
    `| Assessment stage | In progress |`,
    `| Software | ${repo} |`,
    `| Security provider | _Is the project's main purpose security? Yes or no._ |`,
    `| Languages | _The languages the code base is written in._ |`,
    `| SBOM | _Where the software bill of materials is published, if there is one._ |`,
    `| CNCF maturity | ${e.maturity} |`,
    '',
    '### Security links',
    '',
    '| Doc | URL |',
    '| --- | --- |',
    '| Security file | _Link to SECURITY.md_ |',
    '| Default and optional configs | _Link to the documented secure defaults_ |',
    '',
    '## Overview',
    '',
    '_Two or three sentences: what the project is and who uses it._',
    '',
    section('### Background', 'The problem the project solves and the context it runs in, for a reader new to it.'),
    section('### Actors', 'The separate components (processes, services, users) and what each may access; draw the trust boundaries.'),
    section('### Actions', 'What the actors do together in the main flows, and where each one checks what it receives.'),
    section('### Goals', 'The security guarantees the project intends to give its users.'),
    section('### Non-goals', 'What the project deliberately does not protect against, so users do not assume it.'),
    section(
      '## Self-assessment use',
      'Say that this document is the maintainers’ own view, to inform users and reviewers, and not a security audit or certification.',
    ),
    section(
      '## Security functions and features',
      'The critical components an attacker would target, and the security-relevant settings users can change.',
    ),
    section('## Project compliance', 'Standards or regulations the project complies with (for example FIPS or PCI-DSS), or "none yet".'),
    section(
      '## Secure development practices',
      'How code gets in: reviews, signed commits, CI checks, dependency updates, fuzzing, and how the team communicates.',
    ),
    section(
      '## Security issue resolution',
      'How to report a vulnerability, who responds, how fixes and disclosure happen, and the incident response plan.',
    ),
    section('## Appendix', 'Known past issues, OpenSSF Best Practices status, case studies, and related projects or vendors.'),
  ].join('\n');
}
