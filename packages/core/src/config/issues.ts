import type { z } from 'zod';
import { configSchema } from './schema.js';
import type { Path } from './yaml-locate.js';

/** `ignore[2].reason`, `gate.fail-on`: how a user would point at the field. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

function valueAt(data: unknown, path: Path): { found: boolean; value: unknown } {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return { found: false, value: undefined };
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return { found: true, value: cur };
}

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  boolean: 'true or false',
  number: 'a number',
};

/** The keys a strict object at `path` accepts, found by walking the schema itself so they never drift. */
function knownKeys(path: Path): string[] {
  let schema: z.core.$ZodType = configSchema;
  for (const seg of path) {
    schema = unwrap(schema);
    const def = schema._zod.def;
    if (def.type === 'object') schema = (def as z.core.$ZodObjectDef).shape[String(seg)] ?? schema;
    else if (def.type === 'array') schema = (def as z.core.$ZodArrayDef).element;
  }
  const def = unwrap(schema)._zod.def;
  return def.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let s = schema;
  for (;;) {
    const def = s._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
      s = (def as z.core.$ZodOptionalDef).innerType;
    } else return s;
  }
}

export interface Problem {
  path: Path;
  /** Locate the key of the last path segment rather than its value. */
  atKey: boolean;
  message: string;
  expected: string;
}

/** One zod issue in the words a person editing the file needs: what is wrong, and what would be right. */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): Problem {
  const at = valueAt(data, issue.path);
  const base = { path: issue.path, atKey: false };
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const known = knownKeys(issue.path);
      return {
        path: [...issue.path, key],
        atKey: true,
        message: `unknown key "${key}"${issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).map((k) => `"${k}"`).join(', ')})` : ''}`,
        expected: known.length > 0 ? `one of the keys ${known.join(', ')}` : 'no other keys',
      };
    }
    case 'invalid_type':
      if (!at.found) return { ...base, message: 'required field is missing', expected: TYPE_NAMES[issue.expected] ?? issue.expected };
      return { ...base, message: `got ${describe(at.value)}`, expected: TYPE_NAMES[issue.expected] ?? issue.expected };
    case 'invalid_value':
      return { ...base, message: `got ${describe(at.value)}`, expected: `one of ${issue.values.map(String).join(', ')}` };
    case 'too_small':
      return {
        ...base,
        message: `got ${describe(at.value)}`,
        expected: issue.origin === 'string' ? 'a non-empty string' : `at least ${String(issue.minimum)}`,
      };
    case 'invalid_format':
    case 'custom':
      return { ...base, message: at.found && issue.code !== 'custom' ? `got ${describe(at.value)}` : 'invalid value', expected: issue.message };
    default:
      return { ...base, message: issue.message, expected: 'a valid value' };
  }
}
