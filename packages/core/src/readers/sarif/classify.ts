import type { Confidence, FindingKind, Identifier, Severity, Suppression } from '../../model/finding.js';
import { fromSarifLevel, fromSecuritySeverity } from '../../model/severity.js';
import { advisoryIdentifier, cweIdentifier, owaspIdentifier, uniqueIdentifiers } from '../identifiers.js';
import { firstSentence, nonEmpty, sections } from '../text.js';
import { ruleTags, stringProp } from './rules.js';
import type { SarifResult, SarifRule } from './schema.js';

/**
 * `security-severity` (GitHub's convention, on the result or its rule) beats `level`, which beats the
 * rule default. With none of them SARIF means "warning", except for secrets: secret scanners do not
 * rate leaks, and a committed credential is rated critical as the Gitleaks reader does.
 */
export function severityOf(result: SarifResult, rule: SarifRule | undefined, kind: FindingKind): Severity {
  const score = stringProp(result.properties, 'security-severity') ?? stringProp(rule?.properties, 'security-severity');
  if (score !== undefined) {
    const s = fromSecuritySeverity(score);
    if (s !== 'unknown') return s;
  }
  const level = result.level ?? rule?.defaultConfiguration?.level ?? undefined;
  if (level === undefined && kind === 'secret') return 'critical';
  return fromSarifLevel(level);
}

/**
 * Semgrep tags rules "HIGH CONFIDENCE"; CodeQL's `precision` is how often a result of the query is a
 * true positive.
 */
export function confidenceOf(rule: SarifRule | undefined): Confidence | undefined {
  const tagged = ruleTags(rule)
    .map((t) => /^(high|medium|low) confidence$/i.exec(t.trim())?.[1]?.toLowerCase())
    .find((c) => c !== undefined);
  if (tagged === 'high' || tagged === 'medium' || tagged === 'low') return tagged;
  const precision = stringProp(rule?.properties, 'precision')?.toLowerCase();
  if (precision === 'very-high' || precision === 'high') return 'high';
  if (precision === 'medium') return 'medium';
  if (precision === 'low') return 'low';
  return undefined;
}

const SECRET_TOOLS = /gitleaks|trufflehog|detect-secrets|secretlint|ggshield|secret/i;
const IAC_TOOLS = /checkov|tfsec|kics|terrascan/i;

/**
 * SARIF does not say what kind of problem a result is, so this goes by the tool and rule tags.
 * Advisory results (Trivy's `vulnerability` tag, CVE/GHSA rule ids) are dependency findings when they
 * point at a lockfile and container findings when the run names an image; everything else is SAST.
 * Decided once per rule (a log has few rules and many results): only the lockfile case needs the
 * result's path, so for `advisory` rules the reader applies it per result (read.ts).
 */
export function ruleKind(input: { toolName: string; ruleId: string; tags: readonly string[]; runHasImage: boolean }): { kind: FindingKind; advisory: boolean } {
  const tags = input.tags.map((t) => t.toLowerCase());
  if (SECRET_TOOLS.test(input.toolName) || tags.includes('secret') || tags.includes('secrets')) return { kind: 'secret', advisory: false };
  if (IAC_TOOLS.test(input.toolName) || tags.includes('misconfiguration')) return { kind: 'iac', advisory: false };
  const advisory = tags.includes('vulnerability') || /^(CVE-\d{4}-|GHSA-)/i.test(input.ruleId);
  return { kind: advisory && input.runHasImage ? 'container' : 'sast', advisory };
}

export function identifiersOf(ruleId: string, rule: SarifRule | undefined): Identifier[] {
  const tags = ruleTags(rule);
  const cweProp = rule?.properties?.['cwe'];
  const cweList = Array.isArray(cweProp) ? cweProp : [cweProp];
  return uniqueIdentifiers([
    advisoryIdentifier(/^(CVE-\d{4}-\d+|GHSA(-\w{4}){3})$/i.test(ruleId) ? ruleId : undefined, nonEmpty(rule?.helpUri)),
    ...tags.filter((t) => /cwe/i.test(t)).map((t) => cweIdentifier(t)),
    ...cweList.map((c) => (typeof c === 'string' || typeof c === 'number' ? cweIdentifier(c) : undefined)),
    ...tags.filter((t) => /owasp|^A\d{1,2}:\d{4}/i.test(t)).map((t) => owaspIdentifier(t)),
  ]);
}

/**
 * Rule `name` is a title only when it reads like one: CodeQL and Semgrep put the id there, Trivy a
 * category, Gitleaks the human name. Gitleaks 8.0 put its regex in shortDescription, hence the order.
 */
export function titleOf(ruleId: string, rule: SarifRule | undefined): string {
  const candidates = [
    rule?.name && /\s/.test(rule.name) ? rule.name : undefined,
    rule?.shortDescription?.text,
    stringProp(rule?.properties, 'name'),
    rule?.fullDescription?.text ? firstSentence(rule.fullDescription.text) : undefined,
  ];
  for (const c of candidates) {
    const t = nonEmpty(c);
    // "Semgrep Finding: <rule id>" and Trivy's bare CVE id say nothing the id does not.
    if (t && t !== ruleId && !t.includes(ruleId)) return t;
  }
  return ruleId;
}

export function helpOf(rule: SarifRule | undefined): string | undefined {
  const body = nonEmpty(rule?.help?.markdown) ?? nonEmpty(rule?.help?.text) ?? nonEmpty(rule?.fullDescription?.markdown) ?? nonEmpty(rule?.fullDescription?.text);
  const uri = nonEmpty(rule?.helpUri);
  const more = uri && !body?.includes(uri) ? `More information: ${uri}` : undefined;
  return sections([{ body }, { body: more }]);
}

/**
 * The result text, with `{0}` placeholders filled from `messageStrings`, and embedded links to
 * related locations (`[user input](1)`) reduced to their text since we do not keep those locations.
 */
export function messageOf(result: SarifResult, rule: SarifRule | undefined): string | undefined {
  let text = nonEmpty(result.message?.text) ?? nonEmpty(result.message?.markdown);
  const id = result.message?.id;
  if (text === undefined && id) {
    const template = rule?.messageStrings?.[id];
    const raw = typeof template === 'object' && template !== null ? (template as { text?: unknown }).text : undefined;
    if (typeof raw === 'string') {
      const args = result.message?.arguments ?? [];
      text = raw.replace(/\{(\d+)\}/g, (m, n: string) => {
        const arg = args[Number(n)];
        return typeof arg === 'string' || typeof arg === 'number' ? String(arg) : m;
      });
    }
  }
  return text?.replace(/\[([^\]]*)\]\(\d+\)/g, '$1');
}

/** SARIF `suppressions`: accepted (or status-less) in-source suppressions count, rejected ones do not. */
export function suppressionOf(result: SarifResult): Suppression | undefined {
  for (const s of result.suppressions ?? []) {
    if (!s) continue;
    const status = s.status?.toLowerCase();
    if (status === 'rejected' || status === 'underreview') continue;
    return {
      kind: s.kind === 'external' ? 'ignore-file' : 'inline',
      reason: nonEmpty(s.justification) ?? 'suppressed in the SARIF report',
    };
  }
  return undefined;
}
