import type { RawFinding, Severity, Tool } from '../../model/finding.js';
import { fromCvssScore, fromGrype } from '../../model/severity.js';
import { makeFinding, packageLocation } from '../build.js';
import { advisoryIdentifier, uniqueIdentifiers } from '../identifiers.js';
import { cleanPath } from '../paths.js';
import { firstSentence, linkList, nonEmpty, sections } from '../text.js';
import type { GrypeMatch } from './schema.js';

export interface GrypeTarget {
  tool: Tool;
  image?: string | undefined;
  os?: string | undefined;
}

/** Grype leaves severity "Unknown" for some GHSA-only records that still carry a CVSS score. */
function severityOf(m: GrypeMatch): Severity {
  const named = fromGrype(m.vulnerability.severity ?? undefined);
  if (named !== 'unknown') return named;
  const scores = [m.vulnerability, ...(m.relatedVulnerabilities ?? [])]
    .flatMap((v) => v?.cvss ?? [])
    .map((c) => c?.metrics?.baseScore)
    .filter((s): s is number => typeof s === 'number');
  return scores.length > 0 ? fromCvssScore(Math.max(...scores)) : 'unknown';
}

/**
 * For OS packages the first location is a package database entry (`/usr/share/doc/x/copyright`), not
 * a lockfile a user would open; only language packages get a `file`.
 */
const OS_PACKAGE_TYPES = new Set(['deb', 'apk', 'rpm', 'alpm', 'portage', 'nix', 'linux-kernel', 'linux-kernel-module']);

export function mapGrypeMatch(m: GrypeMatch, target: GrypeTarget): RawFinding {
  const v = m.vulnerability;
  const a = m.artifact;
  const related = (m.relatedVulnerabilities ?? []).filter((r) => r !== null && r !== undefined);
  // The primary record of a GHSA match often has no text; its related CVE record does.
  const description = nonEmpty(v.description) ?? related.map((r) => nonEmpty(r.description)).find(Boolean);
  const fixed = v.fix?.state === 'fixed' ? v.fix.versions : [];
  const version = nonEmpty(a.version);
  const path = OS_PACKAGE_TYPES.has(a.type ?? '') ? undefined : a.locations?.map((l) => nonEmpty(l?.path)).find(Boolean);
  return makeFinding({
    kind: target.image !== undefined ? 'container' : 'dependency',
    ruleId: v.id,
    title: description ? firstSentence(description) : v.id,
    message: `${version ? `${a.name} ${version}` : a.name} is affected by ${v.id}.${fixed.length > 0 ? ` Fixed in ${fixed.join(', ')}.` : ''}`,
    help: sections([
      { body: description },
      { heading: 'References', body: linkList([v.dataSource, ...v.urls, ...related.flatMap((r) => r.urls)]) },
    ]),
    severity: severityOf(m),
    identifiers: uniqueIdentifiers([advisoryIdentifier(v.id), ...related.map((r) => advisoryIdentifier(r.id))]),
    location: packageLocation({
      name: a.name,
      version,
      ecosystem: a.type,
      purl: a.purl,
      file: path ? cleanPath(path.replace(/^\/+/, '')) : undefined,
      image: target.image,
      operatingSystem: target.image !== undefined ? target.os : undefined,
    }),
    tool: target.tool,
    fix: { versions: fixed },
  });
}
