import { UserError } from '../errors.js';
import { findingSchema, type RawFinding } from '../model/finding.js';
import { normalizePath } from '../model/fingerprint.js';
import { parseReportText } from './parse-text.js';
import { READERS, READER_IDS, readerById } from './registry.js';
import { formatPath } from './schema.js';
import type { ReadResult, ReportReader, SkippedEntry } from './types.js';

export interface ReadReportContext {
  /** The path as the user gave it, for messages. */
  file: string;
  /** A reader id from `READER_IDS`, to skip detection. */
  format?: string;
  /**
   * The checkout's absolute path. Some tools (ESLint's SARIF formatter, Grype on directories) write
   * absolute paths; those under `root` become repository-relative, like every other tool's.
   */
  root?: string;
}

function supported(): string {
  return READERS.map((r) => `${r.title} (${r.id})`).join(', ');
}

function chooseReader(doc: unknown, text: string, ctx: ReadReportContext): ReportReader {
  if (ctx.format !== undefined) {
    const forced = readerById(ctx.format);
    if (!forced) {
      throw new UserError(`unknown report format "${ctx.format}"`, { file: ctx.file, field: 'format', expected: `one of ${READER_IDS.join(', ')}` });
    }
    return forced;
  }
  const detected = READERS.find((r) => r.detect(doc, text));
  if (!detected) {
    // Reading an unknown document as "no findings" would pass a gate it should fail.
    throw new UserError('is not a report format rampart can read; name the format with --format if it is one', {
      file: ctx.file,
      expected: `one of: ${supported()}`,
    });
  }
  return detected;
}

const rawFindingSchema = findingSchema.omit({ fingerprint: true });

/** A reader bug must not put an invalid finding in front of the writers; it is reported like a bad entry. */
function keepValid(findings: readonly RawFinding[], skipped: SkippedEntry[]): RawFinding[] {
  return findings.filter((f, i) => {
    const p = rawFindingSchema.safeParse(f);
    if (p.success) return true;
    const issue = p.error.issues[0];
    skipped.push({ reason: `could not be turned into a valid finding (${issue ? `${formatPath(issue.path)}: ${issue.message}` : 'invalid'})`, entry: `finding ${i}` });
    return false;
  });
}

function relativeTo(root: string): (path: string) => string {
  const prefix = `${normalizePath(root).replace(/\/+$/, '')}/`;
  return (path) => (path.startsWith(prefix) && path.length > prefix.length ? path.slice(prefix.length) : path);
}

function withRelativePaths(f: RawFinding, rel: (path: string) => string): RawFinding {
  const loc = f.location;
  const location =
    loc.type === 'source' ? { ...loc, path: rel(loc.path) } : loc.type === 'package' && loc.file ? { ...loc, file: rel(loc.file) } : loc;
  const flow = f.flow?.map((s) => ({ ...s, path: rel(s.path) }));
  return { ...f, location, ...(flow ? { flow } : {}) };
}

/**
 * Reads a third-party report: parses JSON or XML, detects the format (or uses `ctx.format`), and maps
 * it to findings without fingerprints. Throws `UserError` when the text is not JSON/XML, the format
 * is unknown, or the report is malformed at the top level; bad entries are returned in `skipped`.
 */
export function readReport(text: string, ctx: ReadReportContext): ReadResult & { format: string } {
  const doc = parseReportText(text, ctx.file);
  const reader = chooseReader(doc, text, ctx);
  const result = reader.read(doc, { file: ctx.file });
  const skipped = [...result.skipped];
  const rel = ctx.root ? relativeTo(ctx.root) : undefined;
  const findings = keepValid(rel ? result.findings.map((f) => withRelativePaths(f, rel)) : result.findings, skipped);
  return { ...result, findings, skipped, format: reader.id };
}
