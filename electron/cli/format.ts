/** Human-readable `list` and `show` output (the `--json` forms print the data as is). */
import { dayOf } from '../../shared/dates.js';
import { describeLearning } from '../../shared/learnings.js';
import { PHASE_TITLES } from '../../shared/phases.js';
import type { EngagementView } from '../../shared/view.js';
import { githubLines } from './github-text.js';
import { block, fit, oneLine } from './text.js';

const DUE_WORDS = { none: '', 'on-track': 'on track', 'due-soon': 'due soon', overdue: 'OVERDUE' } as const;

function dueText(e: EngagementView): string {
  if (e.due.state === 'none') return '';
  return `${DUE_WORDS[e.due.state]} (${e.due.windowEnd})`;
}

/** One line per engagement, sorted by phase then name. */
export function formatList(views: readonly EngagementView[]): string {
  if (views.length === 0) return 'No engagements yet. Add one with: pals add --name NAME\n';
  const rows = views.map((e) => [e.id, oneLine(e.name), e.phase, e.maturity, e.kickoff ?? '', dueText(e)]);
  const header = ['ID', 'NAME', 'PHASE', 'MATURITY', 'KICKOFF', 'DUE'];
  const widths = [8, 28, 10, 10, 10, 22];
  return (
    [header, ...rows]
      .map((r) =>
        r
          .map((c, i) => fit(c, widths[i]!))
          .join(' ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** A note's attendees and action items (owner, due, done, id for `pals action done ID`), after its text. */
function noteExtras(n: EngagementView['notes'][number]): string[] {
  const lines: string[] = [];
  if (n.attendees.length) lines.push(`  attendees  ${n.attendees.map(oneLine).join(', ')}`);
  for (const a of n.actions) {
    const who = a.owner ? ` — ${oneLine(a.owner)}` : ' — no owner';
    const due = a.due ? `, due ${a.due}` : '';
    lines.push(`  [${a.done ? 'x' : ' '}] ${oneLine(a.text)}${who}${due} (${a.id})`);
  }
  return lines;
}

/** Everything about one engagement, notes included. */
/** `palLogins`: the settings' pal → GitHub login map (to compare the issue's assignees with the pals). */
export function formatEngagement(e: EngagementView, palLogins: Readonly<Record<string, string>> = {}): string {
  const lines = [
    `${oneLine(e.name)}  (${e.id})`,
    `  phase      ${PHASE_TITLES[e.phase]}${e.onHold ? ' — on hold' : ''}`,
    `  maturity   ${e.maturity}`,
    `  kickoff    ${e.kickoff ?? 'not set'}`,
    `  round      ${e.round}${e.roundMoves.length ? ` (moved from ${e.roundMoves.map((m) => m.from).join(', ')})` : ''}`,
    `  intake     score ${e.score}; security ${e.criteria.security}, priority ${e.criteria.priority ?? 'not set'}, sponsor ${oneLine(e.criteria.sponsor) || 'none'}${e.criteria.sponsorLink ? ` (${oneLine(e.criteria.sponsorLink)})` : ''}`,
    `  due        ${dueText(e) || 'no deadline'}`,
    `  pals       ${e.pals.map(oneLine).join(', ') || 'none yet'}`,
    `  repo       ${e.repo ? oneLine(e.repo) : 'not set'}`,
    ...githubLines(e, palLogins),
  ];
  if (e.hours !== null) lines.push(`  hours      ${e.hours}`);
  if (e.reaction) lines.push(`  reaction   ${oneLine(e.reaction)}`);
  for (const l of e.learnings) lines.push(`  learning   ${oneLine(describeLearning(l))}`);
  lines.push(`  history    ${e.history.map((h) => `${h.to} ${dayOf(h.at)}`).join(' → ')}`);
  lines.push('', e.notes.length ? `Notes (${e.notes.length})` : 'No notes yet.');
  for (const n of e.notes) {
    lines.push(`--- ${n.kind} ${n.date ?? dayOf(n.createdAt)} (${n.id})`, block(n.text));
    lines.push(...noteExtras(n));
  }
  return `${lines.join('\n')}\n`;
}
