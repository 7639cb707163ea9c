import { PackageURL } from 'packageurl-js';
import type { Ecosystem } from './types.js';

const OS_ECOSYSTEMS: ReadonlySet<Ecosystem> = new Set(['deb', 'apk', 'rpm']);

export interface PurlParts {
  namespace?: string;
  name: string;
}

/**
 * Splits an ecosystem's package name into purl namespace and name, as the purl spec's type definitions say:
 * npm scopes, Maven `group:artifact`, Go module paths, Composer `vendor/name`. Other ecosystems have no namespace.
 */
export function purlParts(ecosystem: Ecosystem, fullName: string): PurlParts {
  switch (ecosystem) {
    case 'npm': {
      if (fullName.startsWith('@')) {
        const slash = fullName.indexOf('/');
        if (slash > 0) return { namespace: fullName.slice(0, slash), name: fullName.slice(slash + 1) };
      }
      return { name: fullName };
    }
    case 'maven': {
      const colon = fullName.indexOf(':');
      return colon > 0 ? { namespace: fullName.slice(0, colon), name: fullName.slice(colon + 1) } : { name: fullName };
    }
    case 'golang':
    case 'composer': {
      const slash = fullName.lastIndexOf('/');
      return slash > 0 ? { namespace: fullName.slice(0, slash), name: fullName.slice(slash + 1) } : { name: fullName };
    }
    default:
      return { name: fullName };
  }
}

/**
 * The purl of a package; `qualifiers` carry what the ecosystem needs (Debian `arch`/`distro`, for example).
 * `namespace` is for OS packages, whose purl namespace is the distribution (`pkg:deb/debian/openssl`) rather than
 * part of the package name; it is ignored for ecosystems whose names carry their own namespace.
 */
export function makePurl(
  ecosystem: Ecosystem,
  fullName: string,
  version: string | undefined,
  qualifiers?: Record<string, string>,
  namespace?: string,
): string {
  const parts = purlParts(ecosystem, fullName);
  const name = parts.name;
  const ns = parts.namespace ?? (OS_ECOSYSTEMS.has(ecosystem) ? namespace : undefined);
  // The purl spec lower-cases PyPI names and replaces `_` with `-`; packageurl-js does that normalisation itself.
  return new PackageURL(ecosystem, ns, name, version, qualifiers, undefined).toString();
}
