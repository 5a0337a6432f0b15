/** `pals load`: each pal's active engagements against the soft limit (`pals settings --pal-limit N`). */
import type { PalLoad } from '../../shared/load.js';
import { must, type Command } from './context.js';
import { parse } from './parse.js';
import { fit, oneLine, prepareWidths, width } from './text.js';

/** A table, one pal a line, the busiest first; over the limit is said in words, not only shown. */
export function formatLoad(rows: readonly PalLoad[]): string {
  if (rows.length === 0) return 'No pals yet. Name one on an engagement with: pals edit REF --pal NAME\n';
  const names = rows.map((r) => oneLine(r.pal));
  const nameWidth = Math.min(32, Math.max(3, ...names.map(width)));
  const header = `${fit('PAL', nameWidth)}  ACTIVE  LIMIT  OVERDUE`;
  const lines = rows.map((r, i) => {
    const mark = r.over ? `  over the limit by ${r.active - r.limit}` : '';
    return `${fit(names[i]!, nameWidth)}  ${String(r.active).padStart(6)}  ${String(r.limit).padStart(5)}  ${String(r.overdue).padStart(7)}${mark}`;
  });
  const over = rows.filter((r) => r.over).length;
  const summary = over === 0 ? 'Nobody is over the limit.' : `${over} ${over === 1 ? 'pal is' : 'pals are'} over the limit.`;
  return `${[header, ...lines].join('\n')}\n\n${summary} Active: neither in intake nor done nor on hold.\n`;
}

export const load: Command = async (argv, ctx) => {
  const { values } = parse('load', argv, { json: { type: 'boolean' } }, [0, 0]);
  const rows = must(await (await ctx.core()).call('palLoad', {}));
  if (values.json) {
    ctx.io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  await prepareWidths(rows.map((r) => r.pal));
  ctx.io.stdout(formatLoad(rows));
};
