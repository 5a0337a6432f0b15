/**
 * `pals pal list|add|edit|merge`: the pal registry. A pal is one person however a card spells
 * them; a new spelling close to a known pal is offered for merging.
 */
import type { PalChange } from '../../shared/api.js';
import type { PalEntry } from '../../shared/pals.js';
import { must, type Command, type CommandContext } from './context.js';
import { clearable, parse } from './parse.js';
import { fit, oneLine, prepareWidths, width } from './text.js';
import { UsageError } from './usage.js';

const FIELDS = { login: { type: 'string' }, limit: { type: 'string' }, email: { type: 'string' } } as const;

/** `--limit N` as a whole number 1–50; '' goes back to the settings' limit. */
function limitOf(text: string | undefined): number | null | undefined {
  const v = clearable(text);
  if (v === undefined || v === null) return v;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new UsageError(`--limit: must be a whole number from 1 to 50 (got "${v}")`);
  return n;
}

function fieldsOf(values: { login?: string; limit?: string; email?: string }) {
  const limit = limitOf(values.limit);
  const email = clearable(values.email);
  return {
    ...(values.login !== undefined ? { login: values.login } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(email !== undefined ? { email } : {}),
  };
}

/** One pal a line: name, limit (marked when it is the settings' default), login, e-mail. */
export function formatPals(pals: readonly PalEntry[]): string {
  if (pals.length === 0) return 'No pals yet. Add one with: pals pal add NAME [--login L] [--limit N]\n';
  const names = pals.map((p) => oneLine(p.name));
  const nameWidth = Math.min(32, Math.max(3, ...names.map(width)));
  const header = `${fit('PAL', nameWidth)}  LIMIT  LOGIN                E-MAIL`;
  const lines = pals.map((p, i) => {
    const limit = `${p.limit}${p.ownLimit === null ? '*' : ' '}`.padStart(5);
    const login = fit(p.login ? `@${p.login}` : '-', 20);
    const email = p.email ? oneLine(p.email) : '-';
    const note = p.registered ? '' : '  (only named on cards)';
    return `${fit(names[i]!, nameWidth)}  ${limit}  ${login} ${email}${note}`.trimEnd();
  });
  return `${[header, ...lines].join('\n')}\n\n* the settings' limit (pals settings --pal-limit N); a pal's own: pals pal edit PAL --limit N\n`;
}

function printChange(ctx: CommandContext, change: PalChange, verb: string): void {
  ctx.io.stdout(`${oneLine(change.pal.name)} ${verb}\n`);
  for (const other of change.lookAlikes) {
    ctx.io.stderr(
      `note: "${oneLine(change.pal.name)}" looks like "${oneLine(other)}"; if they are one person: pals pal merge "${oneLine(change.pal.name)}" "${oneLine(other)}"\n`,
    );
  }
}

/** `pal list [--json]` | `pal add NAME [--login L] [--limit N] [--email E]` | `pal edit PAL [--name ..] …` | `pal merge FROM INTO`. */
export const pal: Command = async (argv, ctx) => {
  const [sub, ...rest] = argv;
  const core = async () => ctx.core();
  switch (sub) {
    case 'list': {
      const { values } = parse('pal list', rest, { json: { type: 'boolean' } }, [0, 0]);
      const pals = must(await (await core()).call('listPals', {}));
      if (values.json) {
        ctx.io.stdout(
          `${JSON.stringify(
            pals.map(({ name, login, limit, email }) => ({ name, login, limit, email })),
            null,
            2,
          )}\n`,
        );
        return;
      }
      await prepareWidths(pals.map((p) => p.name));
      ctx.io.stdout(formatPals(pals));
      return;
    }
    case 'add': {
      const { values, positionals } = parse('pal add', rest, FIELDS, [1, 1]);
      printChange(ctx, must(await (await core()).call('addPal', { name: positionals[0]!, ...fieldsOf(values) })), 'added');
      return;
    }
    case 'edit': {
      const { values, positionals } = parse('pal edit', rest, { ...FIELDS, name: { type: 'string' } }, [1, 1]);
      const patch = { ...fieldsOf(values), ...(values.name !== undefined ? { name: values.name } : {}) };
      if (Object.keys(patch).length === 0) throw new UsageError('pal edit: give at least one of --name, --login, --limit, --email');
      printChange(ctx, must(await (await core()).call('editPal', { pal: positionals[0]!, ...patch })), 'changed');
      return;
    }
    case 'merge': {
      const { positionals } = parse('pal merge', rest, {}, [2, 2]);
      const [from, into] = positionals as [string, string];
      printChange(ctx, must(await (await core()).call('mergePals', { from, into })), `now holds everything of ${oneLine(from.trim())}`);
      return;
    }
    default:
      throw new UsageError(
        sub === undefined ? 'pal: give list, add, edit or merge' : `pal: unknown subcommand "${sub}"; use list, add, edit or merge`,
      );
  }
};
