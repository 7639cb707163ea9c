import type { Finding, PackageLocation } from '../model/finding.js';
import { normalizePath } from '../model/fingerprint.js';
import { advisoryIds } from './advisory.js';
import { mergeGroup } from './merge.js';
import { sortFindings } from './order.js';
import { UnionFind } from './union-find.js';

/**
 * Where a package was found. The image wins over the file: scanners disagree on the path of a
 * package inside an image (Trivy gives none for OS packages, Grype gives the package database), so
 * within one image the name and version are what identify it.
 */
function packageKey(location: PackageLocation): string {
  const where = location.image ?? (location.file !== undefined ? normalizePath(location.file) : '');
  return `${location.name}\0${location.version ?? ''}\0${where}`;
}

/** Joins `i` with the first finding that claimed `key`, or claims it. */
function link(uf: UnionFind, owners: Map<string, number>, key: string, i: number): void {
  const owner = owners.get(key);
  if (owner === undefined) owners.set(key, i);
  else uf.union(owner, i);
}

/** Owners of fingerprints and advisory ids on one package; scoping by package keeps the keys short. */
interface PackageScope {
  fingerprints: Map<string, number>;
  advisories: Map<string, number>;
}

/**
 * Merges reports of the same issue from several tools or files: equal fingerprints, and package
 * findings on the same package (name, version, image or file) whose advisory ids overlap. Output is
 * sorted by severity, location and rule. Linear in the number of findings apart from the final sort.
 */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const uf = new UnionFind(findings.length);
  const byFingerprint = new Map<string, number>();
  const byPackage = new Map<string, PackageScope>();
  findings.forEach((f, i) => {
    if (f.location.type !== 'package') {
      link(uf, byFingerprint, f.fingerprint, i);
      return;
    }
    const key = packageKey(f.location);
    let scope = byPackage.get(key);
    if (scope === undefined) {
      scope = { fingerprints: new Map(), advisories: new Map() };
      byPackage.set(key, scope);
    }
    // Package fingerprints leave out the version (an upgrade that is still vulnerable keeps its id), so
    // two versions in findings fingerprinted apart, as when merging two runs, can share one: the
    // fingerprint only merges within one package version.
    link(uf, scope.fingerprints, f.fingerprint, i);
    for (const id of advisoryIds(f)) link(uf, scope.advisories, id, i);
  });

  // Groups in order of their first member, as a map from root would give, but without a map entry
  // and an array for each of the (usually) almost all single findings.
  const slotOfRoot = new Int32Array(findings.length).fill(-1);
  const slots: (Finding | Finding[])[] = [];
  findings.forEach((f, i) => {
    const root = uf.find(i);
    const slot = slotOfRoot[root] ?? -1;
    if (slot === -1) {
      slotOfRoot[root] = slots.length;
      slots.push(f);
      return;
    }
    const held = slots[slot] as Finding | Finding[];
    if (Array.isArray(held)) held.push(f);
    else slots[slot] = [held, f];
  });
  return sortFindings(slots.map((s) => (Array.isArray(s) ? mergeGroup(s) : s)));
}
