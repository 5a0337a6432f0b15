/** Turning argv into validated inputs; anything malformed is a UsageError (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

import { UsageError } from './usage.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed flags of a command, typed from its option table. */
export interface Parsed<O extends Options> {
  readonly values: {
    readonly [K in keyof O]?: O[K] extends { multiple: true } ? string[] : O[K] extends { type: 'boolean' } ? boolean : string;
  } & { readonly help?: boolean };
  readonly positionals: string[];
}

/**
 * `--text "- item"` as `--text=- item`: the word after an option that takes a value is that
 * value, whatever it begins with (markdown lists and `---` are ordinary note text). parseArgs
 * alone refuses such a value as ambiguous.
 */
function joinValues(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = /^--([^=]+)$/.exec(arg)?.[1];
    const takesValue = name !== undefined && Object.hasOwn(options, name) && options[name]!.type === 'string';
    if (takesValue && i + 1 < argv.length) out.push(`${arg}=${argv[++i]!}`);
    else out.push(arg);
  }
  return out;
}

/** parseArgs with our error wording; `--data` is accepted anywhere. */
export function parse<O extends Options>(command: string, argv: string[], options: O, positionals: [min: number, max: number]): Parsed<O> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  const all: Options = { ...options, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } };
  try {
    parsed = parseArgs({
      args: joinValues(argv, all),
      options: all,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.replace(/\. To specify.*$/s, '')}`);
  }
  const [min, max] = positionals;
  if (!parsed.values.help && (parsed.positionals.length < min || parsed.positionals.length > max)) {
    const got = parsed.positionals.length;
    throw new UsageError(
      got > max ? `${command}: unexpected argument "${parsed.positionals[max]}"` : `${command}: missing argument (see pals --help)`,
    );
  }
  return parsed as unknown as Parsed<O>;
}

/** Validates with a zod schema, naming the flag in the message: `--kickoff: must be a real date`. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, flags: Record<string, string> = {}): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const flag = flags[key] ?? (key ? `--${key}` : 'input');
  throw new UsageError(`${flag}: ${issue.message}`);
}

/** `''` means "clear this field"; undefined means "leave it". */
export function clearable(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value.trim() === '' ? null : value;
}

/** A non-negative number of hours, or a usage error. */
export function hours(value: string | undefined): number | null | undefined {
  const v = clearable(value);
  if (v === undefined || v === null) return v;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--hours: must be a number of hours, 0 or more (got "${v}")`);
  return n;
}
