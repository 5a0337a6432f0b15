/**
 * `pals insight [--json] [--round ROUND]`: per round, engagements, done, the share finished on
 * time, median days per phase against the planned window, hours; per pal, engagements per round.
 */
import type { Insight } from '../../shared/insight.js';
import { PHASE_TITLES } from '../../shared/phases.js';
import { TIMED_PHASES } from '../../shared/windows.js';
import { must, type CommandContext } from './context.js';
import { parse } from './parse.js';
import { fit, oneLine, prepareWidths } from './text.js';

const days = (n: number | null) => (n === null ? '—' : `${n}`);
const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

function table(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): string[] {
  return [header, ...rows].map((r) =>
    r
      .map((c, i) => fit(c, widths[i] ?? 10))
      .join(' ')
      .trimEnd(),
  );
}

/** The readable form: three small tables. */
export function formatInsight(data: Insight): string {
  if (data.rounds.length === 0) return 'No rounds.\n';
  const names = new Map(data.rounds.map((r) => [r.id, oneLine(r.name)]));
  const lines: string[] = [`Insight as of ${data.today}`, ''];
  lines.push(
    ...table(
      ['ROUND', 'ENGAGEMENTS', 'DONE', 'ON HOLD', 'ON TIME', 'HOURS (MEDIAN)', 'HOURS (TOTAL)'],
      data.rounds.map((r) => [
        `${names.get(r.id)!}${r.current ? ' *' : ''}`,
        String(r.engagements),
        String(r.done),
        String(r.onHold),
        r.onTime === null ? '—' : `${percent(r.onTime)} (${r.onTimeCount}/${r.dueCount})`,
        days(r.hoursMedian),
        String(r.hoursTotal),
      ]),
      [24, 11, 5, 7, 14, 14, 13],
    ),
  );
  lines.push('', 'Median days in each phase (planned days in brackets)');
  lines.push(
    ...table(
      ['ROUND', ...TIMED_PHASES.map((p) => PHASE_TITLES[p].replace('Self-assessment draft', 'Draft').toUpperCase())],
      data.rounds.map((r) => [
        names.get(r.id)!,
        ...TIMED_PHASES.map((p) => {
          const ph = r.phases[p];
          return `${days(ph.medianDays)}${ph.plannedDays === null ? '' : ` (${ph.plannedDays})`}`;
        }),
      ]),
      [24, 12, 14, 12, 12, 12],
    ),
  );
  lines.push('', 'Engagements per pal');
  if (data.pals.length === 0) lines.push('  no pal is named on any engagement yet');
  else {
    const ids = data.rounds.map((r) => r.id);
    lines.push(
      ...table(
        ['PAL', ...ids.map((id) => names.get(id)!), 'TOTAL'],
        data.pals.map((p) => [oneLine(p.pal), ...ids.map((id) => String(p.rounds[id] ?? 0)), String(p.total)]),
        [24, ...ids.map(() => 12), 6],
      ),
    );
  }
  lines.push('', "* the current round; on time: finished within the round's windows, of those due by today");
  return `${lines.join('\n')}\n`;
}

export async function insightCommand(argv: string[], ctx: CommandContext): Promise<void> {
  const { values } = parse('insight', argv, { json: { type: 'boolean' }, round: { type: 'string' } }, [0, 0]);
  const data = must(await (await ctx.core()).call('getInsight', values.round === undefined ? {} : { round: values.round }));
  if (values.json) {
    ctx.io.stdout(`${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  await prepareWidths([...data.rounds.map((r) => r.name), ...data.pals.map((p) => p.pal)]);
  ctx.io.stdout(formatInsight(data));
}
