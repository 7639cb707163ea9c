import { UserError } from '@rampart/core';
import { parseIntegrity } from '../../hashes.js';
import { normalizeLicenses } from '../../license.js';
import { makePurl } from '../../purl.js';
import type { Package, RootComponent } from '../../types.js';

export interface NpmPackageInit {
  name: string;
  version: string;
  /** The file it was found in. */
  location: string;
  /** Where in the file the name and version were read, for the error when they are not an npm name and version. */
  field?: string;
  licenses?: readonly (string | undefined)[];
  integrity?: string | undefined;
  dev?: boolean;
  optional?: boolean;
  direct?: boolean;
  dependsOn?: string[];
}

/** The purl of an npm package; callers check the name and version first (`isNpmNameAndVersion`, `npmPackage`). */
export function npmPurl(name: string, version: string): string {
  return makePurl('npm', name, version);
}

const NAME = /^(?:@[^\s/@]+\/)?[^\s/@][^\s/]*$/;
const VERSION = /^\S+$/;

/**
 * Whether a name and version can be an npm package's: no whitespace (packageurl-js would trim it away, or refuse
 * an empty name with an error of its own), a scope with a name after it, a version that is not blank.
 */
export function isNpmNameAndVersion(name: string, version: string): boolean {
  return NAME.test(name) && VERSION.test(version);
}

/**
 * One npm package as every JavaScript cataloger reports it, so their outputs merge on the same purl. A name or
 * version that cannot be npm's makes the file malformed: a UserError naming it and the field.
 */
export function npmPackage(init: NpmPackageInit): Package {
  if (!isNpmNameAndVersion(init.name, init.version)) {
    throw new UserError(`${JSON.stringify(init.name)}@${JSON.stringify(init.version)} is not an npm package name and version`, {
      file: init.location,
      field: init.field ?? 'name',
      expected: 'an npm package name (optionally @scope/) and a version, without whitespace',
    });
  }
  const pkg: Package = {
    purl: npmPurl(init.name, init.version),
    name: init.name,
    version: init.version,
    ecosystem: 'npm',
    licenses: normalizeLicenses(init.licenses ?? []),
    hashes: parseIntegrity(init.integrity),
    direct: init.direct ?? false,
    dev: init.dev ?? false,
    locations: [init.location],
    dependsOn: init.dependsOn ?? [],
  };
  if (init.optional) pkg.optional = true;
  return pkg;
}

export interface NpmRootInit {
  name?: string | undefined;
  version?: string | undefined;
  manifest: string;
  /** Told apart from the lockfile's own root when one lockfile describes several projects (workspaces). */
  member?: string;
  licenses?: readonly (string | undefined)[];
  dependsOn: string[];
}

/**
 * A project described by a lockfile. Unnamed projects (npm allows a package.json without a name) get a ref built
 * from the lockfile path, and from the member folder for workspace members, so refs stay unique.
 */
export function npmRoot(init: NpmRootInit): RootComponent {
  const where = init.member === undefined || init.member === '' ? init.manifest : `${init.manifest}#${init.member}`;
  const name = init.name ?? (init.member || where);
  // A project whose package.json name is not an npm name still gets a root, by path rather than by purl.
  const named = init.name !== undefined && isNpmNameAndVersion(init.name, init.version ?? '0');
  const purl = named && init.name ? makePurl('npm', init.name, init.version === '' ? undefined : init.version) : undefined;
  const root: RootComponent = {
    ref: purl ?? `root:${where}`,
    name,
    ecosystem: 'npm',
    manifest: init.manifest,
    dependsOn: [...new Set(init.dependsOn)].sort(),
  };
  if (init.version !== undefined) root.version = init.version;
  if (purl !== undefined) root.purl = purl;
  const licenses = normalizeLicenses(init.licenses ?? []);
  if (licenses.length > 0) root.licenses = licenses;
  return root;
}
