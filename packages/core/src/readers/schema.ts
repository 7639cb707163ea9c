import { z } from 'zod';
import { UserError } from '../errors.js';
import type { SkippedEntry } from './types.js';

/**
 * Building blocks for permissive report schemas. Tools write `null` for "absent" as often as they
 * omit a key, so every optional field accepts both; unknown keys are always kept.
 */
export const optStr = z.string().nullish();
export const optNum = z.number().nullish();
export const optBool = z.boolean().nullish();
/** ZAP and some others write numbers as strings. */
export const strOrNum = z.union([z.string(), z.number()]);
export const optStrOrNum = strOrNum.nullish();
/** A list whose entries are validated one by one, so one bad entry does not sink the report. */
export const entries = z.array(z.unknown()).nullish();
export const strList = z.array(z.unknown()).nullish().transform((v) => (v ?? []).filter((s): s is string => typeof s === 'string'));

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function firstIssue(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  return { path: issue ? formatPath(issue.path) : '', message: issue?.message ?? 'invalid input' };
}

/**
 * The top of a report must have the format's shape; if it does not, the file is not what the user
 * said it is (or what detection thought), which is the user's to fix.
 */
export function parseTop<S extends z.ZodType>(schema: S, doc: unknown, file: string, title: string): z.infer<S> {
  const parsed = schema.safeParse(doc);
  if (parsed.success) return parsed.data;
  const issue = firstIssue(parsed.error);
  throw new UserError(issue.message, {
    file,
    ...(issue.path ? { field: issue.path } : {}),
    expected: `the top-level shape of a ${title} report`,
  });
}

export type EntryResult<T> = { ok: true; data: T } | { ok: false; skipped: SkippedEntry };

/** One entry of a report; a bad one becomes a reported skip instead of an error. */
export function parseEntry<S extends z.ZodType>(schema: S, value: unknown, entry: string, what: string): EntryResult<z.infer<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = firstIssue(parsed.error);
  const where = issue.path ? ` (${issue.path})` : '';
  return { ok: false, skipped: { reason: `${what} is malformed${where}: ${issue.message}`, entry } };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
