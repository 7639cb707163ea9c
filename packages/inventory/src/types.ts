/** Ecosystems use purl types, so a package's ecosystem and its purl never disagree. */
export const ECOSYSTEMS = [
  'npm',
  'pypi',
  'golang',
  'cargo',
  'gem',
  'composer',
  'maven',
  'nuget',
  'deb',
  'apk',
  'rpm',
] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

export type HashAlgorithm = 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512';

export interface PackageHash {
  alg: HashAlgorithm;
  /** Lower-case hex. Lockfiles that store base64 (npm `integrity`) are converted by `parseIntegrity`. */
  value: string;
}

/**
 * One package found in a tree. Its `purl` is its identity: the same name and version found twice in one lockfile
 * (npm's nested node_modules) or in two lockfiles is one package, merged by `mergePackages`.
 */
export interface Package {
  purl: string;
  name: string;
  version: string;
  ecosystem: Ecosystem;
  /** Normalised SPDX expressions (see `normalizeLicense`); empty when the source does not say. */
  licenses: string[];
  hashes: PackageHash[];
  /** A dependency of a root component itself, not only of another package. */
  direct: boolean;
  /** Only needed to develop the project (npm `dev`, poetry `group = dev`, Maven `test` scope ...). */
  dev: boolean;
  /** Only installed when the platform allows it (npm `optional`). */
  optional?: boolean;
  /** Paths, relative to the scanned root with `/` separators, of the files the package was found in. */
  locations: string[];
  /** purls of the packages this one depends on. */
  dependsOn: string[];
  /** In a container image: the digest (or id) of the layer that last wrote the file the package was found in. */
  layer?: string;
}

/** The project a lockfile or manifest describes: what the SBOM calls its root component. */
export interface RootComponent {
  /** Stable reference: the purl when the manifest names the project, else `root:<manifest path>`. */
  ref: string;
  name: string;
  version?: string;
  ecosystem: Ecosystem;
  purl?: string;
  /** The lockfile or manifest, relative to the scanned root. */
  manifest: string;
  licenses?: string[];
  /** purls of the direct dependencies. */
  dependsOn: string[];
}

/** Something a cataloger could not use, reported instead of silently skipped. */
export interface InventoryProblem {
  file: string;
  message: string;
}

export interface Inventory {
  roots: RootComponent[];
  packages: Package[];
  problems: InventoryProblem[];
}
