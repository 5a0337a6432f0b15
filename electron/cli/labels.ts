/**
 * `pals labels [--json]` and `pals labels set PHASE LABEL[,LABEL..] [--dry-run]`: the current
 * round's label → phase rules. `set` makes the labels the phase's own (the first is the one
 * write-back sets); a label that already means another phase is refused and nothing changes.
 * `--dry-run` saves nothing and prints the cards the next sync would move under the new rule.
 */
import type { RoundRulesView, RulePreview } from '../../shared/api.js';
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

/** The preview as text: a line per card the next sync would move ("name: From → To (because)"), then the conflicts. */
export function formatPreview(preview: RulePreview): string {
  const lines: string[] = [];
  const cards = (n: number) => `${String(n)} card${n === 1 ? '' : 's'}`;
  if (preview.moves.length === 0) lines.push('No card would move.');
  else lines.push(`With this rule the next sync would move ${cards(preview.moves.length)}:`);
  for (const m of preview.moves) {
    lines.push(`${oneLine(m.name)}: ${PHASE_TITLES[m.from]} → ${PHASE_TITLES[m.to]} (${oneLine(m.because)})`);
  }
  if (preview.conflicts.length > 0) {
    lines.push(`It would flag ${cards(preview.conflicts.length)} as a conflict (moved here since the last sync):`);
    for (const c of preview.conflicts) {
      lines.push(`${oneLine(c.name)}: here ${PHASE_TITLES[c.local]}, GitHub ${PHASE_TITLES[c.remote]}`);
    }
  }
  lines.push('Dry run: nothing was saved. (From the labels each issue had at the last sync.)');
  return `${lines.join('\n')}\n`;
}

/** Runs the command. */
export async function labels(argv: string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse('labels', argv, { json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } }, [0, 3]);
  const [verb, phaseText, list] = positionals;
  if (verb !== undefined && verb !== 'set')
    throw new UsageError(`labels: unknown subcommand "${oneLine(verb)}"; use labels set PHASE LABEL[,LABEL..]`);
  if (values['dry-run'] && verb !== 'set') throw new UsageError('labels: --dry-run goes with labels set PHASE LABEL[,LABEL..]');
  let view: RoundRulesView;
  if (verb === 'set') {
    if (phaseText === undefined || list === undefined)
      throw new UsageError('labels set: give a PHASE and its labels, e.g. labels set draft pals/draft');
    const phase = PhaseSchema.safeParse(phaseText);
    if (!phase.success) throw new UsageError(`labels set: unknown phase "${oneLine(phaseText)}"; use one of ${PHASES.join(', ')}`);
    const names = list.split(',').map((l) => l.trim());
    if (names.some((l) => l === '')) throw new UsageError('labels set: a label must not be empty (separate labels with commas)');
    const args = { phase: phase.data, labels: names };
    if (values['dry-run']) {
      const preview = must(await (await ctx.core()).call('previewPhaseLabels', args));
      const { rules, moves, conflicts } = preview;
      ctx.io.stdout(values.json ? `${JSON.stringify({ rules, moves, conflicts }, null, 2)}\n` : formatPreview(preview));
      return;
    }
    view = must(await (await ctx.core()).call('setPhaseLabels', args));
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
