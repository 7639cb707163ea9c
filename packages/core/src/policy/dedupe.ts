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

/**
 * Merges reports of the same issue from several tools or files: equal fingerprints, and package
 * findings on the same package (name, version, image or file) whose advisory ids overlap. Output is
 * sorted by severity, location and rule. Linear in the number of findings apart from the final sort.
 */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const uf = new UnionFind(findings.length);
  const owners = new Map<string, number>();
  findings.forEach((f, i) => {
    if (f.location.type !== 'package') {
      link(uf, owners, `fp\0${f.fingerprint}`, i);
      return;
    }
    const pkg = packageKey(f.location);
    // Package fingerprints leave out the version (an upgrade that is still vulnerable keeps its id), so
    // two versions in findings fingerprinted apart, as when merging two runs, can share one.
    link(uf, owners, `fp\0${f.fingerprint}\0${f.location.version ?? ''}`, i);
    for (const id of advisoryIds(f)) link(uf, owners, `adv\0${pkg}\0${id}`, i);
  });

  const groups = new Map<number, Finding[]>();
  findings.forEach((f, i) => {
    const root = uf.find(i);
    const group = groups.get(root);
    if (group) group.push(f);
    else groups.set(root, [f]);
  });
  return sortFindings([...groups.values()].map(mergeGroup));
}
