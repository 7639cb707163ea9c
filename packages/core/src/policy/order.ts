import type { Finding, Location } from '../model/finding.js';
import { normalizePath } from '../model/fingerprint.js';
import { severityRank } from '../model/severity.js';

/** Zero-padded so that line numbers compare correctly as strings. */
function pad(n: number | undefined): string {
  return String(n ?? 0).padStart(10, '0');
}

function locationSortKey(location: Location): string {
  switch (location.type) {
    case 'source':
      return `source\0${normalizePath(location.path)}\0${pad(location.startLine)}\0${pad(location.startColumn)}`;
    case 'url':
      return `url\0${location.url}\0${(location.method ?? 'GET').toUpperCase()}\0${location.param ?? ''}`;
    case 'package':
      return `package\0${location.image ?? ''}\0${location.file ?? ''}\0${location.name}\0${location.version ?? ''}`;
  }
}

/**
 * Sorts into the order every output uses: severity (most severe first), then location, then rule,
 * then fingerprint so that the order is total and the same on every run. Keys are computed once per
 * finding because the comparator runs n log n times on large inputs.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const keyed = findings.map((f) => ({
    f,
    rank: severityRank(f.severity),
    loc: locationSortKey(f.location),
  }));
  keyed.sort((a, b) => {
    if (a.rank !== b.rank) return b.rank - a.rank;
    if (a.loc !== b.loc) return a.loc < b.loc ? -1 : 1;
    if (a.f.ruleId !== b.f.ruleId) return a.f.ruleId < b.f.ruleId ? -1 : 1;
    if (a.f.fingerprint !== b.f.fingerprint) return a.f.fingerprint < b.f.fingerprint ? -1 : 1;
    return 0;
  });
  return keyed.map((k) => k.f);
}
