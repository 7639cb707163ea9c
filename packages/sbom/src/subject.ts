import { mergePackages, type Ecosystem, type Inventory, type Package, type RootComponent } from '@rampart/inventory';
import { byCodeUnit, sortedUnique } from './order.js';

/** What a document describes: one project, with the packages it uses. */
export interface SubjectRoot {
  ref: string;
  name: string;
  version?: string;
  ecosystem?: Ecosystem;
  purl?: string;
  licenses: string[];
  /** refs (purls or other roots' refs) this root depends on directly; sorted, all known. */
  dependsOn: string[];
  /** Made up from the project name because the inventory has several roots or none. */
  synthetic: boolean;
}

export interface Subject {
  /** The single root, or a synthetic project root over several roots or over no root at all. */
  top: SubjectRoot;
  /** Every root of the inventory (the top one too when it is real), sorted by ref. */
  roots: SubjectRoot[];
  /** One per purl, sorted by purl, with edges only to known refs. Packages that are also a root are left out. */
  packages: Package[];
}

function fromRoot(root: RootComponent, known: ReadonlySet<string>): SubjectRoot {
  const out: SubjectRoot = {
    ref: root.ref,
    name: root.name,
    ecosystem: root.ecosystem,
    licenses: [...(root.licenses ?? [])],
    dependsOn: sortedUnique(root.dependsOn.filter((d) => known.has(d) && d !== root.ref)),
    synthetic: false,
  };
  if (root.version !== undefined && root.version !== '') out.version = root.version;
  if (root.purl !== undefined) out.purl = root.purl;
  return out;
}

/**
 * Merging keeps the first sighting's name and licenses when two sightings of one purl disagree (pypi's `a_b` and
 * `a.b`), so the sightings are put in an order that depends on their content only, never on the input order.
 */
function canonicalOrder(packages: readonly Package[]): Package[] {
  const keyed = packages.map((p) => {
    const canonical: Package = {
      ...p,
      hashes: [...p.hashes].sort((a, b) => byCodeUnit(a.alg, b.alg) || byCodeUnit(a.value, b.value)),
      locations: [...p.locations].sort(byCodeUnit),
      dependsOn: [...p.dependsOn].sort(byCodeUnit),
    };
    const { purl, name, version, ecosystem, licenses, hashes, direct, dev, optional, locations, dependsOn } = canonical;
    const key = JSON.stringify([purl, name, version, ecosystem, licenses, hashes, direct, dev, optional, locations, dependsOn]);
    return { canonical, key };
  });
  return keyed.sort((a, b) => byCodeUnit(a.key, b.key)).map((k) => k.canonical);
}

/** Packages that nothing else depends on: the best guess at what a project without a manifest uses directly. */
function topLevel(packages: readonly Package[]): string[] {
  const used = new Set(packages.flatMap((p) => p.dependsOn.filter((d) => d !== p.purl)));
  return packages.map((p) => p.purl).filter((ref) => !used.has(ref));
}

/**
 * Normalises an inventory for the writers: packages merged and sorted (so input order never shows in the output),
 * dangling edges dropped (a lockfile may name a package it does not list, and a document must not point at nothing),
 * and a package that is also a root (a workspace member that another lockfile depends on) kept once, as the root,
 * because two elements with one ref would make CycloneDX's bom-refs collide.
 */
export function subjectOf(inventory: Inventory, projectName: string): Subject {
  const rootRefs = new Set(inventory.roots.map((r) => r.ref));
  const merged = mergePackages(canonicalOrder(inventory.packages)).filter((p) => !rootRefs.has(p.purl));
  const known = new Set([...rootRefs, ...merged.map((p) => p.purl)]);
  const packages = merged.map((p) => ({
    ...p,
    dependsOn: sortedUnique(p.dependsOn.filter((d) => known.has(d) && d !== p.purl)),
  }));
  const byRef = new Map<string, SubjectRoot>();
  for (const r of inventory.roots) {
    if (!byRef.has(r.ref)) byRef.set(r.ref, fromRoot(r, known));
  }
  const roots = [...byRef.values()].sort((a, b) => byCodeUnit(a.ref, b.ref));
  const single = roots.length === 1 ? roots[0] : undefined;
  if (single) return { top: single, roots, packages };
  const top: SubjectRoot = {
    ref: syntheticRef(projectName, known),
    name: projectName,
    licenses: [],
    dependsOn: roots.length > 0 ? roots.map((r) => r.ref) : topLevel(packages),
    synthetic: true,
  };
  return { top, roots, packages };
}

/** Roots are purls or `root:<path>`; `project:` cannot meet either, but a suffix keeps it unique whatever comes. */
function syntheticRef(name: string, known: ReadonlySet<string>): string {
  let ref = `project:${name}`;
  for (let i = 2; known.has(ref); i++) ref = `project:${name}#${i}`;
  return ref;
}
