import type { RawFinding, Tool } from '../../model/finding.js';
import { fromNpmAudit } from '../../model/severity.js';
import { makeFinding, packageLocation } from '../build.js';
import { advisoryIdentifier, cweIdentifier, ghsaFromUrl, uniqueIdentifiers } from '../identifiers.js';
import { isRecord, parseEntry } from '../schema.js';
import { nonEmpty } from '../text.js';
import type { ReadResult, SkippedEntry } from '../types.js';
import { packageVulnSchema, viaSchema, type NpmPackageVuln, type NpmVia } from './schema.js';

/** `fixAvailable` names the top-level package to change, which is often not the vulnerable one. */
function fixOf(pkg: NpmPackageVuln): { versions?: string[]; summary?: string } | undefined {
  const fix = pkg.fixAvailable;
  if (fix === true) return { summary: 'Run `npm audit fix`.' };
  if (!isRecord(fix) || !fix.name || !fix.version) return undefined;
  const major = fix.isSemVerMajor ? ' (a semver-major change: `npm audit fix --force`)' : '';
  return {
    ...(fix.name === pkg.name ? { versions: [fix.version] } : {}),
    summary: `Update ${fix.name} to ${fix.version}${major}.`,
  };
}

function mapVia(pkg: NpmPackageVuln, via: NpmVia, tool: Tool): RawFinding {
  const ghsa = ghsaFromUrl(via.url);
  const ruleId = ghsa ?? `npm-advisory-${String(via.source ?? via.title ?? 'unknown')}`;
  const range = nonEmpty(via.range);
  return makeFinding({
    kind: 'dependency',
    ruleId,
    title: via.title,
    message: `${pkg.name}${range ? ` (${range})` : ''} is affected by ${ruleId}${via.title ? `: ${via.title}` : ''}.`,
    help: nonEmpty(via.url) ? `More information: ${via.url}` : undefined,
    severity: fromNpmAudit(via.severity ?? pkg.severity ?? undefined),
    identifiers: uniqueIdentifiers([advisoryIdentifier(ghsa), ...via.cwe.map((c) => cweIdentifier(c))]),
    // npm 7+ refuses to audit without a lockfile; the report does not give installed versions.
    location: packageLocation({ name: pkg.name, ecosystem: 'npm', file: 'package-lock.json' }),
    tool,
    fix: fixOf(pkg),
  });
}

/**
 * One finding per advisory on the package it is about. Entries whose `via` only names other packages
 * are the dependents that pull a vulnerable package in; they are reported through that package.
 */
export function readV7(vulnerabilities: Record<string, unknown>, tool: Tool): ReadResult {
  const findings: RawFinding[] = [];
  const skipped: SkippedEntry[] = [];
  for (const [key, raw] of Object.entries(vulnerabilities)) {
    const entry = `vulnerabilities.${key}`;
    const p = parseEntry(packageVulnSchema, raw, entry, 'vulnerability');
    if (!p.ok) {
      skipped.push(p.skipped);
      continue;
    }
    (p.data.via ?? []).forEach((rawVia, i) => {
      if (typeof rawVia === 'string') return;
      const via = parseEntry(viaSchema, rawVia, `${entry}.via[${i}]`, 'advisory');
      if (via.ok) findings.push(mapVia(p.data, via.data, tool));
      else skipped.push(via.skipped);
    });
  }
  return { findings, tools: [tool], skipped };
}
