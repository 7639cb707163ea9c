import type { RawFinding, Tool } from '../model/finding.js';

export interface ReadContext {
  /** The report's path as the user gave it; every error and skip names it. */
  file: string;
}

/** An entry of a report that could not become a finding, and why. Reported, never silently dropped. */
export interface SkippedEntry {
  reason: string;
  /** Where in the report, e.g. `runs[0].results[3]`, so the user can find it. */
  entry?: string;
}

export interface ScannedResource {
  method: string;
  url: string;
}

export interface ReadResult {
  findings: RawFinding[];
  tools: Tool[];
  skipped: SkippedEntry[];
  /** DAST reports that list what they requested (GitLab `scan.scanned_resources`). */
  scannedResources?: ScannedResource[];
}

/**
 * One third-party report format. Readers are pure: the same document always gives the same result,
 * and they never touch the filesystem or the network.
 */
export interface ReportReader {
  /** Stable id, accepted by `--format`. */
  id: string;
  /** Human name for messages, e.g. "Trivy JSON". */
  title: string;
  /**
   * Whether `doc` is this reader's format. Cheap and strict enough that no other reader's report
   * matches; it looks at shape only, never validates every entry.
   */
  detect(doc: unknown, text: string): boolean;
  /**
   * Throws `UserError` when the document is not this format at the top level; entries that cannot be
   * used are returned in `skipped`.
   */
  read(doc: unknown, ctx: ReadContext): ReadResult;
}
