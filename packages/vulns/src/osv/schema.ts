import { z } from 'zod';
import { EVENT_KINDS, RANGE_TYPES, type OsvEvent } from './types.js';

/*
 * Permissive zod schemas for untrusted OSV JSON: unknown keys are allowed (newer schema versions only add fields),
 * and lists are parsed element by element in parse.ts so that one bad entry costs that entry, not the record.
 */

const text = z.string();
const nonEmpty = z.string().trim().min(1);
const objectMap = z.record(z.string(), z.unknown());

/** `database_specific` and `ecosystem_specific`: any JSON object. */
export const freeObject = objectMap;

/** Any list; its elements are checked one by one by the parser. */
export const looseList = z.array(z.unknown());

export const severitySchema = z.looseObject({ type: nonEmpty, score: nonEmpty });

export const referenceSchema = z.looseObject({ type: text.optional(), url: nonEmpty });

export const packageSchema = z.looseObject({ ecosystem: nonEmpty, name: nonEmpty, purl: text.optional() });

/** `{"introduced": "1.0"}`: one known key with a non-empty string; `{"introduced": "1", "fixed": "2"}` is invalid. */
export const eventSchema = z.record(z.string(), z.unknown()).transform((obj, ctx): OsvEvent => {
  const present = EVENT_KINDS.filter((k) => Object.hasOwn(obj, k));
  const kind = present[0];
  if (present.length !== 1 || kind === undefined) {
    ctx.addIssue({ code: 'custom', message: `expected exactly one of ${EVENT_KINDS.join(', ')}` });
    return z.NEVER;
  }
  const version = obj[kind];
  if (typeof version !== 'string' || version.trim() === '') {
    ctx.addIssue({ code: 'custom', message: `${kind} must be a non-empty string` });
    return z.NEVER;
  }
  return { kind, version };
});

export const rangeSchema = z.looseObject({
  type: z.enum(RANGE_TYPES),
  repo: text.optional(),
  events: looseList,
  database_specific: objectMap.optional(),
});

/** Only the package is checked here; every other field is read on its own so one bad field costs only itself. */
export const affectedSchema = z.looseObject({ package: z.unknown().optional() });

/** Only `id` decides whether the input is a record at all; the other fields are read one by one in parse.ts. */
export const recordSchema = z.looseObject({ id: nonEmpty });

/** One line per zod issue: `path: message`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
