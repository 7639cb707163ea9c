import { silentLogger, type Logger, type RawFinding, type Tool } from '@rampart/core';
import type { Package } from '@rampart/inventory';
import type { PackageQuery, VulnSource } from '../db/source.js';
import {
  baseEcosystem,
  ecosystemCovers,
  normalizeName,
  osvEcosystemFor,
  osvNameFor,
  osvVersionFor,
  type DistroRelease,
} from '../osv/ecosystem.js';
import { cvssBaseScore } from '../cvss/index.js';
import type { OsvRecord } from '../osv/types.js';
import { comparatorFor as defaultComparatorFor } from '../versions/index.js';
import { advisoryFinding, type FindingContext } from './finding.js';
import { groupByAlias, type RecordMatch } from './group.js';
import { evaluateAffected, type VersionOrder } from './range.js';
import { dropRollups } from './rollup.js';
import { semverOrder } from './semver-order.js';
import type { CvssScorer } from './severity.js';

export interface MatchOptions {
  tool: Tool;
  /** `container` when the packages come from an image; `dependency` otherwise. */
  kind?: 'dependency' | 'container';
  /** The scanned system's os-release; OS packages are only matched against advisories for that release. */
  distro?: DistroRelease;
  image?: string;
  /** Leave out vulnerabilities no released version fixes (Trivy's --ignore-unfixed). */
  ignoreUnfixed?: boolean;
  /** The version order of an OSV ecosystem; `comparatorFor` from src/versions unless a test injects another. */
  comparatorFor?: (osvEcosystem: string) => VersionOrder | undefined;
  /** CVSS vector -> base score; `cvssBaseScore` from src/cvss unless a test injects another. */
  cvss?: CvssScorer;
  logger?: Logger;
}

/** Something that could not be matched or evaluated: a package OSV cannot answer for, an unusable range. */
export interface MatchSkip {
  subject: string;
  reason: string;
}

export interface MatchReport {
  findings: RawFinding[];
  skipped: MatchSkip[];
}

interface Target {
  pkg: Package;
  query: PackageQuery;
  normalizedName: string;
}

function targetsOf(packages: readonly Package[], distro: DistroRelease | undefined, skipped: MatchSkip[]): Target[] {
  const targets: Target[] = [];
  for (const pkg of packages) {
    if (pkg.version.trim() === '') {
      // OSV would answer with every advisory for the package, whatever the version.
      skipped.push({ subject: pkg.purl, reason: 'no version, so no advisory can be matched' });
      continue;
    }
    const eco = osvEcosystemFor(pkg.ecosystem, distro);
    if ('reason' in eco) {
      skipped.push({ subject: pkg.purl, reason: eco.reason });
      continue;
    }
    const name = osvNameFor(pkg);
    const normalizedName = normalizeName(eco.ecosystem, name);
    // OSV's PyPI records use PEP 503 names, so that is what to ask for; other ecosystems are asked as published.
    const queryName = baseEcosystem(eco.ecosystem) === 'PyPI' ? normalizedName : name;
    targets.push({ pkg, query: { ecosystem: eco.ecosystem, name: queryName, version: osvVersionFor(pkg.ecosystem, pkg.version) }, normalizedName });
  }
  return targets;
}

/** The same (ecosystem, name, version) is asked once even when several lockfiles hold it. */
function uniqueQueries(targets: readonly Target[]): { queries: PackageQuery[]; indexOf: (t: Target) => number } {
  const keys = new Map<string, number>();
  const queries: PackageQuery[] = [];
  const keyOf = (q: PackageQuery): string => `${q.ecosystem}\0${q.name}\0${q.version}`;
  for (const t of targets) {
    const key = keyOf(t.query);
    if (!keys.has(key)) {
      keys.set(key, queries.length);
      queries.push(t.query);
    }
  }
  return { queries, indexOf: (t) => keys.get(keyOf(t.query)) ?? -1 };
}

function matchRecord(
  target: Target,
  record: OsvRecord,
  comparatorFor: (eco: string) => VersionOrder | undefined,
  skipped: MatchSkip[],
): RecordMatch | undefined {
  const { ecosystem, version } = target.query;
  const match: RecordMatch = { record, affected: [], fixed: [] };
  record.affected.forEach((affected, i) => {
    const pkg = affected.package;
    if (!ecosystemCovers(pkg.ecosystem, ecosystem) || normalizeName(pkg.ecosystem, pkg.name) !== target.normalizedName) return;
    const verdict = evaluateAffected(version, affected, { semver: semverOrder, ecosystem: comparatorFor(pkg.ecosystem) });
    for (const reason of verdict.unusable) skipped.push({ subject: `${record.id} affected[${i}] for ${target.pkg.purl}`, reason });
    if (!verdict.affected) return;
    match.affected.push(affected);
    for (const f of verdict.fixed) if (!match.fixed.includes(f)) match.fixed.push(f);
  });
  return match.affected.length > 0 ? match : undefined;
}

const defaultScorer: CvssScorer = (vector) => cvssBaseScore(vector)?.score;

function versionSorter(order: VersionOrder | undefined): ((v: string[]) => string[]) | undefined {
  if (order === undefined) return undefined;
  return (versions) => {
    const valid = versions.filter((v) => order.isValid(v)).sort((a, b) => order.compare(a, b));
    return [...valid, ...versions.filter((v) => !order.isValid(v)).sort()];
  };
}

/**
 * Package[] -> findings, with what could not be matched. Every record is evaluated here, whichever source gave
 * it: withdrawn records never match, OS packages only meet advisories for the scanned release, and the records
 * that alias each other become one finding per package.
 */
export async function matchPackagesDetailed(packages: readonly Package[], source: VulnSource, options: MatchOptions): Promise<MatchReport> {
  const skipped: MatchSkip[] = [];
  const comparatorFor = options.comparatorFor ?? defaultComparatorFor;
  const targets = targetsOf(packages, options.distro, skipped);
  const { queries, indexOf } = uniqueQueries(targets);
  const answer = queries.length > 0 ? await source.query(queries) : { records: [], problems: [] };
  for (const reason of answer.problems) skipped.push({ subject: source.description, reason });

  const findings: RawFinding[] = [];
  for (const target of targets) {
    const matches: RecordMatch[] = [];
    for (const record of answer.records[indexOf(target)] ?? []) {
      if (record.withdrawn !== undefined) continue;
      const m = matchRecord(target, record, comparatorFor, skipped);
      if (m) matches.push(m);
    }
    const ctx: FindingContext = {
      kind: options.kind ?? 'dependency',
      tool: options.tool,
      ...(options.image !== undefined ? { image: options.image } : {}),
      ...(options.distro !== undefined && options.kind === 'container'
        ? { operatingSystem: [options.distro.id, options.distro.versionId].filter(Boolean).join(' ') }
        : {}),
      cvss: options.cvss ?? defaultScorer,
    };
    const sortVersions = versionSorter(comparatorFor(target.query.ecosystem));
    if (sortVersions) ctx.sortVersions = sortVersions;
    for (const group of dropRollups(groupByAlias(matches))) {
      const finding = advisoryFinding(target.pkg, group, ctx);
      if (options.ignoreUnfixed && (finding.fix?.versions?.length ?? 0) === 0) continue;
      findings.push(finding);
    }
  }
  return { findings, skipped };
}

/** `matchPackagesDetailed`, with what was skipped logged as warnings. */
export async function matchPackages(packages: readonly Package[], source: VulnSource, options: MatchOptions): Promise<RawFinding[]> {
  const report = await matchPackagesDetailed(packages, source, options);
  const logger = options.logger ?? silentLogger;
  for (const s of report.skipped) logger.warn(`vulnerability matching skipped ${s.subject}: ${s.reason}`);
  return report.findings;
}
