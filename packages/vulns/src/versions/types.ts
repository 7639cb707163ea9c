/**
 * Version ordering of one ecosystem, as that ecosystem documents it. OSV ranges (`introduced`, `fixed`,
 * `last_affected`, `limit`) are evaluated with the comparator of the record's ecosystem, never with a generic one:
 * a wrong order is a false match or a missed vulnerability.
 */
export interface VersionComparator {
  /** OSV ecosystem names this comparator serves, without the distro suffix (`Debian` for `Debian:12`). */
  readonly ecosystems: readonly string[];
  /** Whether `version` is a version this ecosystem can order; unparseable versions are never matched. */
  isValid(version: string): boolean;
  /** Negative, zero or positive, like `Array.prototype.sort`; only called with valid versions. */
  compare(a: string, b: string): number;
}
