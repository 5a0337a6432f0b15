/**
 * The GitHub part of `pals show` and `pals board`: the linked issue as the last sync saw it
 * (state, labels, assignees against the pals, last activity, sync state), a conflict with
 * GitHub, and the self-assessment PR's progress per template section.
 */
import { describeMatch, matchAssignees } from '../../shared/github/assignees.js';
import { PHASE_TITLES } from '../../shared/phases.js';
import type { CardView, EngagementView } from '../../shared/view.js';
import { oneLine } from './text.js';

const day = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never');

/** The lines about the issue, a conflict and the PR (indented like the rest of `show`). */
export function githubLines(e: EngagementView, palLogins: Readonly<Record<string, string>>): string[] {
  const g = e.github;
  if (!g) return ['  issue      not linked', ...prLines(e)];
  const lines = [`  issue      ${g.issue}${g.state ? ` (${g.state})` : ''}${g.title ? ` ${oneLine(g.title)}` : ''}`];
  if (g.labels.length > 0) lines.push(`  labels     ${g.labels.map(oneLine).join(', ')}`);
  const match = matchAssignees(g.assignees, e.pals, palLogins);
  const who = g.assignees.map(oneLine).join(', ') || 'nobody';
  lines.push(`  assignees  ${who} (${oneLine(describeMatch(match))})`);
  lines.push(`  activity   last change on GitHub ${day(g.updatedAt)}; synced ${day(g.syncedAt)}`);
  if (g.error) lines.push(`  link       broken: ${oneLine(g.error)}`);
  if (g.conflict) {
    lines.push(
      `  CONFLICT   GitHub says ${PHASE_TITLES[g.conflict.remote]}, the card is in ${PHASE_TITLES[g.conflict.local]} ` +
        `(seen ${day(g.conflict.detectedAt)}); neither is overwritten: pals resolve ${e.id} --keep-mine or --take-github`,
    );
  }
  return [...lines, ...prLines(e)];
}

function prLines(e: EngagementView): string[] {
  const pr = e.pr;
  if (!pr) return [];
  const lines = [`  PR         ${pr.pr}${pr.path ? ` ${oneLine(pr.path)}` : ''}`];
  if (pr.error) lines.push(`  progress   unknown: ${oneLine(pr.error)}`);
  else if (pr.total === 0) lines.push('  progress   not read yet (pals sync reads it)');
  else {
    lines.push(`  progress   ${pr.filled} of ${pr.total} sections filled`);
    for (const s of pr.sections) lines.push(`             [${s.filled ? 'x' : ' '}] ${oneLine(s.title)}`);
  }
  return lines;
}

/** The board's footer: each card in conflict with GitHub, and what each side says. */
export function conflictLines(cards: readonly CardView[]): string[] {
  const conflicts = cards.filter((c) => c.github?.conflict);
  if (conflicts.length === 0) return [];
  return [
    '',
    `≠ conflict with GitHub (${conflicts.length}); settle each with pals resolve REF --keep-mine|--take-github:`,
    ...conflicts.map((c) => {
      const k = c.github!.conflict!;
      return `  ${oneLine(c.name)}: card in ${PHASE_TITLES[k.local]}, GitHub says ${PHASE_TITLES[k.remote]}`;
    }),
  ];
}
