import { fromSarifLevel, type RawFinding, type SourceLocation, type Tool } from '@rampart/core';
import type { EslintMessage, RuleMeta } from './schema.js';

const posInt = (v: number | null | undefined): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? v : undefined);

/** The reported lines of the file's source, for the line-independent fingerprint. */
function snippetOf(source: string | undefined, start: number | undefined, end: number | undefined): string | undefined {
  if (!source || start === undefined) return undefined;
  const lines = source.split(/\r?\n/).slice(start - 1, Math.max(start, end ?? start));
  const text = lines.join('\n').replace(/\s+$/, '');
  return text.trim() === '' ? undefined : text;
}

function location(path: string, m: EslintMessage, source: string | undefined): SourceLocation {
  const startLine = posInt(m.line);
  let endLine = posInt(m.endLine);
  if (startLine === undefined || (endLine !== undefined && endLine < startLine)) endLine = undefined;
  const loc: SourceLocation = { type: 'source', path };
  if (startLine !== undefined) {
    loc.startLine = startLine;
    if (endLine !== undefined) loc.endLine = endLine;
    const startColumn = posInt(m.column);
    const endColumn = posInt(m.endColumn);
    if (startColumn !== undefined) loc.startColumn = startColumn;
    if (endColumn !== undefined) loc.endColumn = endColumn;
  }
  const snippet = snippetOf(source, startLine, endLine);
  if (snippet !== undefined) loc.snippet = snippet;
  return loc;
}

/**
 * One ESLint message with a rule id as a finding. ESLint's severities go through core's SARIF level
 * table (2 = error, 1 = warning), the mapping ESLint's own SARIF formatter uses, so both routes agree.
 */
export function mapEslintMessage(
  m: EslintMessage & { ruleId: string },
  file: { path: string; source: string | undefined },
  meta: RuleMeta | undefined,
  tool: Tool,
): RawFinding {
  const message = m.message?.trim() || m.ruleId;
  const description = meta?.docs?.description?.trim();
  const url = meta?.docs?.url?.trim();
  const finding: RawFinding = {
    kind: 'sast',
    ruleId: m.ruleId,
    title: description || m.ruleId,
    message,
    severity: fromSarifLevel(m.severity === 2 ? 'error' : m.severity === 1 ? 'warning' : 'none'),
    identifiers: [],
    location: location(file.path, m, file.source),
    tool,
  };
  if (url) finding.help = `## More information\n\n- ${url}`;
  return finding;
}
