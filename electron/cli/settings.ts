/**
 * `pals settings [--json] [--writeback on|off] [--api-url URL] [--pal-limit N] [--due-soon-days N]
 * [--pal-login PAL=LOGIN]...`: without options, prints the settings; with them, changes them
 * (all or nothing) and prints the result. Write-back is the current round's switch; an empty
 * `--api-url ''` goes back to https://api.github.com.
 */
import type { HeldMove } from '../../shared/github/held.js';
import { apiUrlProblem } from '../../shared/issue-ref.js';
import type { SettingsPatch, SettingsView } from '../../shared/settings-update.js';
import { clockTime } from '../core/lib/clock-time.js';
import { must, type CommandContext } from './context.js';
import { cardsWere, heldList, heldNotice } from './held-text.js';
import { parse } from './parse.js';
import { oneLine } from './text.js';
import { UsageError } from './usage.js';

function count(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || n < min || n > max)
    throw new UsageError(`${flag}: must be a whole number ${min}–${max} (got "${oneLine(text)}")`);
  return n;
}

/** `PAL=LOGIN` pairs into a map (a later pair for the same pal wins; `PAL=` removes the pal's login). */
function logins(pairs: readonly string[] | undefined, current: Readonly<Record<string, string>>): Record<string, string> | undefined {
  if (pairs === undefined) return undefined;
  const next: Record<string, string> = { ...current };
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--pal-login: write it as PAL=LOGIN (got "${oneLine(pair)}")`);
    next[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return next;
}

/** The settings as text; `held`: the round's held moves (listed under write-back). */
export function formatSettings(s: SettingsView, roundName: string, held: readonly HeldMove[] = []): string {
  const pals = Object.entries(s.palLogins).map(([pal, login]) => `${oneLine(pal)} → ${oneLine(login)}`);
  const last = s.lastSync;
  const lines = [
    `round            ${oneLine(roundName)} (${s.currentRound})`,
    `write-back       ${s.writeBack ? 'on: moving a card sets its phase label on the linked issue' : 'off'}`,
    ...(held.length > 0
      ? [`held moves       ${held.length} made while write-back was off, not on GitHub (pals sync --push-held): ${heldList(held)}`]
      : []),
    `GitHub API       ${oneLine(s.apiUrl)}`,
    `pal limit        ${s.palLimit} active engagements`,
    `due soon         within ${s.dueSoonDays} days`,
    `pal logins       ${pals.join(', ') || 'none'}`,
  ];
  if (last) {
    const rate = last.rateLimit
      ? `; rate limit ${last.rateLimit.remaining} of ${last.rateLimit.limit} left (resets ${clockTime(last.rateLimit.reset)})`
      : '';
    const outcome = last.error
      ? `stopped: ${oneLine(last.error)}`
      : `${last.checked} checked, ${last.updated} updated, ${last.failed} failed`;
    lines.push(`last sync        ${last.at.slice(0, 16).replace('T', ' ')} UTC: ${outcome}${rate}`);
  } else lines.push('last sync        never');
  return `${lines.join('\n')}\n`;
}

/** Runs the command. */
export async function settings(argv: string[], ctx: CommandContext): Promise<void> {
  const { values } = parse(
    'settings',
    argv,
    {
      json: { type: 'boolean' },
      writeback: { type: 'string' },
      'api-url': { type: 'string' },
      'pal-limit': { type: 'string' },
      'due-soon-days': { type: 'string' },
      'pal-login': { type: 'string', multiple: true },
    },
    [0, 0],
  );
  if (values.writeback !== undefined && values.writeback !== 'on' && values.writeback !== 'off') {
    throw new UsageError(`--writeback: must be on or off (got "${oneLine(values.writeback)}")`);
  }
  const apiUrl = values['api-url']?.trim();
  const problem = apiUrl ? apiUrlProblem(apiUrl) : null;
  if (problem) throw new UsageError(`--api-url: ${problem}`);
  const core = await ctx.core();
  const current = must(await core.call('getSettings', {}));
  const patch: SettingsPatch = {
    ...(values.writeback !== undefined ? { writeBack: values.writeback === 'on' } : {}),
    ...(apiUrl !== undefined ? { apiUrl: apiUrl === '' ? null : apiUrl } : {}),
    ...(values['pal-limit'] !== undefined ? { palLimit: count('--pal-limit', values['pal-limit'], 1, 50) } : {}),
    ...(values['due-soon-days'] !== undefined ? { dueSoonDays: count('--due-soon-days', values['due-soon-days'], 0, 60) } : {}),
    ...(values['pal-login'] !== undefined ? { palLogins: logins(values['pal-login'], current.palLogins) } : {}),
  };
  const view = Object.keys(patch).length > 0 ? must(await core.call('updateSettings', patch)) : current;
  // Moves made while write-back was off are held, never sent by switching it on (issue 23.3).
  const held = view.writeBack ? must(await core.call('heldMoves', { roundId: view.currentRound })) : [];
  if (values.json) {
    ctx.io.stdout(`${JSON.stringify({ ...view, held }, null, 2)}\n`);
    return;
  }
  const switchedOn = patch.writeBack === true && !current.writeBack;
  if (switchedOn) {
    ctx.io.stdout(
      held.length === 0
        ? 'write-back on.\n'
        : `write-back on. ${heldNotice(held, `${cardsWere(held.length)} moved while it was off`, true)}`,
    );
  }
  const { round } = must(await core.call('labelRules', {}));
  ctx.io.stdout(formatSettings(view, round.name, switchedOn ? [] : held));
}
