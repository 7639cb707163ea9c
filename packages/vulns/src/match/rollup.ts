import { idKey } from '../osv/ids.js';
import { namesOf, type RecordMatch } from './group.js';

/**
 * Drops roll-up advisories: a distro advisory (DSA-5514-1, USN-6039-1) lists in `upstream` the CVEs it fixes, and
 * OSV also has one record per CVE (DEBIAN-CVE-..., UBUNTU-CVE-...). When every CVE a roll-up names is already a
 * finding for the package, the roll-up would only repeat them; when one is not, the roll-up stays, so nothing it
 * covers is lost. A group is never dropped for its own ids.
 */
export function dropRollups(groups: readonly RecordMatch[][]): RecordMatch[][] {
  const namesOfGroup = groups.map((g) => new Set(g.flatMap((m) => namesOf(m.record))));
  return groups.filter((group, i) => {
    const own = namesOfGroup[i] as Set<string>;
    const upstream = [...new Set(group.flatMap((m) => m.record.upstream.map(idKey)))].filter((u) => !own.has(u));
    if (upstream.length === 0) return true;
    return !upstream.every((u) => namesOfGroup.some((names, j) => j !== i && names.has(u)));
  });
}
