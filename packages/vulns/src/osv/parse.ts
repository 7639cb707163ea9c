import type { z } from 'zod';
import {
  affectedSchema,
  describeIssues,
  eventSchema,
  packageSchema,
  rangeSchema,
  recordSchema,
  referenceSchema,
  severitySchema,
} from './schema.js';
import type { OsvAffected, OsvEvent, OsvParseResult, OsvRange, OsvReference, OsvSeverity } from './types.js';

/** Parses each element of a list; an element that does not fit is skipped with `where[i]: why`. */
function eachOf<S extends z.ZodType, T>(
  list: readonly unknown[] | null | undefined,
  schema: S,
  where: string,
  skipped: string[],
  map: (value: z.output<S>, at: string) => T | undefined,
): T[] {
  const out: T[] = [];
  (list ?? []).forEach((raw, i) => {
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

function strings(list: readonly unknown[] | null | undefined, where: string, skipped: string[]): string[] {
  const out: string[] = [];
  (list ?? []).forEach((v, i) => {
    if (typeof v === 'string' && v.trim() !== '') out.push(v);
    else skipped.push(`${where}[${i}]: expected a non-empty string`);
  });
  return out;
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
    severity: eachOf(raw.severity, severitySchema, `${at}.severity`, skipped, severity),
    ranges: eachOf(raw.ranges, rangeSchema, `${at}.ranges`, skipped, (r, rAt) => parseRange(r, rAt, skipped)),
    versions: strings(raw.versions, `${at}.versions`, skipped),
  };
  if (raw.ecosystem_specific !== undefined) affected.ecosystem_specific = raw.ecosystem_specific;
  if (raw.database_specific !== undefined) affected.database_specific = raw.database_specific;
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
  const record = {
    id: raw.id.trim(),
    aliases: strings(raw.aliases, 'aliases', skipped),
    related: strings(raw.related, 'related', skipped),
    upstream: strings(raw.upstream, 'upstream', skipped),
    severity: eachOf(raw.severity, severitySchema, 'severity', skipped, severity),
    affected: eachOf(raw.affected, affectedSchema, 'affected', skipped, (a, at) => parseAffected(a, at, skipped)),
    references: eachOf(raw.references, referenceSchema, 'references', skipped, reference),
    ...optionalText(raw),
    ...(raw.database_specific !== undefined ? { database_specific: raw.database_specific } : {}),
  };
  return { ok: true, record, skipped };
}

function optionalText(raw: z.output<typeof recordSchema>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['modified', 'published', 'withdrawn', 'summary', 'details'] as const) {
    const v = raw[key];
    if (typeof v === 'string' && v !== '') out[key] = v;
  }
  return out;
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
