import type { RawFinding, Tool } from '../../model/finding.js';
import { makeFinding, sourceLocation } from '../build.js';
import { filePath } from '../paths.js';
import { redact } from '../secrets.js';
import { nonEmpty } from '../text.js';
import type { LeakV7, LeakV8 } from './schema.js';

/**
 * Gitleaks has no severities. GitLab's secret detection, which runs Gitleaks, rates every leak
 * Critical: a committed credential is exposed to everyone who can read the history.
 */
const SEVERITY = 'critical';

function commitNote(commit: string | null | undefined): string {
  const c = nonEmpty(commit);
  return c && !/^0+$/.test(c) ? ` (commit ${c.slice(0, 12)})` : '';
}

export function mapLeakV8(l: LeakV8, tool: Tool): RawFinding | undefined {
  const title = nonEmpty(l.Description) ?? l.RuleID;
  const path = filePath(l.File);
  if (!path) return undefined;
  return makeFinding({
    kind: 'secret',
    ruleId: l.RuleID,
    title,
    message: `Secret matching rule ${l.RuleID} found in ${path}${commitNote(l.Commit)}.`,
    help: 'Revoke and rotate this credential, then remove it from the repository history.',
    severity: SEVERITY,
    identifiers: [],
    location: sourceLocation({
      path,
      startLine: l.StartLine,
      endLine: l.EndLine,
      startColumn: l.StartColumn,
      endColumn: l.EndColumn,
      snippet: redact(l.Match ?? l.Secret, l.Secret),
    }),
    tool,
  });
}

export function mapLeakV7(l: LeakV7, tool: Tool): RawFinding | undefined {
  const path = filePath(l.file);
  if (!path) return undefined;
  return makeFinding({
    kind: 'secret',
    ruleId: l.rule,
    title: l.rule,
    message: `${l.rule} found in ${path}${commitNote(l.commit)}.`,
    help: 'Revoke and rotate this credential, then remove it from the repository history.',
    severity: SEVERITY,
    identifiers: [],
    // Only the offender: Gitleaks 7's `line` can hold more key material than the match (a key body).
    location: sourceLocation({ path, startLine: l.lineNumber, snippet: redact(l.offender, l.offender) }),
    tool,
  });
}
