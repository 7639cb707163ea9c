import type { Identifier, PackageLocation, RawFinding, Tool } from '@rampart/core';
import type { Package } from '@rampart/inventory';
import { cveNamedBy, identifierFor, idKey, preferredId } from '../osv/ids.js';
import type { OsvRecord } from '../osv/types.js';
import type { RecordMatch } from './group.js';
import { advisorySeverity, type CvssScorer } from './severity.js';

export interface FindingContext {
  kind: 'dependency' | 'container';
  tool: Tool;
  /** Image reference, for container findings. */
  image?: string;
  operatingSystem?: string;
  cvss?: CvssScorer;
  /** Orders fix versions lowest first; string order when absent. */
  sortVersions?: (versions: string[]) => string[];
}

const OS_PACKAGES = new Set(['deb', 'apk', 'rpm']);
const MAX_REFERENCES = 12;

function identifiers(group: readonly RecordMatch[]): Identifier[] {
  const seen = new Set<string>();
  const out: Identifier[] = [];
  for (const { record } of group) {
    const cve = cveNamedBy(record.id);
    for (const id of [record.id, ...record.aliases, ...(cve ? [cve] : [])]) {
      const identifier = identifierFor(id);
      const key = `${identifier.type}\0${idKey(identifier.value)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(identifier);
    }
  }
  return out;
}

/** The record whose text the finding shows: the one reported under the rule id, else the first with a summary. */
function primaryOf(group: readonly RecordMatch[], ruleId: string): OsvRecord {
  const records = group.map((m) => m.record);
  const named = records.find((r) => idKey(r.id) === idKey(ruleId) && (r.summary || r.details));
  return named ?? records.find((r) => r.summary) ?? records.find((r) => r.details) ?? (records[0] as OsvRecord);
}

function titleOf(record: OsvRecord, ruleId: string): string {
  if (record.summary?.trim()) return record.summary.trim();
  const firstLine = record.details?.split('\n').find((l) => l.trim() !== '')?.trim();
  if (!firstLine) return ruleId;
  return firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine;
}

function locationOf(pkg: Package, ctx: FindingContext): PackageLocation {
  // Inside an image an OS package's "file" would be the package database, which no one opens to fix anything.
  const file = ctx.kind === 'container' && OS_PACKAGES.has(pkg.ecosystem) ? undefined : pkg.locations[0];
  return {
    type: 'package',
    name: pkg.name,
    version: pkg.version,
    ecosystem: pkg.ecosystem,
    purl: pkg.purl,
    ...(file !== undefined ? { file } : {}),
    ...(ctx.image !== undefined ? { image: ctx.image } : {}),
    ...(ctx.operatingSystem !== undefined ? { operatingSystem: ctx.operatingSystem } : {}),
  };
}

function helpOf(pkg: Package, primary: OsvRecord, fixed: string[], others: string[], basis: string, group: readonly RecordMatch[]): string {
  const fix =
    fixed.length > 0
      ? `**Fix:** upgrade \`${pkg.name}\` from ${pkg.version} to ${fixed.join(' or ')} or later.`
      : `**No fixed version is known** for \`${pkg.name}\` ${pkg.version}. Remove or replace the package, or record an ignore with a reason until a fix is published.`;
  const refs = [...new Set(group.flatMap((m) => m.record.references.map((r) => r.url)))].slice(0, MAX_REFERENCES);
  const parts = [fix];
  if (primary.details?.trim()) parts.push(primary.details.trim());
  parts.push(`Severity: ${basis}.`);
  if (others.length > 0) parts.push(`Also known as: ${others.join(', ')}.`);
  if (refs.length > 0) parts.push(`References:\n${refs.map((u) => `- ${u}`).join('\n')}`);
  return parts.join('\n\n');
}

/** One finding for one package and one vulnerability, however many records (GHSA, CVE, PYSEC ...) describe it. */
export function advisoryFinding(pkg: Package, group: readonly RecordMatch[], ctx: FindingContext): RawFinding {
  const ids = identifiers(group);
  const ruleId = preferredId(ids.map((i) => i.value));
  const primary = primaryOf(group, ruleId);
  const title = titleOf(primary, ruleId);
  const unique = [...new Set(group.flatMap((m) => m.fixed))];
  const fixed = ctx.sortVersions ? ctx.sortVersions(unique) : unique.sort();
  const verdict = advisorySeverity(
    group.map((m) => m.record),
    group.flatMap((m) => m.affected),
    ctx.cvss,
  );
  const others = ids.map((i) => i.value).filter((v) => idKey(v) !== idKey(ruleId));
  const label = `${pkg.name} ${pkg.version}`;
  const finding: RawFinding = {
    kind: ctx.kind,
    ruleId,
    title,
    message: `${label} is affected by ${ruleId}${title !== ruleId ? ` (${title})` : ''}. ${
      fixed.length > 0 ? `Fixed in ${fixed.join(', ')}.` : 'No fixed version is known.'
    }`,
    help: helpOf(pkg, primary, fixed, others, verdict.basis, group),
    severity: verdict.severity,
    confidence: 'high',
    identifiers: ids,
    location: locationOf(pkg, ctx),
    tool: ctx.tool,
  };
  if (fixed.length > 0) finding.fix = { versions: fixed, summary: `Upgrade ${pkg.name} to ${fixed[0]} or later.` };
  return finding;
}
