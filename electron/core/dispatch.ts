/**
 * How one call runs: check the name against a table of declared calls, validate the arguments
 * with the call's zod schema, run the handler (in a call scope, so its store change is
 * attributed to it), and turn any failure into an `ApiFailure` value. The core's `call` uses it
 * with every call; transports reach it only through the core's `dispatch`, with the UI's calls.
 */
import type { ApiResponse, CallDeclaration } from '../../shared/api.js';
import { isPalsError } from '../../shared/errors.js';
import { describeIssues } from '../../shared/schema.js';
import { inCallScope } from './call-scope.js';

/** Where unexpected failures are reported (the arguments are never passed: they may hold notes). */
export type InternalErrorLog = (call: string, error: unknown) => void;

/** The default log: one line on stderr with the stack, so a bug leaves a trace. */
export const logToStderr: InternalErrorLog = (call, error) => {
  process.stderr.write(`internal error in ${call}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
};

/** A table of calls (name → declaration) and the function that runs each. */
export interface CallTable {
  readonly declared: Readonly<Record<string, CallDeclaration>>;
  readonly handlers: Readonly<Record<string, (args: never) => Promise<unknown>>>;
}

/** True for a name the table declares (own keys only: no `toString`, no `__proto__`). */
export function declares(table: CallTable, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(table.declared, name) && Object.prototype.hasOwnProperty.call(table.handlers, name);
}

/** Runs one call from untrusted input; never throws. */
export async function dispatch(
  table: CallTable,
  name: string,
  rawArgs: unknown,
  log: InternalErrorLog = logToStderr,
): Promise<ApiResponse<unknown>> {
  if (!declares(table, name))
    return { ok: false, error: { code: 'unknown-call', message: `there is no API call named "${name.slice(0, 60)}"` } };
  const parsed = table.declared[name]!.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first?.path.map(String).join('.') || undefined;
    return { ok: false, error: { code: 'invalid-input', message: describeIssues(parsed.error, 3), ...(field ? { field } : {}) } };
  }
  try {
    const handler = table.handlers[name] as (args: unknown) => Promise<unknown>;
    const call = inCallScope(() => handler(parsed.data));
    const value = await call.result;
    // A call that changed the store says which call it was: the change feed's event names it too.
    return call.changed() ? { ok: true, value, call: call.id } : { ok: true, value };
  } catch (error) {
    if (isPalsError(error))
      return { ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
    log(name, error);
    return { ok: false, error: { code: 'internal', message: 'something went wrong in the core; the change was not made' } };
  }
}
