import type { Identifier, RawFinding } from '@rampart/core';
import { IAC_TOOL } from './tool.js';
import type { IacRule, ParsedFile, RuleMatch } from './types.js';

const MAX_SNIPPET = 200;

function identifiersOf(rule: IacRule): Identifier[] {
  const out: Identifier[] = rule.cwe.map((cwe) => {
    const n = /^CWE-(\d+)$/i.exec(cwe)?.[1];
    return n !== undefined ? { type: 'cwe', value: `CWE-${n}`, url: `https://cwe.mitre.org/data/definitions/${n}.html` } : { type: 'cwe', value: cwe };
  });
  return out;
}

function helpOf(rule: IacRule): string {
  const related = [...(rule.related.trivy ?? []), ...(rule.related.checkov ?? []), ...(rule.related.zizmor ?? []).map((z) => `zizmor ${z}`)];
  const parts = [rule.fix.trim()];
  if (rule.references.length > 0) parts.push(['References:', ...rule.references.map((r) => `- ${r}`)].join('\n'));
  if (related.length > 0) parts.push(`Corresponds to: ${related.join(', ')}`);
  return parts.join('\n\n');
}

/**
 * The finding for one match. The snippet is the offending line as written, so the fingerprint core computes
 * survives lines moving above it.
 */
export function toFinding(rule: IacRule, file: ParsedFile, match: RuleMatch): RawFinding {
  const text = (file.lines[match.line - 1] ?? '').trim();
  return {
    kind: 'iac',
    ruleId: rule.id,
    title: rule.title,
    message: match.message,
    help: helpOf(rule),
    severity: rule.severity,
    confidence: rule.confidence ?? 'high',
    identifiers: identifiersOf(rule),
    location: {
      type: 'source',
      path: file.path,
      startLine: match.line,
      endLine: match.line,
      snippet: text.length > MAX_SNIPPET ? text.slice(0, MAX_SNIPPET) : text,
    },
    tool: { ...IAC_TOOL },
  };
}
