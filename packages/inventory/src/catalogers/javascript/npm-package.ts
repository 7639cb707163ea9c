import { parseIntegrity } from '../../hashes.js';
import { normalizeLicenses } from '../../license.js';
import { makePurl } from '../../purl.js';
import type { Package, RootComponent } from '../../types.js';

export interface NpmPackageInit {
  name: string;
  version: string;
  /** The file it was found in. */
  location: string;
  licenses?: readonly (string | undefined)[];
  integrity?: string | undefined;
  dev?: boolean;
  optional?: boolean;
  direct?: boolean;
  dependsOn?: string[];
}

export function npmPurl(name: string, version: string): string {
  return makePurl('npm', name, version);
}

/** One npm package as every JavaScript cataloger reports it, so their outputs merge on the same purl. */
export function npmPackage(init: NpmPackageInit): Package {
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
  const purl = init.name ? makePurl('npm', init.name, init.version) : undefined;
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
