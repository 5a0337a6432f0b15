/**
 * `pals labels [--json]` and `pals labels set PHASE LABEL[,LABEL..]`: the current round's
 * label → phase rules. `set` makes the labels the phase's own (the first is the one write-back
 * sets); a label that already means another phase is refused and nothing changes.
 */
import type { RoundRulesView } from '../../shared/api.js';
import { PHASES, PHASE_TITLES, type Phase } from '../../shared/phases.js';
import { PhaseSchema } from '../../shared/schema.js';
import { must, type CommandContext } from './context.js';
import { parse } from './parse.js';
import { fit, oneLine, prepareWidths } from './text.js';
import { UsageError } from './usage.js';

const SOURCE = { round: 'its own rules', settings: 'the rules every round shares', default: 'the built-in rules' } as const;

/** The rules as a table: one row per phase, its labels in order (combined rules say what they need). */
export function formatRules(view: RoundRulesView): string {
  const lines = [`Label → phase rules of ${oneLine(view.round.name)} (${SOURCE[view.source]}):`];
  const byPhase = new Map<Phase, string[]>(PHASES.map((p) => [p, []]));
  for (const rule of view.rules) {
    const needs = rule.requires.length > 0 ? ` (with ${rule.requires.map(oneLine).join(' + ')})` : '';
    byPhase.get(rule.phase)!.push(`${oneLine(rule.label)}${needs}`);
  }
  for (const phase of PHASES) lines.push(`  ${fit(PHASE_TITLES[phase], 22)} ${byPhase.get(phase)!.join(', ') || '—'}`);
  lines.push('A closed issue or PR means Done; an open PR without a phase label means In review.');
  return `${lines.join('\n')}\n`;
}

/** Runs the command. */
export async function labels(argv: string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse('labels', argv, { json: { type: 'boolean' } }, [0, 3]);
  const [verb, phaseText, list] = positionals;
  if (verb !== undefined && verb !== 'set')
    throw new UsageError(`labels: unknown subcommand "${oneLine(verb)}"; use labels set PHASE LABEL[,LABEL..]`);
  let view: RoundRulesView;
  if (verb === 'set') {
    if (phaseText === undefined || list === undefined)
      throw new UsageError('labels set: give a PHASE and its labels, e.g. labels set draft pals/draft');
    const phase = PhaseSchema.safeParse(phaseText);
    if (!phase.success) throw new UsageError(`labels set: unknown phase "${oneLine(phaseText)}"; use one of ${PHASES.join(', ')}`);
    const names = list.split(',').map((l) => l.trim());
    if (names.some((l) => l === '')) throw new UsageError('labels set: a label must not be empty (separate labels with commas)');
    view = must(await (await ctx.core()).call('setPhaseLabels', { phase: phase.data, labels: names }));
  } else {
    view = must(await (await ctx.core()).call('labelRules', {}));
  }
  if (values.json) {
    ctx.io.stdout(`${JSON.stringify(view.rules, null, 2)}\n`);
    return;
  }
  await prepareWidths(view.rules.map((r) => r.label));
  ctx.io.stdout(formatRules(view));
}
