import type { FindingKind, RawFinding, Tool } from '../../model/finding.js';
import { fromConfidenceName, fromSemgrep } from '../../model/severity.js';
import { makeFinding, sourceLocation } from '../build.js';
import { cweIdentifier, owaspIdentifier, uniqueIdentifiers } from '../identifiers.js';
import { filePath } from '../paths.js';
import { firstSentence, linkList, nonEmpty, sections } from '../text.js';
import { semgrepFlow } from './flow.js';
import type { SemgrepResult } from './schema.js';

/** Semgrep without a login (1.x) prints this instead of the matched code. */
const NO_CODE = /^requires login$/i;

function kindOf(r: SemgrepResult): FindingKind {
  const meta = r.extra.metadata;
  const secrets = meta?.category === 'secrets' || meta?.technology.includes('secrets') || r.check_id.includes('.secrets.');
  return secrets ? 'secret' : 'sast';
}

function helpOf(r: SemgrepResult): string | undefined {
  const meta = r.extra.metadata;
  const fix = nonEmpty(r.extra.fix);
  return sections([
    { heading: 'Suggested fix', body: fix ? `\`\`\`\n${fix}\n\`\`\`` : undefined },
    { heading: 'References', body: linkList([...(meta?.references ?? []), meta?.source ?? meta?.shortlink]) },
  ]);
}

export function mapSemgrepResult(r: SemgrepResult, tool: Tool): RawFinding | undefined {
  const path = filePath(r.path);
  if (!path) return undefined;
  const meta = r.extra.metadata;
  const message = nonEmpty(r.extra.message);
  const lines = r.extra.lines && r.extra.lines.trim() !== '' ? r.extra.lines : undefined;
  return makeFinding({
    kind: kindOf(r),
    ruleId: r.check_id,
    // Semgrep rules have no title; the first sentence of the message is what GitLab's analyzer shows too.
    title: nonEmpty(meta?.shortDescription) ?? (message ? firstSentence(message) : undefined),
    message,
    help: helpOf(r),
    severity: fromSemgrep(r.extra.severity ?? undefined),
    confidence: fromConfidenceName(meta?.confidence ?? undefined),
    identifiers: uniqueIdentifiers([...(meta?.cwe ?? []).map((c) => cweIdentifier(c)), ...(meta?.owasp ?? []).map((o) => owaspIdentifier(o))]),
    location: sourceLocation({
      path,
      startLine: r.start?.line,
      endLine: r.end?.line,
      startColumn: r.start?.col,
      endColumn: r.end?.col,
      snippet: lines && !NO_CODE.test(lines) ? lines : undefined,
    }),
    tool,
    flow: semgrepFlow(r.extra.dataflow_trace),
    suppression: r.extra.is_ignored ? { kind: 'inline', reason: 'nosemgrep comment' } : undefined,
  });
}
