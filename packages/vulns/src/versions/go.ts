import { compareSemver, isSemver } from './semver.js';
import type { VersionComparator } from './types.js';

/**
 * Go modules (https://go.dev/ref/mod#versions): semantic versions with a `v` prefix, which OSV drops (its Go records
 * say `1.2.3`), so both spellings are accepted. Pseudo-versions (https://go.dev/ref/mod#pseudo-versions) need no
 * special case: `v0.0.0-20191109021931-daa7c04131f5`, `v1.2.3-pre.0.2019...-abc` and `v1.2.4-0.2019...-abc` are
 * SemVer prereleases whose fixed-width UTC timestamp sorts them in commit order below the release they precede.
 * `+incompatible` is build metadata, so `v2.0.0+incompatible` equals `v2.0.0`, as in golang.org/x/mod/semver.
 */
function stripV(version: string): string {
  return version.startsWith('v') ? version.slice(1) : version;
}

export const goComparator: VersionComparator = {
  ecosystems: ['Go'],
  isValid: (version) => isSemver(stripV(version)),
  compare: (a, b) => compareSemver(stripV(a), stripV(b)),
};
