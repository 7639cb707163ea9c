import type { FindingKind, Identifier, RawFinding, Tool } from '../../model/finding.js';
import { fromConfidenceName, fromGitlab } from '../../model/severity.js';
import { makeFinding } from '../build.js';
import { advisoryIdentifier, cweIdentifier, owaspIdentifier, uniqueIdentifiers } from '../identifiers.js';
import type { EntryResult } from '../schema.js';
import { linkList, nonEmpty, sections } from '../text.js';
import { kindOf, locationOf } from './location.js';
import { gitlabIdentifierSchema, type GitlabVuln } from './schema.js';

/** GitLab identifier types to ours; unknown types (semgrep_id, gemnasium, ...) are kept as they are. */
function mapIdentifier(raw: unknown): Identifier | undefined {
  const p = gitlabIdentifierSchema.safeParse(raw);
  if (!p.success) return undefined;
  const type = p.data.type.toLowerCase();
  const value = String(p.data.value).trim();
  const url = nonEmpty(p.data.url);
  if (value === '') return undefined;
  if (type === 'cve' || type === 'ghsa') return advisoryIdentifier(value, url);
  if (type === 'cwe') return cweIdentifier(value);
  if (type === 'owasp') return owaspIdentifier(value) ?? owaspIdentifier(p.data.name) ?? { type: 'owasp', value };
  if (type === 'zaproxy_pluginid') return { type: 'zap', value, ...(url ? { url } : {}) };
  if (type === 'wasc') return { type: 'wasc', value: /^\d+$/.test(value) ? `WASC-${value}` : value, ...(url ? { url } : {}) };
  return { type, value, ...(url ? { url } : {}) };
}

/**
 * GitLab's convention is that the first identifier is the primary one. For advisories that is often
 * the analyzer's own database key (a Gemnasium UUID); the CVE or GHSA is what users search for and
 * what other tools report, so it wins there.
 */
function ruleIdOf(kind: FindingKind, identifiers: readonly Identifier[]): string | undefined {
  if (kind === 'dependency' || kind === 'container') {
    const advisory = identifiers.find((i) => i.type === 'cve') ?? identifiers.find((i) => i.type === 'ghsa');
    if (advisory) return advisory.value;
  }
  return identifiers[0]?.value;
}

/** Trivy's GitLab template writes this when it has nothing to say. */
function solutionOf(v: GitlabVuln): string | undefined {
  const s = nonEmpty(v.solution);
  return s && !/^no solution provided\.?$/i.test(s) ? s : undefined;
}

export function mapGitlabVuln(v: GitlabVuln, scanType: string | null | undefined, tool: Tool, entry: string): EntryResult<RawFinding> {
  const kind = kindOf(scanType, v);
  const where = locationOf(kind, v);
  if (!where.ok) return { ok: false, skipped: { reason: where.reason, entry } };
  const identifiers = uniqueIdentifiers(v.identifiers.map(mapIdentifier));
  const ruleId = ruleIdOf(kind, identifiers) ?? nonEmpty(v.id);
  if (!ruleId) return { ok: false, skipped: { reason: 'vulnerability has no identifiers', entry } };
  const message = nonEmpty(v.message) ?? nonEmpty(v.description) ?? nonEmpty(v.name);
  return {
    ok: true,
    data: makeFinding({
      kind,
      ruleId,
      title: nonEmpty(v.name) ?? message,
      message,
      help: sections([
        { body: nonEmpty(v.message) ? nonEmpty(v.description) : undefined },
        { heading: 'Solution', body: solutionOf(v) },
        { heading: 'References', body: linkList((v.links ?? []).map((l) => l?.url)) },
      ]),
      severity: fromGitlab(v.severity ?? undefined),
      confidence: fromConfidenceName(v.confidence ?? undefined),
      identifiers,
      location: where.location,
      tool,
    }),
  };
}
