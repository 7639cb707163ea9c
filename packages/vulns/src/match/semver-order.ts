import semver from 'semver';
import type { VersionOrder } from './range.js';

const STRICT = { loose: false, includePrerelease: true } as const;

/** OSV SEMVER ranges carry no `v` prefix, but Go module versions do when they come from go.mod; both read the same. */
const bare = (version: string): string => (/^v\d/.test(version) ? version.slice(1) : version);

/**
 * The order of `SEMVER` ranges, which the OSV schema defines as SemVer 2.0.0 precedence whatever the ecosystem
 * (section 11 of semver.org: build metadata ignored, prereleases below their release).
 */
export const semverOrder: VersionOrder = {
  isValid: (version) => semver.valid(bare(version), STRICT) !== null,
  compare: (a, b) => semver.compare(bare(a), bare(b), STRICT),
};
