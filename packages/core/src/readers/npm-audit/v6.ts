import type { RawFinding, Tool } from '../../model/finding.js';
import { fromNpmAudit } from '../../model/severity.js';
import { makeFinding, packageLocation } from '../build.js';
import { advisoryIdentifier, cweIdentifier, ghsaFromUrl, uniqueIdentifiers } from '../identifiers.js';
import { parseEntry } from '../schema.js';
import { nonEmpty, sections } from '../text.js';
import type { ReadResult, SkippedEntry } from '../types.js';
import { advisorySchema, type NpmAdvisory } from './schema.js';

/** npm writes `<0.0.0` for "no patched version". */
function patched(a: NpmAdvisory): string | undefined {
  const p = nonEmpty(a.patched_versions);
  return p && p !== '<0.0.0' ? p : undefined;
}

/** pnpm's paths start with ". > " ("". > express > qs"), npm 6's do not ("express>qs"). */
function lockfileOf(a: NpmAdvisory): string {
  const paths = (a.findings ?? []).flatMap((f) => f?.paths ?? []);
  return paths.some((p) => p.startsWith('.>') || p.startsWith('. >')) ? 'pnpm-lock.yaml' : 'package-lock.json';
}

function mapAdvisory(key: string, a: NpmAdvisory, tool: Tool): RawFinding[] {
  const ghsa = nonEmpty(a.github_advisory_id) ?? ghsaFromUrl(a.url);
  const ruleId = ghsa ?? a.cves.map((c) => nonEmpty(c)).find(Boolean) ?? `npm-advisory-${String(a.id ?? key).trim() || key}`;
  const fix = patched(a);
  const identifiers = uniqueIdentifiers([
    advisoryIdentifier(ghsa),
    ...a.cves.map((c) => advisoryIdentifier(c)),
    ...a.cwe.map((c) => cweIdentifier(c)),
    nonEmpty(a.url) && !ghsa ? { type: 'npm', value: String(a.id ?? key), url: nonEmpty(a.url) ?? '' } : undefined,
  ]);
  const versions = (a.findings ?? []).map((f) => nonEmpty(f?.version));
  return (versions.length > 0 ? versions : [undefined]).map((version) =>
    makeFinding({
      kind: 'dependency',
      ruleId,
      title: a.title,
      message: `${version ? `${a.module_name} ${version}` : a.module_name} is affected by ${ruleId}${a.title ? `: ${a.title}` : ''}.`,
      help: sections([
        { body: nonEmpty(a.overview) },
        { heading: 'Recommendation', body: nonEmpty(a.recommendation) },
        { heading: 'References', body: nonEmpty(a.references) },
      ]),
      severity: fromNpmAudit(a.severity ?? undefined),
      identifiers,
      location: packageLocation({ name: a.module_name, version, ecosystem: 'npm', file: lockfileOf(a) }),
      tool,
      fix: { summary: fix ? `Upgrade to a version in ${fix}.` : undefined },
    }),
  );
}

export function readV6(advisories: Record<string, unknown>, tool: Tool): ReadResult {
  const findings: RawFinding[] = [];
  const skipped: SkippedEntry[] = [];
  for (const [key, raw] of Object.entries(advisories)) {
    const p = parseEntry(advisorySchema, raw, `advisories.${key}`, 'advisory');
    if (p.ok) findings.push(...mapAdvisory(key, p.data, tool));
    else skipped.push(p.skipped);
  }
  return { findings, tools: [tool], skipped };
}
