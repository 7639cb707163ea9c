import type { Cataloger } from '@rampart/inventory';

/**
 * Files catalogers read beside the ones they claim (os-release for the distro qualifier, Debian copyright files for
 * licenses, manifests next to lockfiles). Their content is kept too, so `exists` and `readText` agree with a
 * checkout; everything else in the image is only indexed.
 */
const COMPANIONS = [
  /(^|\/)(etc|usr\/lib)\/os-release$/,
  /^usr\/share\/doc\/[^/]+\/copyright$/,
  /(^|\/)(package\.json|go\.mod|go\.sum|pom\.xml|Pipfile|pyproject\.toml|composer\.json|Cargo\.toml|[^/]+\.gemspec)$/,
];

export function wantedBy(catalogers: readonly Cataloger[]): (path: string) => boolean {
  return (path) => COMPANIONS.some((re) => re.test(path)) || catalogers.some((c) => c.claims(path));
}
