/**
 * The parts of an OSV record (https://ossf.github.io/osv-schema/) that matching and reporting use. Field names
 * keep the schema's spelling so a record reads the same here as in the OSV documentation; everything else a
 * record carries is dropped by the parser.
 */

export const RANGE_TYPES = ['SEMVER', 'ECOSYSTEM', 'GIT'] as const;
export type RangeType = (typeof RANGE_TYPES)[number];

export const EVENT_KINDS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One event of a range; the schema allows exactly one of the four keys per event object. */
export interface OsvEvent {
  kind: EventKind;
  version: string;
}

export interface OsvRange {
  type: RangeType;
  repo?: string;
  events: OsvEvent[];
  database_specific?: Record<string, unknown>;
}

export interface OsvPackage {
  ecosystem: string;
  name: string;
  purl?: string;
}

/** `type` is CVSS_V2, CVSS_V3, CVSS_V4 or Ubuntu (a priority word); others are kept for forward compatibility. */
export interface OsvSeverity {
  type: string;
  score: string;
}

export interface OsvAffected {
  package: OsvPackage;
  severity: OsvSeverity[];
  ranges: OsvRange[];
  versions: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export interface OsvReference {
  type: string;
  url: string;
}

export interface OsvRecord {
  id: string;
  modified?: string;
  published?: string;
  withdrawn?: string;
  aliases: string[];
  related: string[];
  /** OSV 1.7: the ids this record was derived from (a DEBIAN-CVE record names its CVE here). */
  upstream: string[];
  summary?: string;
  details?: string;
  severity: OsvSeverity[];
  affected: OsvAffected[];
  references: OsvReference[];
  database_specific?: Record<string, unknown>;
}

/**
 * A record parsed, with what was left out of it and why; or the reason the input is not an OSV record at all.
 * Skipped parts are reported, never silently dropped (DESIGN.md, convention 2).
 */
export type OsvParseResult =
  | { ok: true; record: OsvRecord; skipped: string[] }
  | { ok: false; reason: string };
