import type { Identifier, RawFinding } from '@rampart/core';
import { SAST_TOOL } from '../engine/tool.js';
import { redact } from './redact.js';
import type { TextIndex } from './text-index.js';
import type { SecretMatch } from './types.js';

function cwe(id: string): Identifier {
  const n = id.replace(/^CWE-/, '');
  return { type: 'cwe', value: `CWE-${n}`, url: `https://cwe.mitre.org/data/definitions/${n}.html` };
}

/** A name is shown only if it cannot carry the secret (`ghp_x...=ghp_x...` would). */
function safeName(m: SecretMatch): string | undefined {
  const name = m.name;
  if (name === undefined || name.length === 0 || name.length > 80) return undefined;
  return name.includes(m.secret) || m.secret.includes(name) && name.length >= 8 ? undefined : name;
}

function message(m: SecretMatch, commit: string | undefined): string {
  const name = safeName(m);
  const what = m.provider === 'generic' ? 'A high-entropy secret' : `A ${m.title} (${m.provider})`;
  const where = name ? ` is assigned to \`${name}\`` : ' is hard-coded here';
  const when = commit ? `; it was added in commit ${commit.slice(0, 12)} and stays in the history until rewritten` : '';
  return `${what}${where}${when}.`;
}

function help(m: SecretMatch): string {
  const revoke = m.revokeUrl ? ` ([how](${m.revokeUrl}))` : '';
  return [
    `**Revoke or rotate this credential first**${revoke}: anyone who could read this repository, a fork or its`,
    'history may already hold it, and deleting the line does not un-leak it.',
    '',
    'Then remove it from the code and load it at run time from a secret store or a CI secret variable.',
    'Purge it from the history (`git filter-repo`) only after rotating; rewriting alone is not enough.',
    '',
    `If this is a test or example value, allow it (\`allowValues\`, \`allowPaths\`) or suppress it with`,
    `\`rampart-ignore: ${m.ruleId} -- <reason>\`.`,
  ].join('\n');
}

export interface FindingContext {
  path: string;
  commit?: string;
  /** Maps a 1-based line of the scanned text to the line reported (history scans join added lines). */
  lineMap?: (line: number) => number;
}

export function toFinding(m: SecretMatch, index: TextIndex, ctx: FindingContext): RawFinding {
  const from = index.position(m.start);
  const to = index.position(m.end);
  const map = ctx.lineMap ?? ((n: number) => n);
  return {
    kind: 'secret',
    ruleId: m.ruleId,
    title: m.title,
    message: message(m, ctx.commit),
    help: help(m),
    severity: m.severity,
    confidence: m.confidence,
    identifiers: m.cwe.map(cwe),
    location: {
      type: 'source',
      path: ctx.path,
      startLine: map(from.line),
      endLine: map(to.line),
      startColumn: from.column,
      // Exclusive, as in SARIF: the column just after the secret.
      endColumn: to.column,
      snippet: redact(m.provider, m.secret),
    },
    tool: { ...SAST_TOOL },
  };
}
