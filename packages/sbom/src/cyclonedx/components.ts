import { Enums, Models, SPDX } from '@cyclonedx/cyclonedx-library';
import { purlParts, type Ecosystem, type HashAlgorithm, type Package } from '@rampart/inventory';
import { isValidExpression, joinLicenses, singleLicenseId } from '../licenses.js';
import type { SubjectRoot } from '../subject.js';

const HASH_ALGORITHMS: Record<HashAlgorithm, Enums.HashAlgorithm> = {
  md5: Enums.HashAlgorithm.MD5,
  sha1: Enums.HashAlgorithm['SHA-1'],
  sha256: Enums.HashAlgorithm['SHA-256'],
  sha384: Enums.HashAlgorithm['SHA-384'],
  sha512: Enums.HashAlgorithm['SHA-512'],
};

const DECLARED = Enums.LicenseAcknowledgement.Declared;

/**
 * Where the package was found. CycloneDX 1.6 has `evidence.occurrences` for this, but the library's model (10.x) has
 * no occurrences, and there is no official taxonomy name; like syft (`syft:location:N:path`) and cdxgen (`SrcFile`)
 * we use a property in our own namespace, once per file.
 */
export const LOCATION_PROPERTY = 'rampart:location';
/** The cdx:npm taxonomy's dev flag, which npm-minded consumers (cyclonedx-npm's readers) look for besides `scope`. */
export const NPM_DEVELOPMENT_PROPERTY = 'cdx:npm:package:development';

function nameAndGroup(ecosystem: Ecosystem | undefined, fullName: string): { name: string; group?: string } {
  if (ecosystem === undefined) return { name: fullName };
  const { namespace, name } = purlParts(ecosystem, fullName);
  return namespace === undefined ? { name } : { name, group: namespace };
}

/**
 * One declared license as `license.id` when it is a single id on CycloneDX's list, else the whole as `expression`.
 * The schema allows either a list of `license` objects or exactly one `expression`, never both. Text that is not an
 * SPDX expression (the inventory should not hold any) is kept as a named license rather than passed off as one.
 * All of them are what the package declares (1.6 `acknowledgement: declared`), nothing we concluded.
 */
export function licensesOf(licenses: readonly string[]): Models.LicenseRepository {
  const repo = new Models.LicenseRepository();
  const declared = { acknowledgement: DECLARED };
  const valid = licenses.filter(isValidExpression);
  const named = licenses.filter((l) => !isValidExpression(l)).map((l) => new Models.NamedLicense(l, declared));
  const ids = valid.map(singleLicenseId);
  if (ids.every((id): id is string => id !== undefined && SPDX.isSupportedSpdxId(id))) {
    for (const id of new Set(ids)) repo.add(new Models.SpdxLicense(id, declared));
    for (const license of named) repo.add(license);
    return repo;
  }
  const expression = joinLicenses(valid);
  if (expression !== undefined) {
    const license = new Models.LicenseExpression(expression);
    license.acknowledgement = DECLARED;
    repo.add(license);
  }
  return repo;
}

/**
 * Dev-only packages get `scope: excluded`: the spec defines it as "usage for test and other non-runtime purposes",
 * and CycloneDX's own generators moved dev dependencies to it (cyclonedx-python #675, cyclonedx-php-composer #461,
 * cargo-cyclonedx for build dependencies). Optional (platform-dependent) packages are `optional`; the rest `required`.
 */
function scopeOf(p: Package): Enums.ComponentScope {
  if (p.dev) return Enums.ComponentScope.Excluded;
  if (p.optional === true) return Enums.ComponentScope.Optional;
  return Enums.ComponentScope.Required;
}

export function packageComponent(p: Package): Models.Component {
  const { name, group } = nameAndGroup(p.ecosystem, p.name);
  const component = new Models.Component(Enums.ComponentType.Library, name, {
    bomRef: p.purl,
    purl: p.purl,
    scope: scopeOf(p),
    licenses: licensesOf(p.licenses),
    ...(group !== undefined ? { group } : {}),
    ...(p.version !== '' ? { version: p.version } : {}),
  });
  for (const h of [...p.hashes].sort((a, b) => (a.alg < b.alg ? -1 : a.alg > b.alg ? 1 : 0))) {
    component.hashes.set(HASH_ALGORITHMS[h.alg], h.value.toLowerCase());
  }
  for (const location of p.locations) component.properties.add(new Models.Property(LOCATION_PROPERTY, location));
  if (p.dev && p.ecosystem === 'npm') component.properties.add(new Models.Property(NPM_DEVELOPMENT_PROPERTY, 'true'));
  return component;
}

export function rootComponent(root: SubjectRoot): Models.Component {
  const { name, group } = nameAndGroup(root.ecosystem, root.name);
  return new Models.Component(Enums.ComponentType.Application, name, {
    bomRef: root.ref,
    licenses: licensesOf(root.licenses),
    ...(group !== undefined ? { group } : {}),
    ...(root.version !== undefined ? { version: root.version } : {}),
    ...(root.purl !== undefined ? { purl: root.purl } : {}),
  });
}
