import { LineCounter, parseDocument, type Document } from 'yaml';
import { UserError } from '../errors.js';
import { describeIssue, formatPath, type Problem } from './issues.js';
import { configSchema, DEFAULT_CONFIG, type RampartConfig } from './schema.js';
import { lineOfPath } from './yaml-locate.js';

/** Enough for any real config; more is the "billion laughs" pattern. */
const MAX_ALIASES = 100;
/** Beyond this many problems, listing more helps nobody. */
const MAX_LISTED = 10;

function clampLine(line: number | undefined, text: string): number | undefined {
  if (line === undefined) return undefined;
  const lines = text.split(/\r\n|\r|\n/).length;
  return Math.min(Math.max(line, 1), lines);
}

function toData(doc: Document, text: string, file: string, lc: LineCounter): unknown {
  const syntax = doc.errors[0];
  if (syntax !== undefined) {
    const line = clampLine(lc.linePos(syntax.pos[0]).line, text);
    throw new UserError(`invalid YAML: ${syntax.message}`, { file, ...(line ? { line } : {}), expected: 'valid YAML' });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    // The yaml package throws plain errors for alias abuse and similar; they are still the user's file.
    const why = e instanceof Error ? e.message : String(e);
    throw new UserError(`invalid YAML: ${why}`, { file, expected: `aliases that follow their anchor, at most ${MAX_ALIASES} of them` });
  }
}

function problemError(p: Problem, doc: Document, lc: LineCounter, text: string, file: string): UserError {
  const line = clampLine(lineOfPath(doc, lc, p.path, p.atKey), text);
  const field = formatPath(p.path);
  return new UserError(p.message, {
    file,
    ...(line !== undefined ? { line } : {}),
    ...(field !== '' ? { field } : {}),
    expected: p.expected,
  });
}

/**
 * Parses and validates `.rampart.yml`. Pure: the caller reads the file. An empty file (or one with
 * only comments) is the default configuration. Every problem is a `UserError` naming the file, the
 * line, the field and what was expected; when there are several, the first is in the error's fields
 * and the message lists them all.
 */
export function parseConfig(text: string, file: string): RampartConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const data = toData(doc, text, file, lc);
  if (data === null || data === undefined) return structuredClone(DEFAULT_CONFIG);
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError(`the file holds ${Array.isArray(data) ? 'a list' : 'a single value'}`, {
      file,
      line: 1,
      expected: 'a mapping of settings such as gate:, ignore:, output:',
    });
  }
  const result = configSchema.safeParse(data);
  if (result.success) return result.data;

  const errors = result.error.issues.map((issue) => problemError(describeIssue(issue, data), doc, lc, text, file));
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const [first, ...rest] = errors;
  if (first === undefined) throw new UserError('invalid configuration', { file });
  if (rest.length > 0) {
    const listed = rest.slice(0, MAX_LISTED).map((e) => `  ${e.message}`);
    if (rest.length > MAX_LISTED) listed.push(`  ...and ${rest.length - MAX_LISTED} more`);
    first.message = `${first.message}\n${listed.join('\n')}`;
  }
  throw first;
}
