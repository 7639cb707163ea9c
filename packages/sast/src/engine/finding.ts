import type { FlowStep, Identifier, RawFinding, SourceLocation } from '@rampart/core';
import type { SastRule } from '../rule-types.js';
import type { TaintPoint } from '../taint/types.js';
import { firstSentence } from './message.js';
import { SAST_TOOL } from './tool.js';

/** A 0-based range as ast-grep reports it; the end column is exclusive. */
export interface Span {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

const MAX_SNIPPET = 200;

/**
 * The matched code as the fingerprint will see it: trimmed and bounded. It holds no line number, so a
 * finding keeps its fingerprint when code above it moves.
 */
export function snippetOf(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > MAX_SNIPPET ? trimmed.slice(0, MAX_SNIPPET) : trimmed;
}

export function locationOf(path: string, span: Span, text: string): SourceLocation {
  return {
    type: 'source',
    path,
    startLine: span.start.line + 1,
    endLine: span.end.line + 1,
    startColumn: span.start.column + 1,
    endColumn: span.end.column + 1,
    snippet: snippetOf(text),
  };
}

export function identifiersOf(rule: SastRule): Identifier[] {
  const out: Identifier[] = [];
  for (const cwe of rule.cwe) {
    const n = /^CWE-(\d+)$/i.exec(cwe)?.[1];
    out.push(n !== undefined ? { type: 'cwe', value: `CWE-${n}`, url: `https://cwe.mitre.org/data/definitions/${n}.html` } : { type: 'cwe', value: cwe });
  }
  for (const owasp of rule.owasp ?? []) out.push({ type: 'owasp', value: owasp });
  return out;
}

/** Markdown remediation: the rule's fix, then its references as a list. */
export function helpOf(rule: SastRule): string | undefined {
  const parts: string[] = [];
  if (rule.fix !== undefined && rule.fix.trim() !== '') parts.push(rule.fix.trim());
  const refs = rule.references ?? [];
  if (refs.length > 0) parts.push(['References:', ...refs.map((r) => `- ${r}`)].join('\n'));
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

export function flowOf(path: string, points: readonly TaintPoint[]): FlowStep[] {
  return points.map((p) => ({ path, line: p.line + 1, column: p.column + 1, message: p.label }));
}

/** Everything a finding of one rule shares, whatever it matched. */
export function findingBase(rule: SastRule): Omit<RawFinding, 'message' | 'location'> {
  const help = helpOf(rule);
  return {
    kind: 'sast',
    ruleId: rule.id,
    title: rule.title ?? firstSentence(rule.message),
    ...(help !== undefined ? { help } : {}),
    severity: rule.severity,
    confidence: rule.confidence,
    identifiers: identifiersOf(rule),
    tool: { ...SAST_TOOL },
  };
}
