import type { z } from 'zod';
import {
  affectedSchema,
  describeIssues,
  eventSchema,
  freeObject,
  packageSchema,
  rangeSchema,
  recordSchema,
  referenceSchema,
  severitySchema,
} from './schema.js';
import type { OsvAffected, OsvEvent, OsvParseResult, OsvRange, OsvRecord, OsvReference, OsvSeverity } from './types.js';

type Fields = Record<string, unknown>;

/** A field that should be a list: absent or null is empty; anything else that is not a list is skipped. */
function listField(obj: Fields, key: string, where: string, skipped: string[]): unknown[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  skipped.push(`${where}: expected a list`);
  return [];
}

/** Parses each element of a list; an element that does not fit is skipped with `where[i]: why`. */
function eachOf<S extends z.ZodType, T>(
  list: readonly unknown[],
  schema: S,
  where: string,
  skipped: string[],
  map: (value: z.output<S>, at: string) => T | undefined,
): T[] {
  const out: T[] = [];
  list.forEach((raw, i) => {
    const at = `${where}[${i}]`;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      skipped.push(`${at}: ${describeIssues(parsed.error)}`);
      return;
    }
    const value = map(parsed.data, at);
    if (value !== undefined) out.push(value);
  });
  return out;
}

function strings(list: readonly unknown[], where: string, skipped: string[]): string[] {
  const out: string[] = [];
  list.forEach((v, i) => {
    if (typeof v === 'string' && v.trim() !== '') out.push(v);
    else skipped.push(`${where}[${i}]: expected a non-empty string`);
  });
  return out;
}

/** `database_specific` / `ecosystem_specific`: kept when an object, skipped with a reason when something else. */
function objectField(obj: Fields, key: string, where: string, skipped: string[]): Record<string, unknown> | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  const parsed = freeObject.safeParse(value);
  if (parsed.success) return parsed.data;
  skipped.push(`${where}: expected an object`);
  return undefined;
}

function textField(obj: Fields, key: string, skipped: string[]): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  skipped.push(`${key}: expected a string`);
  return undefined;
}

const severity = (s: z.output<typeof severitySchema>): OsvSeverity => ({ type: s.type, score: s.score });

function parseRange(raw: z.output<typeof rangeSchema>, at: string, skipped: string[]): OsvRange | undefined {
  const before = skipped.length;
  const events = eachOf(raw.events, eventSchema, `${at}.events`, skipped, (e: OsvEvent) => e);
  // Dropping one event would change what the range means (a lost `fixed` widens it), so the whole range goes.
  if (skipped.length > before) {
    skipped.push(`${at}: skipped because some of its events are invalid`);
    return undefined;
  }
  if (!events.some((e) => e.kind === 'introduced')) {
    skipped.push(`${at}: no introduced event (the schema requires one)`);
    return undefined;
  }
  const range: OsvRange = { type: raw.type, events };
  if (raw.repo !== undefined) range.repo = raw.repo;
  if (raw.database_specific !== undefined) range.database_specific = raw.database_specific;
  return range;
}

function parseAffected(raw: z.output<typeof affectedSchema>, at: string, skipped: string[]): OsvAffected | undefined {
  const pkg = packageSchema.safeParse(raw.package);
  if (!pkg.success) {
    skipped.push(`${at}.package: ${describeIssues(pkg.error)}`);
    return undefined;
  }
  const affected: OsvAffected = {
    package: { ecosystem: pkg.data.ecosystem, name: pkg.data.name, ...(pkg.data.purl ? { purl: pkg.data.purl } : {}) },
    severity: eachOf(listField(raw, 'severity', `${at}.severity`, skipped), severitySchema, `${at}.severity`, skipped, severity),
    ranges: eachOf(listField(raw, 'ranges', `${at}.ranges`, skipped), rangeSchema, `${at}.ranges`, skipped, (r, rAt) => parseRange(r, rAt, skipped)),
    versions: strings(listField(raw, 'versions', `${at}.versions`, skipped), `${at}.versions`, skipped),
  };
  const ecosystemSpecific = objectField(raw, 'ecosystem_specific', `${at}.ecosystem_specific`, skipped);
  const databaseSpecific = objectField(raw, 'database_specific', `${at}.database_specific`, skipped);
  if (ecosystemSpecific !== undefined) affected.ecosystem_specific = ecosystemSpecific;
  if (databaseSpecific !== undefined) affected.database_specific = databaseSpecific;
  return affected;
}

const reference = (r: z.output<typeof referenceSchema>): OsvReference => ({ type: r.type ?? 'WEB', url: r.url });

/**
 * Any JSON value to an OSV record. Only a value without a usable `id` (or not an object at all) is rejected; a
 * part of a record that cannot be used is left out and named in `skipped`. Never throws.
 */
export function parseOsvRecord(input: unknown): OsvParseResult {
  const top = recordSchema.safeParse(input);
  if (!top.success) return { ok: false, reason: `not an OSV record: ${describeIssues(top.error)}` };
  const raw = top.data;
  const skipped: string[] = [];
  const list = (key: string): unknown[] => listField(raw, key, key, skipped);
  const record: OsvRecord = {
    id: raw.id.trim(),
    aliases: strings(list('aliases'), 'aliases', skipped),
    related: strings(list('related'), 'related', skipped),
    upstream: strings(list('upstream'), 'upstream', skipped),
    severity: eachOf(list('severity'), severitySchema, 'severity', skipped, severity),
    affected: eachOf(list('affected'), affectedSchema, 'affected', skipped, (a, at) => parseAffected(a, at, skipped)),
    references: eachOf(list('references'), referenceSchema, 'references', skipped, reference),
  };
  for (const key of ['modified', 'published', 'withdrawn', 'summary', 'details'] as const) {
    const value = textField(raw, key, skipped);
    if (value !== undefined) record[key] = value;
  }
  // The field's presence is what withdraws a record; a malformed date must not bring it back.
  if (record.withdrawn === undefined && raw['withdrawn'] !== undefined && raw['withdrawn'] !== null && raw['withdrawn'] !== false) {
    record.withdrawn = String(JSON.stringify(raw['withdrawn']));
    skipped.push('withdrawn: not a date; the record is treated as withdrawn');
  }
  const databaseSpecific = objectField(raw, 'database_specific', 'database_specific', skipped);
  if (databaseSpecific !== undefined) record.database_specific = databaseSpecific;
  return { ok: true, record, skipped };
}

/** Text that should hold one record: JSON syntax errors become a reason, never an exception. */
export function parseOsvJson(text: string): OsvParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return parseOsvRecord(value);
}
