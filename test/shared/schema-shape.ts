/**
 * A plain-text description of a zod schema's stored shape, one line per place in the document:
 * its kind, the checks on it (limits, formats, patterns), enum and literal values, defaults. Two
 * schemas with the same description read and write the same files, so it is what
 * schema-version.test.ts pins to SCHEMA_VERSION.
 */
import type { z } from 'zod';

interface Def {
  readonly type: string;
  readonly [key: string]: unknown;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** The parameters of a check that say something about the stored value (functions say nothing we can compare). */
function checkText(check: unknown): string {
  const def = (check as { _zod: { def: Record<string, unknown> } })._zod.def;
  const params = Object.entries(def)
    .filter(([key, value]) => key !== 'check' && key !== 'error' && key !== 'abort' && key !== 'when' && typeof value !== 'function')
    .map(([key, value]) => `${key}=${value instanceof RegExp ? value.source : JSON.stringify(value)}`);
  const name = typeof def.check === 'string' ? def.check : 'check';
  return params.length > 0 ? `${name}(${params.join(',')})` : name;
}

/** Describes `schema` at `path`; wrappers (default, nullable, …) join their inner value's line. */
function describeNode(schema: unknown, path: string, lines: string[], wrappers: readonly string[] = []): void {
  const def = defOf(schema);
  const checks = Array.isArray(def.checks) ? def.checks.map(checkText) : [];
  const own = [def.type];
  if (typeof def.format === 'string') own.push(`format=${def.format}`);
  if (def.type === 'enum') own.push(JSON.stringify(Object.values(def.entries as object)));
  if (def.type === 'literal') own.push(JSON.stringify(def.values));
  if (def.type === 'object') own.push(def.catchall === undefined ? 'loose' : `catchall=${defOf(def.catchall).type}`);
  if (def.type === 'default') own.push(`=${JSON.stringify(def.defaultValue)}`);
  const text = [...wrappers, ...own, ...checks];
  switch (def.type) {
    case 'nullable':
    case 'optional':
    case 'default':
    case 'readonly':
      describeNode(def.innerType, path, lines, text);
      return;
    default:
      lines.push(`${path || '(document)'}: ${text.join(' ')}`);
  }
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) describeNode(value, `${path}.${key}`, lines);
      break;
    case 'array':
      describeNode(def.element, `${path}[]`, lines);
      break;
    case 'record':
      describeNode(def.keyType, `${path}{key}`, lines);
      describeNode(def.valueType, `${path}{}`, lines);
      break;
    case 'union':
      (def.options as unknown[]).forEach((option, i) => {
        describeNode(option, `${path}|${String(i)}`, lines);
      });
      break;
    case 'pipe':
      describeNode(def.in, `${path}>in`, lines);
      describeNode(def.out, `${path}>out`, lines);
      break;
    default:
      break;
  }
}

/** The description of `schema` (see the file comment), one line per place, in schema order. */
export function describeSchemaShape(schema: z.ZodType): string {
  const lines: string[] = [];
  describeNode(schema, '', lines);
  return `${lines.join('\n')}\n`;
}
