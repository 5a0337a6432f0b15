/** Entry of the `pals` command line: global flags, dispatch, errors → `error:` lines and exit codes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPalsError } from '../../shared/errors.js';
import { openCore, type Core, type Host } from '../core/open-core.js';
import { resolveDataDir } from '../core/paths.js';
import { recoveryWords } from '../core/lib/recovery-text.js';
import { clock, today } from '../core/today.js';
import { COMMANDS } from './commands.js';
import type { CliIo } from './context.js';
import { projectRoot } from './project-root.js';
import { oneLine } from './text.js';
import { USAGE, UsageError } from './usage.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Splits `--data DIR` (or `--data=DIR`) out of argv wherever it appears. */
function takeDataFlag(argv: readonly string[]): { data: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let data: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--data') {
      if (i + 1 >= argv.length) throw new UsageError('--data needs a folder');
      data = argv[++i];
    } else if (arg.startsWith('--data=')) data = arg.slice('--data='.length);
    else rest.push(arg);
  }
  return { data, rest };
}

/** Runs one command line; resolves to the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let core: Core | null = null;
  try {
    const { data, rest } = takeDataFlag(argv);
    const [name, ...args] = rest;
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      io.stdout(`${USAGE}\n`);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version') {
      io.stdout(`${version()}\n`);
      return 0;
    }
    // Own keys only: `pals __proto__` or `pals constructor` must be an unknown command, not Object's.
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${oneLine(name)}"; run pals --help for the list`);
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    let day: string;
    try {
      day = today(io.env);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const dir = resolveDataDir(data, io.env);
    await command(args, {
      io,
      today: day,
      core: async (extra: Pick<Host, 'github' | 'watch' | 'store'> = {}) => {
        if (core) return core;
        // A command appends its change to the journal and leaves folding it into pals.json to the
        // app (or the next fold point): the app then applies the change as a delta.
        // PALS_NOW dates what a command records too (a move's history entry), so `move --on` and
        // insight see a history made under a fixed today in order.
        core = await openCore(dir, { today: () => day, now: clock(io.env), env: io.env, store: { foldOnClose: false }, ...extra });
        const r = core.recovery;
        if (r?.migratedFrom !== undefined)
          io.stderr(`note: upgraded the data file from format ${r.migratedFrom} (a copy is in backups/)\n`);
        else if (r) io.stderr(`warning: ${recoveryWords(r).parts.join('; ')}\n`);
        return core;
      },
    });
    await (core as Core | null)?.close();
    return 0;
  } catch (error) {
    await (core as Core | null)?.close().catch(() => undefined);
    if (error instanceof UsageError) {
      io.stderr(`error: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (isPalsError(error)) {
      io.stderr(`error: ${oneLine(error.message)}\n`);
      return 1;
    }
    io.stderr(`error: unexpected failure: ${oneLine(error instanceof Error ? error.message : String(error))}; please report it\n`);
    return 1;
  }
}
