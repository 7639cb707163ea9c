import type { OsvRecord } from '../osv/types.js';

/** One package version to look up, in OSV's terms (`Debian:12`, the source package name, Go without `v`). */
export interface PackageQuery {
  ecosystem: string;
  name: string;
  version: string;
}

export interface SourceAnswer {
  /** Candidate records per query, same order as the queries; the matcher decides which really apply. */
  records: OsvRecord[][];
  /** Records or responses the source could not use, with why (reported, never silently dropped). */
  problems: string[];
}

/**
 * Where OSV records come from: the online API or the offline mirror in the cache dir. Both answer with whole
 * records and the matcher evaluates the ranges itself, so the two give the same findings for the same data.
 */
export interface VulnSource {
  /** For logs and the run summary: `osv.dev API (https://api.osv.dev)`, `offline OSV mirror (pulled ...)`. */
  readonly description: string;
  query(queries: readonly PackageQuery[]): Promise<SourceAnswer>;
}
