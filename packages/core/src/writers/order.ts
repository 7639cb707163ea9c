import type { Finding } from '../model/finding.js';
import { severityRank } from '../model/severity.js';
import { displayPath, lineOf } from './paths.js';

interface Keyed {
  f: Finding;
  rank: number;
  path: string;
  line: number;
}

function compareKeyed(a: Keyed, b: Keyed): number {
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.f.ruleId !== b.f.ruleId) return a.f.ruleId < b.f.ruleId ? -1 : 1;
  if (a.f.fingerprint === b.f.fingerprint) return 0;
  return a.f.fingerprint < b.f.fingerprint ? -1 : 1;
}

/**
 * The one order every writer uses: most severe first, then by place, rule and fingerprint, so the
 * output does not depend on the order scanners happened to emit. Keys are computed once per finding
 * rather than inside the comparator, which matters at 100,000 findings.
 */
// renderAll hands the same findings array to six writers; sorting 100,000 findings once is enough.
// Callers must not mutate the array between writer calls (ScanRun is treated as immutable).
const sortedCache = new WeakMap<readonly Finding[], Finding[]>();

export function sortFindings(findings: readonly Finding[]): Finding[] {
  const cached = sortedCache.get(findings);
  if (cached !== undefined && cached.length === findings.length) return cached.slice();
  const sorted = sortUncached(findings);
  sortedCache.set(findings, sorted);
  return sorted.slice();
}

function sortUncached(findings: readonly Finding[]): Finding[] {
  const keyed: Keyed[] = findings.map((f) => ({
    f,
    rank: severityRank(f.severity),
    path: displayPath(f.location),
    line: lineOf(f.location),
  }));
  keyed.sort(compareKeyed);
  return keyed.map((k) => k.f);
}

/** Already sorted findings, with new ones (per the baseline) moved ahead of known ones. */
export function sortNewFirst(sorted: readonly Finding[], isNew: (f: Finding) => boolean): Finding[] {
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const f of sorted) (isNew(f) ? fresh : known).push(f);
  return fresh.concat(known);
}

/** Fingerprints of the findings the baseline marks as new, or undefined when there is no baseline. */
export function newFingerprints(baseline: { new: readonly Finding[] } | undefined): Set<string> | undefined {
  if (baseline === undefined) return undefined;
  return new Set(baseline.new.map((f) => f.fingerprint));
}
