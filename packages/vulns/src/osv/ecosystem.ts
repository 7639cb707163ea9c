import type { Ecosystem, Package } from '@rampart/inventory';

/** What /etc/os-release says about the scanned system; the CLI or the container scanner reads it. */
export interface DistroRelease {
  /** `ID`: debian, ubuntu, alpine, almalinux, rocky, opensuse-leap, sles, photon ... */
  id: string;
  /** `VERSION_ID`: 12, 22.04, 3.20.3 ... */
  versionId?: string;
  /** `VERSION`, for Ubuntu's "22.04.4 LTS (Jammy Jellyfish)". */
  version?: string;
  /** `VERSION_CODENAME`, for Debian releases without a number (sid). */
  codename?: string;
  /** `PRETTY_NAME`, which openSUSE and SUSE ecosystems are keyed by. */
  prettyName?: string;
}

export type EcosystemResult = { ecosystem: string } | { reason: string };

const LANGUAGE: Partial<Record<Ecosystem, string>> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  cargo: 'crates.io',
  gem: 'RubyGems',
  composer: 'Packagist',
  maven: 'Maven',
  nuget: 'NuGet',
};

const majorOf = (v: string): string | undefined => /^(\d+)/.exec(v)?.[1];
const majorMinorOf = (v: string): string | undefined => /^(\d+\.\d+)/.exec(v)?.[1];

function debOrUbuntu(distro: DistroRelease): EcosystemResult {
  if (distro.id === 'debian') {
    const major = distro.versionId !== undefined ? majorOf(distro.versionId) : undefined;
    // The OSV schema names unnumbered Debian releases by series: Debian:sid.
    const release = major ?? distro.codename;
    return release ? { ecosystem: `Debian:${release}` } : { reason: 'the Debian release has no VERSION_ID or VERSION_CODENAME' };
  }
  if (distro.id === 'ubuntu') {
    const release = distro.versionId !== undefined ? majorMinorOf(distro.versionId) : undefined;
    if (release === undefined) return { reason: 'the Ubuntu release has no VERSION_ID' };
    return { ecosystem: ubuntuIsLts(release, distro.version) ? `Ubuntu:${release}:LTS` : `Ubuntu:${release}` };
  }
  return { reason: `no OSV ecosystem for deb packages on ${distro.id}` };
}

/** os-release `VERSION` says "LTS"; without it, Ubuntu's rule: every April release of an even year is LTS. */
function ubuntuIsLts(release: string, version: string | undefined): boolean {
  if (version !== undefined) return /\bLTS\b/.test(version);
  const [yy, mm] = release.split('.').map(Number);
  return mm === 4 && yy !== undefined && yy % 2 === 0;
}

function rpm(distro: DistroRelease): EcosystemResult {
  const major = distro.versionId !== undefined ? majorOf(distro.versionId) : undefined;
  switch (distro.id) {
    case 'almalinux':
      return major ? { ecosystem: `AlmaLinux:${major}` } : { reason: 'AlmaLinux without VERSION_ID' };
    case 'rocky':
      return major ? { ecosystem: `Rocky Linux:${major}` } : { reason: 'Rocky Linux without VERSION_ID' };
    case 'photon':
      return distro.versionId ? { ecosystem: `Photon OS:${distro.versionId}` } : { reason: 'Photon OS without VERSION_ID' };
    case 'opensuse-leap':
    case 'opensuse-tumbleweed':
      return distro.prettyName ? { ecosystem: `openSUSE:${distro.prettyName}` } : { reason: 'openSUSE without PRETTY_NAME' };
    case 'sles':
      return distro.prettyName ? { ecosystem: `SUSE:${distro.prettyName}` } : { reason: 'SUSE without PRETTY_NAME' };
    default:
      // Red Hat's OSV ecosystem is keyed by product CPE, which os-release does not give; Fedora, CentOS and Amazon
      // Linux have no OSV data at all.
      return { reason: `OSV has no release-scoped ecosystem for rpm packages on ${distro.id}` };
  }
}

/**
 * The OSV ecosystem string for a package: language ecosystems map one to one; OS packages need the scanned
 * distro release (`Debian:12`, `Ubuntu:22.04:LTS`, `Alpine:v3.20`), because a fix in one release says nothing
 * about another. A reason instead when OSV cannot answer for the package.
 */
export function osvEcosystemFor(ecosystem: Ecosystem, distro: DistroRelease | undefined): EcosystemResult {
  const language = LANGUAGE[ecosystem];
  if (language !== undefined) return { ecosystem: language };
  if (distro === undefined) return { reason: `${ecosystem} packages need the distro release (os-release), which is unknown` };
  const id = distro.id.toLowerCase();
  const known = { ...distro, id };
  if (ecosystem === 'deb') return debOrUbuntu(known);
  if (ecosystem === 'apk') {
    const release = id === 'alpine' && distro.versionId !== undefined ? majorMinorOf(distro.versionId) : undefined;
    return release ? { ecosystem: `Alpine:v${release}` } : { reason: `no OSV ecosystem for apk packages on ${id} ${distro.versionId ?? ''}`.trim() };
  }
  return rpm(known);
}

/** The part of an OSV ecosystem before the first colon: `Debian` for `Debian:12`. */
export const baseEcosystem = (osvEcosystem: string): string => osvEcosystem.split(':')[0] ?? osvEcosystem;

const DISTROS = new Set(['Debian', 'Ubuntu', 'Alpine', 'AlmaLinux', 'Rocky Linux', 'Photon OS', 'openSUSE', 'SUSE', 'Red Hat', 'Mageia', 'openEuler']);

/**
 * Whether a record's `affected[].package.ecosystem` covers a package scanned as `packageEcosystem`. Distro
 * ecosystems must name the same release (`Ubuntu:Pro:22.04:LTS` is Ubuntu Pro's fix, not the plain release's);
 * a distro record without a release applies to every release. Language ecosystems compare by name only: the
 * `Maven:<repository URL>` suffix names where an artifact was published, and the same coordinates from another
 * repository are the same artifact often enough that missing it would be the worse error.
 */
export function ecosystemCovers(recordEcosystem: string, packageEcosystem: string): boolean {
  const base = baseEcosystem(recordEcosystem);
  if (base !== baseEcosystem(packageEcosystem)) return false;
  if (!DISTROS.has(base)) return true;
  return recordEcosystem === base || recordEcosystem === packageEcosystem;
}

/**
 * Names as each ecosystem compares them: PyPI per PEP 503 (case, `-`, `_` and `.` runs are one), NuGet and
 * Packagist case-insensitively. Go module paths, Maven `group:artifact`, npm `@scope/name` and distro source
 * package names are compared as written.
 */
export function normalizeName(osvEcosystem: string, name: string): string {
  switch (baseEcosystem(osvEcosystem)) {
    case 'PyPI':
      return name.toLowerCase().replace(/[-_.]+/g, '-');
    case 'NuGet':
    case 'Packagist':
      return name.toLowerCase();
    default:
      return name;
  }
}

/** A purl qualifier's value, decoded; purls are built by packageurl-js, so `?k=v&k2=v2` with percent-encoding. */
function purlQualifier(purl: string, key: string): string | undefined {
  const query = purl.split('#')[0]?.split('?')[1];
  if (query === undefined) return undefined;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq) === key) {
      try {
        return decodeURIComponent(pair.slice(eq + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The name OSV knows a package by. Distro advisories name source packages (`openssl` for `libssl3`); OS
 * catalogers record the source in the purl's `upstream` qualifier (`upstream=openssl@3.0.11-1`, Syft's spelling).
 */
export function osvNameFor(pkg: Pick<Package, 'name' | 'purl' | 'ecosystem'>): string {
  if (pkg.ecosystem === 'deb' || pkg.ecosystem === 'apk' || pkg.ecosystem === 'rpm') {
    const upstream = purlQualifier(pkg.purl, 'upstream');
    const source = upstream?.split('@')[0]?.trim();
    if (source) return source;
  }
  return pkg.name;
}

/** The version as OSV's records write it: Go's `v` prefix is dropped (GO-* records use `0.3.7`). */
export function osvVersionFor(ecosystem: Ecosystem, version: string): string {
  return ecosystem === 'golang' ? version.replace(/^v(?=\d)/, '') : version;
}
