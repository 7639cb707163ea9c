import type { Package, RootComponent } from './types.js';

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  const out = [...a];
  for (const x of b) if (!out.includes(x)) out.push(x);
  return out;
}

/** Merges two sightings of one purl: it is dev only if every sighting is, direct if any is. */
export function mergePackage(a: Package, b: Package): Package {
  const hashes = [...a.hashes];
  for (const h of b.hashes) if (!hashes.some((x) => x.alg === h.alg)) hashes.push(h);
  const merged: Package = {
    ...a,
    licenses: a.licenses.length > 0 ? a.licenses : b.licenses,
    hashes,
    direct: a.direct || b.direct,
    dev: a.dev && b.dev,
    locations: union(a.locations, b.locations),
    dependsOn: union(a.dependsOn, b.dependsOn),
  };
  const optional = (a.optional ?? false) && (b.optional ?? false);
  if (optional) merged.optional = true;
  else delete merged.optional;
  return merged;
}

/** One package per purl, sorted by purl, with sorted locations and edges, so output is the same on every run. */
export function mergePackages(packages: Iterable<Package>): Package[] {
  const byPurl = new Map<string, Package>();
  for (const p of packages) {
    const seen = byPurl.get(p.purl);
    byPurl.set(p.purl, seen ? mergePackage(seen, p) : p);
  }
  return [...byPurl.values()]
    .map((p) => ({ ...p, locations: [...p.locations].sort(), dependsOn: [...p.dependsOn].sort() }))
    .sort((x, y) => (x.purl < y.purl ? -1 : x.purl > y.purl ? 1 : 0));
}

export function sortRoots(roots: RootComponent[]): RootComponent[] {
  return roots
    .map((r) => ({ ...r, dependsOn: [...new Set(r.dependsOn)].sort() }))
    .sort((x, y) => (x.manifest < y.manifest ? -1 : x.manifest > y.manifest ? 1 : x.ref < y.ref ? -1 : 1));
}
