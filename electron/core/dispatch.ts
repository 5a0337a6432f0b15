/**
 * The single entry every transport uses: checks the call name, validates the arguments with the
 * contract's zod schema, runs the handler (in a call scope, so its store change is attributed to
 * it), and turns any failure into an `ApiFailure` value.
 */
import { API, type ApiCall, type ApiResponse } from '../../shared/api.js';
import { isPalsError } from '../../shared/errors.js';
import { describeIssues } from '../../shared/schema.js';
import { inCallScope } from './call-scope.js';
import type { Handlers } from './handlers.js';

/** True for a name the contract declares (own keys only: no `toString`, no `__proto__`). */
export function isApiCall(name: string): name is ApiCall {
  return Object.prototype.hasOwnProperty.call(API, name);
}

/** Where unexpected failures are reported (the arguments are never passed: they may hold notes). */
export type InternalErrorLog = (call: string, error: unknown) => void;

/** The default log: one line on stderr with the stack, so a bug leaves a trace. */
export const logToStderr: InternalErrorLog = (call, error) => {
  process.stderr.write(`internal error in ${call}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
};

/** Runs one call from untrusted input; never throws. */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawArgs: unknown,
  log: InternalErrorLog = logToStderr,
): Promise<ApiResponse<unknown>> {
  if (!isApiCall(name)) return { ok: false, error: { code: 'unknown-call', message: `there is no API call named "${name.slice(0, 60)}"` } };
  const parsed = API[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first?.path.map(String).join('.') || undefined;
    return { ok: false, error: { code: 'invalid-input', message: describeIssues(parsed.error, 3), ...(field ? { field } : {}) } };
  }
  try {
    const handler = handlers[name] as (args: unknown) => Promise<unknown>;
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
