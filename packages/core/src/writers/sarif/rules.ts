import type { Finding, Identifier, Severity } from '../../model/finding.js';
import { maxSeverity, toSarifLevel, toSecuritySeverity } from '../../model/severity.js';
import type { SarifReportingDescriptor } from './types.js';
import { webUrlToUri } from './uri.js';

/** GitHub rejects a rule with more than 20 tags (and shows 10); ours are capped here. */
export const MAX_TAGS_PER_RULE = 20;
/** SARIF and GitHub show short descriptions as one line; past ~1,000 characters they are cut anyway. */
const MAX_SHORT_DESCRIPTION = 1000;
const MAX_HELP_REFERENCES = 20;

interface RuleAcc {
  id: string;
  first: Finding;
  severity: Severity;
  identifiers: Map<string, Identifier>;
  kinds: Set<string>;
}

/** CWE ids arrive as `CWE-79`, `cwe-79` or `79`; GitHub's tag is `external/cwe/cwe-79`. */
export function cweNumber(value: string): string | undefined {
  const m = /^(?:cwe[-_ :]?)?(\d+)$/i.exec(value.trim());
  return m?.[1];
}

function precisionOf(f: Finding): string {
  if (f.confidence !== undefined) return f.confidence;
  // An advisory matched on an exact package version is about as precise as a finding gets.
  return f.kind === 'dependency' || f.kind === 'container' || f.kind === 'license' ? 'very-high' : 'medium';
}

function tagsOf(acc: RuleAcc): string[] {
  const cwes: string[] = [];
  const other = new Set<string>();
  for (const id of acc.identifiers.values()) {
    const type = id.type.toLowerCase();
    if (type === 'cwe') {
      const n = cweNumber(id.value);
      if (n !== undefined) cwes.push(`external/cwe/cwe-${n}`);
    } else if (type === 'owasp') {
      other.add(`external/owasp/${id.value.toLowerCase().replace(/[^a-z0-9:._-]+/g, '-')}`);
    }
  }
  const kinds = [...acc.kinds].sort();
  // License findings are policy, not security: without the tag GitHub files them as plain alerts.
  const security = kinds.some((k) => k !== 'license') ? ['security'] : [];
  const tags = [...security, ...kinds, ...[...new Set(cwes)].sort(), ...[...other].sort()];
  return tags.slice(0, MAX_TAGS_PER_RULE);
}

function nonBlank(text: string, fallback: string): string {
  return text.trim() !== '' ? text : fallback;
}

function oneLine(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** `SQL injection` -> `SqlInjection`: SARIF wants a name that differs from the opaque id. */
function ruleName(title: string, id: string): string {
  const name = title
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('')
    .slice(0, 200);
  return name !== '' && name !== id ? name : `Rule${id.replace(/[^A-Za-z0-9]+/g, '')}`;
}

function referencesMarkdown(ids: Identifier[]): string {
  const lines = ids.map((id) => {
    const label = `${id.type.toUpperCase()}: ${id.value}`;
    const uri = id.url !== undefined ? webUrlToUri(id.url) : undefined;
    return uri !== undefined ? `- [${label}](${uri})` : `- ${label}`;
  });
  return lines.length > 0 ? `\n\n**References**\n\n${lines.join('\n')}` : '';
}

function descriptorOf(acc: RuleAcc): SarifReportingDescriptor {
  const f = acc.first;
  const title = nonBlank(f.title, f.ruleId);
  // A generic rule ("vulnerable dependency") can carry thousands of advisories; the help lists a few.
  const ids = [...acc.identifiers.values()].slice(0, MAX_HELP_REFERENCES);
  const helpBody = nonBlank(f.help ?? '', nonBlank(f.fix?.summary ?? '', title));
  const helpUri = ids.map((i) => (i.url !== undefined ? webUrlToUri(i.url) : undefined)).find((u) => u !== undefined);
  const securitySeverity = toSecuritySeverity(acc.severity);
  const properties: SarifReportingDescriptor['properties'] = { tags: tagsOf(acc), precision: precisionOf(f) };
  if (securitySeverity !== undefined) properties['security-severity'] = securitySeverity;
  return {
    id: acc.id,
    name: ruleName(title, acc.id),
    shortDescription: { text: nonBlank(oneLine(title, MAX_SHORT_DESCRIPTION), 'Unnamed rule') },
    fullDescription: { text: nonBlank(oneLine(f.help ?? '', 4000), nonBlank(oneLine(title, 4000), 'Unnamed rule')) },
    help: {
      text: helpBody + (ids.length > 0 ? `\n\nReferences: ${ids.map((i) => i.url ?? `${i.type}:${i.value}`).join(', ')}` : ''),
      markdown: helpBody + referencesMarkdown(ids),
    },
    ...(helpUri !== undefined ? { helpUri } : {}),
    defaultConfiguration: { level: toSarifLevel(acc.severity) },
    properties,
  };
}

export interface RuleTable {
  rules: SarifReportingDescriptor[];
  indexOf: Map<string, number>;
}

/**
 * One descriptor per rule id that occurs, sorted by id. Text comes from the first finding (in the
 * writers' sorted order); the level is the highest severity any finding of the rule has.
 */
export function buildRules(findings: readonly Finding[]): RuleTable {
  const accs = new Map<string, RuleAcc>();
  for (const f of findings) {
    let acc = accs.get(f.ruleId);
    if (acc === undefined) {
      acc = { id: f.ruleId, first: f, severity: f.severity, identifiers: new Map(), kinds: new Set() };
      accs.set(f.ruleId, acc);
    } else {
      acc.severity = maxSeverity(acc.severity, f.severity);
    }
    acc.kinds.add(f.kind);
    for (const id of f.identifiers) {
      const key = `${id.type.toLowerCase()}\0${id.value}`;
      if (!acc.identifiers.has(key)) acc.identifiers.set(key, id);
    }
  }
  const sorted = [...accs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rules = sorted.map(descriptorOf);
  const indexOf = new Map<string, number>();
  rules.forEach((r, i) => indexOf.set(r.id, i));
  return { rules, indexOf };
}
