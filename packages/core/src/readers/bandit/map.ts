import type { RawFinding, Tool } from '../../model/finding.js';
import { fromBandit, fromConfidenceName } from '../../model/severity.js';
import { makeFinding, sourceLocation } from '../build.js';
import { cweIdentifier, uniqueIdentifiers } from '../identifiers.js';
import { filePath } from '../paths.js';
import { firstSentence, linkList, nonEmpty, sections } from '../text.js';
import type { BanditResult } from './schema.js';

/**
 * Bandit's `code` is the lines around the issue, each prefixed with its number ("42 x = y\n").
 * The snippet is only the lines in `line_range`, without the numbers.
 */
export function banditSnippet(code: string | null | undefined, lines: readonly number[]): string | undefined {
  if (!code) return undefined;
  const wanted = new Set(lines);
  const picked: string[] = [];
  for (const raw of code.split('\n')) {
    const m = /^(\d+)\s?(.*)$/.exec(raw);
    if (m?.[1] && wanted.has(Number(m[1]))) picked.push(m[2] ?? '');
  }
  const text = picked.join('\n');
  return text.trim() === '' ? undefined : text;
}

/**
 * `hardcoded_sql_expressions` reads better as "Hardcoded sql expressions". Bandit names every
 * blacklisted call and import test just "blacklist", so those take the first sentence of the issue.
 */
function titleOf(r: BanditResult): string | undefined {
  const name = nonEmpty(r.test_name);
  const text = nonEmpty(r.issue_text);
  if (name === 'blacklist' && text) return firstSentence(text);
  if (!name) return undefined;
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function mapBanditResult(r: BanditResult, tool: Tool): RawFinding | undefined {
  const path = filePath(r.filename);
  if (!path) return undefined;
  const range = (r.line_range ?? []).filter((n) => Number.isInteger(n) && n > 0);
  const start = r.line_number ?? range[0];
  // Bandit columns are 0-based offsets.
  const col = (v: number | null | undefined) => (typeof v === 'number' && v >= 0 ? v + 1 : undefined);
  return makeFinding({
    kind: 'sast',
    ruleId: r.test_id,
    title: titleOf(r),
    message: r.issue_text,
    help: sections([{ heading: 'More information', body: linkList([r.more_info, r.issue_cwe?.link]) }]),
    severity: fromBandit(r.issue_severity ?? undefined),
    confidence: fromConfidenceName(r.issue_confidence ?? undefined),
    identifiers: uniqueIdentifiers([cweIdentifier(r.issue_cwe?.id)]),
    location: sourceLocation({
      path,
      startLine: start,
      endLine: range.length > 0 ? Math.max(...range) : undefined,
      startColumn: col(r.col_offset),
      endColumn: range.length <= 1 ? col(r.end_col_offset) : undefined,
      snippet: banditSnippet(r.code, range.length > 0 ? range : typeof start === 'number' ? [start] : []),
    }),
    tool,
  });
}
