/** Turns validation failures (zod on the client, `error.field` from the core) into per-field messages. */
import type { z } from 'zod';
import type { ApiFailure } from '../../../shared/api.js';

/** Field name → the message shown beside it. */
export type FieldErrors = Readonly<Partial<Record<string, string>>>;

/** The first message for each top-level field (an issue in `pals[2]` belongs to `pals`). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '';
    const item = typeof issue.path[1] === 'number' ? `item ${issue.path[1] + 1} ` : '';
    if (!(key in out)) out[key] = `${item}${issue.message}`;
  }
  return out;
}

/**
 * Which form field a failure from the core belongs to: its `field` ("name", "patch.pals.0",
 * "note.text", "issue": a link another card holds) without the argument wrapper; a duplicate
 * that names no field is about the name.
 */
export function failureField(failure: ApiFailure, fields: readonly string[]): string | null {
  if (failure.code === 'duplicate' && !failure.field) return fields.includes('name') ? 'name' : null;
  if (!failure.field) return null;
  const parts = failure.field.split('.');
  const key = parts.find((p) => fields.includes(p));
  return key ?? null;
}

/** The field errors from a failed call: beside a field when the core names one, else null. */
export function serverErrors(failure: ApiFailure, fields: readonly string[]): { fields: FieldErrors; form: string | null } {
  const field = failureField(failure, fields);
  if (!field) return { fields: {}, form: failure.message };
  // The core's message starts with the path ("patch.name: must not be empty"); beside the field it is noise.
  const prefix = /^([\w.[\]-]+): /.exec(failure.message);
  const message = prefix?.[1]?.includes(field) ? failure.message.slice(prefix[0].length) : failure.message;
  return { fields: { [field]: message }, form: null };
}
