import semver from 'semver';
import type { VersionComparator } from './types.js';

/**
 * Semantic Versioning 2.0.0 (https://semver.org/#spec-item-11): precedence by major, minor, patch, then a version
 * with a prerelease is lower, prerelease identifiers compared numerically or in ASCII order, and build metadata
 * (`+...`) plays no part. OSV records for npm and crates.io list exact published versions, so strict parsing fits:
 * npm refuses to publish anything else and Cargo requires SemVer. Hex packages use Elixir's `Version`, which
 * implements the same specification and also ignores build metadata (https://hexdocs.pm/elixir/Version.html).
 */
const STRICT = { loose: false, includePrerelease: true } as const;

export function isSemver(version: string): boolean {
  // node-semver forgives a leading `v`/`=` and surrounding blanks even when strict; published versions have none.
  return /^\d/.test(version) && version.trim() === version && semver.valid(version, STRICT) !== null;
}

export function compareSemver(a: string, b: string): number {
  return semver.compare(a, b, STRICT);
}

export const semverComparator: VersionComparator = {
  ecosystems: ['npm', 'crates.io', 'Hex'],
  isValid: isSemver,
  compare: compareSemver,
};
