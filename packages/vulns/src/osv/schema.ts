import { z } from 'zod';
import { EVENT_KINDS, RANGE_TYPES, type OsvEvent } from './types.js';

/*
 * Permissive zod schemas for untrusted OSV JSON: unknown keys are allowed (newer schema versions only add fields),
 * and lists are parsed element by element in parse.ts so that one bad entry costs that entry, not the record.
 */

const text = z.string();
const nonEmpty = z.string().trim().min(1);
const objectMap = z.record(z.string(), z.unknown());

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

export const affectedSchema = z.looseObject({
  package: z.unknown().optional(),
  severity: looseList.optional(),
  ranges: looseList.optional(),
  versions: looseList.optional(),
  ecosystem_specific: objectMap.optional(),
  database_specific: objectMap.optional(),
});

export const recordSchema = z.looseObject({
  id: nonEmpty,
  modified: text.optional(),
  published: text.optional(),
  withdrawn: text.optional(),
  aliases: looseList.nullish(),
  related: looseList.nullish(),
  upstream: looseList.nullish(),
  summary: text.optional(),
  details: text.optional(),
  severity: looseList.nullish(),
  affected: looseList.nullish(),
  references: looseList.nullish(),
  database_specific: objectMap.optional(),
});

/** One line per zod issue: `path: message`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
